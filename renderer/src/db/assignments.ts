/**
 * The store side of a study's assignments (shared/analysis/assignments.ts): add and remove as
 * undoable pairs (each one transaction), and the per-coder figures the assignments screen shows.
 */
import Dexie from 'dexie';
import type { Assignment } from '@shared/analysis/assignments.ts';
import type { Id } from '@shared/model/types.ts';
import { db } from './db.ts';

export function listAssignments(projectId: Id): Promise<Assignment[]> {
  return db.assignments.where('projectId').equals(projectId).toArray();
}

export async function addAssignments(records: readonly Assignment[]): Promise<void> {
  await db.transaction('rw', db.assignments, () => db.assignments.bulkPut([...records]));
}

export async function removeAssignments(ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.assignments, () => db.assignments.bulkDelete([...ids]));
}

/**
 * For each coder, the articles holding at least one of their annotations: index keys only
 * (`[projectId+coder]` gives the coders; each coder's article ids come from the same index).
 */
export async function articlesCodedPerCoder(projectId: Id): Promise<Map<string, Set<Id>>> {
  const out = new Map<string, Set<Id>>();
  await db.annotations
    .where('[projectId+coder]')
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    .each((a) => {
      let set = out.get(a.coder);
      if (!set) out.set(a.coder, (set = new Set()));
      set.add(a.articleId);
    });
  return out;
}
