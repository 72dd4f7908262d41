import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { statementsFromRecords, type StatementData } from '@shared/statements/from-records.ts';
import type { Project } from '@shared/model/types.ts';
import { readStatementRecords } from '../../db/statements.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { useLibraryFilter } from '../filters/use-library-filter.ts';

export interface StatementsState {
  /** Undefined while the first reading runs. */
  data: StatementData | undefined;
  /** The library filter's articles when a filter is set (its chips apply here too); undefined: all. */
  articleIds: ReadonlySet<string> | undefined;
  /** The library filter's chips, to show what is applied and to remove a part. */
  chips: ReturnType<typeof useLibraryFilter>['chips'];
  removeChip: ReturnType<typeof useLibraryFilter>['remove'];
}

/** The project's statements, kept current as claims and links change, and the library filter's selection. */
export function useStatements(project: Project, articles: ArticleRecord[] | undefined): StatementsState {
  const records = useLiveQuery(() => readStatementRecords(project.id), [project.id]);
  const data = useMemo(() => (records ? statementsFromRecords(records) : undefined), [records]);
  const library = useLibraryFilter(project, articles);
  const filtered = library.chips.length > 0;
  const articleIds = useMemo(() => (filtered && library.shown ? new Set(library.shown.map((a) => a.id)) : undefined), [filtered, library.shown]);
  return { data, articleIds, chips: library.chips, removeChip: library.remove };
}
