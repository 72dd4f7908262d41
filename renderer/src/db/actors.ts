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

/** The actor a typed name refers to: by name or alias, ignoring case and surrounding spaces. */
export function findActor(actors: readonly Actor[], name: string): Actor | undefined {
  const key = name.trim().toLocaleLowerCase();
  return actors.find((a) => a.name.toLocaleLowerCase() === key || a.aliases.some((x) => x.toLocaleLowerCase() === key));
}
