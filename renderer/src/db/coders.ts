import { db } from './db.ts';

/** Every coder name on the project's annotations, sorted. Reads every annotation: call on demand, not live. */
export async function listCoders(projectId: string): Promise<string[]> {
  const names = new Set<string>();
  await db.annotations.where('projectId').equals(projectId).each((a) => {
    names.add(a.coder);
  });
  return [...names].sort();
}

const listeners = new Set<() => void>();

/**
 * Told when another coder's work may have come in or gone (a merge, its undo): the layer choice
 * re-reads the coders then, instead of scanning every annotation after each edit.
 */
export function onCodersChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function codersChanged(): void {
  for (const l of listeners) l();
}
