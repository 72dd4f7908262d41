import type { Actor } from '@shared/model/types.ts';
import { db } from './db.ts';

export function listActors(projectId: string): Promise<Actor[]> {
  return db.actors.where('projectId').equals(projectId).sortBy('name');
}

export async function putActors(list: Actor[]): Promise<void> {
  await db.actors.bulkPut(list);
}

export async function deleteActors(ids: string[]): Promise<void> {
  await db.actors.bulkDelete(ids);
}

/** How many annotations of the project refer to each actor (actors with none are absent). */
export async function actorMentionCounts(projectId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.annotations
    .where('projectId')
    .equals(projectId)
    .each((a) => {
      if (a.actorId) counts.set(a.actorId, (counts.get(a.actorId) ?? 0) + 1);
    });
  return counts;
}
