import { useEffect, useState } from 'react';
import { emptyCounts, prepareFilter, type AnnotationFilter, type TableContext, type TableCounts } from '@shared/analysis/annotation-table.ts';
import type { Id } from '@shared/model/types.ts';
import { scanAnnotationTable } from '../../db/annotation-table.ts';

export interface ScanState {
  /** Ids of the matching annotations in table order; grows while the scan runs. */
  ids: Id[];
  counts: TableCounts;
  articlesRead: number;
  done: boolean;
  error: string | null;
  /** Changes with every page, so that React re-renders while the same arrays grow. */
  version: number;
}

const REPAINT_MS = 120;

/**
 * The table's rows for a filter: the project is walked a page of articles at a time; only the
 * matching ids (not the records) are kept, and the screen is refreshed a few times a second
 * while the walk goes on, so the first rows appear at once on a corpus of any size.
 */
export function useAnnotationScan(projectId: Id, ctx: TableContext | null, filter: AnnotationFilter, refresh: number): ScanState {
  const [state, setState] = useState<ScanState>(() => ({ ids: [], counts: emptyCounts(), articlesRead: 0, done: false, error: null, version: 0 }));
  useEffect(() => {
    if (!ctx) return;
    const abort = new AbortController();
    const ids: Id[] = [];
    const counts = emptyCounts();
    let articlesRead = 0;
    let version = 0;
    let lastPaint = 0;
    const publish = (done: boolean, error: string | null = null) => setState({ ids, counts, articlesRead, done, error, version: ++version });
    publish(false);
    void scanAnnotationTable(
      projectId,
      ctx,
      prepareFilter(filter, ctx.tags.values()),
      (matches, _page, progress) => {
        for (const a of matches) ids.push(a.id);
        articlesRead = progress.articlesRead;
        const now = performance.now();
        if (now - lastPaint > REPAINT_MS) {
          lastPaint = now;
          publish(false);
        }
      },
      { counts, signal: abort.signal },
    ).then(
      () => {
        if (!abort.signal.aborted) publish(true);
      },
      (e: unknown) => {
        if (!abort.signal.aborted) publish(true, e instanceof Error ? e.message : String(e));
      },
    );
    return () => abort.abort();
  }, [projectId, ctx, filter, refresh]);
  return state;
}
