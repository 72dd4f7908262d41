import { useSyncExternalStore } from 'react';
import type { ArticleStatus } from '@shared/model/types.ts';
import type { ArticleRecord } from '../../db/schema.ts';

/**
 * The library's filter, shared: the agreement screen can take "the articles in the current
 * filter" as its sample. Kept for the session, per project.
 */
export interface LibraryFilter {
  query: string;
  status: ArticleStatus | '';
}

const EMPTY: LibraryFilter = { query: '', status: '' };
const filters = new Map<string, LibraryFilter>();
const listeners = new Set<() => void>();

export function setLibraryFilter(projectId: string, change: Partial<LibraryFilter>): void {
  filters.set(projectId, { ...(filters.get(projectId) ?? EMPTY), ...change });
  for (const l of listeners) l();
}

export function useLibraryFilter(projectId: string): LibraryFilter {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => filters.get(projectId) ?? EMPTY,
  );
}

/** Text of a field that should be a string; a record of another shape must not break the list. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function isFiltered(f: LibraryFilter): boolean {
  return f.query.trim() !== '' || f.status !== '';
}

export function filterArticles(articles: ArticleRecord[], f: LibraryFilter): ArticleRecord[] {
  const q = f.query.trim().toLocaleLowerCase();
  if (!q && !f.status) return articles;
  return articles.filter((a) => (!f.status || a.status === f.status) && (!q || text(a.title).toLocaleLowerCase().includes(q) || text(a.meta?.outlet).toLocaleLowerCase().includes(q)));
}
