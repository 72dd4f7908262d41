import { useSyncExternalStore } from 'react';

/**
 * One short message about what the last action did (or why it did nothing), shown in the reader
 * in a live region: "Already tagged as Claim", "Stance was not kept…". Each call replaces the last.
 */
export interface Notice {
  id: number;
  text: string;
}

let current: Notice | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export function showNotice(text: string): void {
  current = { id: nextId++, text };
  emit();
}

export function dismissNotice(id?: number): void {
  if (current === null || (id !== undefined && current.id !== id)) return;
  current = null;
  emit();
}

export function useNotice(): Notice | null {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => current,
  );
}
