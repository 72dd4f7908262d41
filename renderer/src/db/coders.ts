import { db } from './db.ts';

/** Every coder name on the project's annotations, sorted. Reads every annotation: call on demand, not live. */
export async function listCoders(projectId: string): Promise<string[]> {
  const names = new Set<string>();
  await db.annotations.where('projectId').equals(projectId).each((a) => {
    names.add(a.coder);
  });
  return [...names].sort();
}
