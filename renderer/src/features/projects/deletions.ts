import { useSyncExternalStore } from 'react';
import { errorMessage } from '@shared/errors.ts';
import { deleteProjectInChunks, interruptedDeletions, type DeletionProgress } from '../../db/project-deletion.ts';

/** A deletion the projects page shows while it runs (or its failure). */
export interface Deletion extends DeletionProgress {
  id: string;
  name: string;
  error?: string;
}

let deletions: readonly Deletion[] = [];
const listeners = new Set<() => void>();

function update(id: string, change: Partial<Deletion> | null, name = ''): void {
  const at = deletions.findIndex((d) => d.id === id);
  if (change === null) deletions = deletions.filter((d) => d.id !== id);
  else if (at < 0) deletions = [...deletions, { id, name, done: 0, total: 0, ...change }];
  else deletions = deletions.map((d) => (d.id === id ? { ...d, ...change } : d));
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDeletions(): readonly Deletion[] {
  return useSyncExternalStore(subscribe, () => deletions);
}

/** Starts deleting a project in the background; its progress and any failure show on the projects page. */
export function startDeletion(id: string, name: string): void {
  update(id, {}, name);
  deleteProjectInChunks(id, (p) => update(id, p)).then(
    () => update(id, null),
    (e: unknown) => update(id, { error: errorMessage(e) }),
  );
}

let resumed = false;

/** Once per start of the app: finish deletions a closed window interrupted. */
export function resumeInterruptedDeletions(): void {
  if (resumed) return;
  resumed = true;
  interruptedDeletions().then(
    (pending) => pending.forEach((p) => startDeletion(p.id, p.name)),
    () => {}, // the projects page still lists every whole project; nothing to report here
  );
}
