import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { buildRow, prepareFilter, rowsToCsv, tableContext, type AnnotationFilter, type AnnotationRow, type TableContext } from '@shared/analysis/annotation-table.ts';
import type { Actor, Id, Project, Tag } from '@shared/model/types.ts';
import { db } from '../../db/db.ts';
import { loadRows, scanAnnotationTable } from '../../db/annotation-table.ts';

/** The codebook and actor registry the table reads (live), and the context built from them. */
export function useTableContext(project: Project): { tags: Tag[] | undefined; actors: Actor[] | undefined; ctx: TableContext | null } {
  const tags = useLiveQuery(() => db.tags.where('projectId').equals(project.id).toArray(), [project.id]);
  const actors = useLiveQuery(() => db.actors.where('projectId').equals(project.id).sortBy('name'), [project.id]);
  const ctx = useMemo<TableContext | null>(() => (tags && actors ? tableContext(project.categories, tags, actors) : null), [project.categories, tags, actors]);
  return { tags, actors, ctx };
}

/** The rows of the ids on screen, read from the store when they change (`version` re-reads after a refresh). */
export function useRows(visible: readonly Id[], ctx: TableContext, version: number): Map<Id, AnnotationRow> {
  const key = visible.join(',');
  const [rows, setRows] = useState<Map<Id, AnnotationRow>>(() => new Map());
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',') : [];
    if (wanted.length === 0) return;
    void loadRows(wanted, ctx).then((list) => {
      if (live) setRows(new Map(list.map((r) => [r.id, r])));
    });
    return () => {
      live = false;
    };
  }, [key, ctx, version]);
  return rows;
}

/** The table as filtered now, as CSV chunks: the project is read again page by page. */
export async function tableCsvParts(projectId: Id, ctx: TableContext, filter: AnnotationFilter): Promise<string[]> {
  const parts: string[] = [rowsToCsv([], true)];
  await scanAnnotationTable(projectId, ctx, prepareFilter(filter, ctx.tags.values()), (matches, page) => {
    if (matches.length > 0) parts.push(rowsToCsv(matches.map((a) => buildRow(a, page, ctx)), false));
  });
  return parts;
}
