import { useSyncExternalStore } from 'react';

/**
 * The library's search, shared by the search box, the results and the reader (which opens its
 * find bar on the same query when an article is opened from a hit). One per window.
 */
export interface SearchState {
  projectId: string | null;
  /** What the user submitted; '' when no search is active. */
  text: string;
  /** The box holds a query that cannot be read (its message is shown there): no results meanwhile. */
  invalid?: boolean;
}

let state: SearchState = { projectId: null, text: '' };
const listeners = new Set<() => void>();

export function setSearch(next: SearchState): void {
  if (next.projectId === state.projectId && next.text === state.text && !!next.invalid === !!state.invalid) return;
  state = next;
  for (const l of listeners) l();
}

export function getSearch(): SearchState {
  return state;
}

export function useSearchState(): SearchState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** An article opened from a search hit: the reader opens its find bar on this query at this hit. */
export interface PendingFind {
  articleId: string;
  text: string;
  hitIndex: number;
}

let pendingFind: PendingFind | null = null;

export const PENDING_FIND_EVENT = 'presswork:pending-find';

export function setPendingFind(p: PendingFind | null): void {
  pendingFind = p;
  // The article may already be open (no new mount to pick it up): tell the reader now.
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(PENDING_FIND_EVENT));
}

/** Takes the pending find for this article (once). */
export function takePendingFind(articleId: string): PendingFind | null {
  if (pendingFind?.articleId !== articleId) return null;
  const p = pendingFind;
  pendingFind = null;
  return p;
}
