import { projectCoders } from './samples.ts';

/**
 * Every coder name on the project's annotations, sorted. Reads the distinct keys of the
 * [projectId+coder] index, not the annotations: scanning 300,000 of them made the agreement
 * dialog slow to open.
 */
export async function listCoders(projectId: string): Promise<string[]> {
  // Code-unit order, as before (projectCoders sorts by locale).
  return (await projectCoders(projectId)).sort();
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
