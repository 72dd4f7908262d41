import type { Table } from 'dexie';
import { db } from './db.ts';
import { forgetIndex } from './search-index.ts';

/** How far a project's deletion has come: records removed of those there were at the start. */
export interface DeletionProgress {
  done: number;
  total: number;
}

/** Records per transaction: one transaction over 100,000 articles froze the window for seconds at commit. */
export const DELETE_CHUNK = 1000;

/** Every table that holds a project's records by a `projectId` index (new tables are included by themselves). */
function projectTables(): Table[] {
  return db.tables.filter((t) => t.name !== db.projects.name && t.schema.indexes.some((i) => i.name === 'projectId'));
}

const running = new Map<string, Promise<void>>();

/**
 * Deletes a project and everything in it, in small transactions so the window stays responsive.
 * The project is marked first: it leaves the list at once and, should the app close half-way,
 * `resumeDeletions` finishes the job at the next start (a half-deleted project is never shown).
 */
export function deleteProjectInChunks(id: string, onProgress: (p: DeletionProgress) => void = () => {}, chunk = DELETE_CHUNK): Promise<void> {
  const current = running.get(id);
  if (current) return current;
  const job = (async () => {
    await db.projects.update(id, { deleting: true });
    const tables = projectTables();
    const counts = await Promise.all(tables.map((t) => t.where('projectId').equals(id).count()));
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    onProgress({ done, total });
    for (const table of tables) {
      for (;;) {
        const removed = await db.transaction('rw', [table, db.articleTexts], async () => {
          const keys = await table.where('projectId').equals(id).limit(chunk).primaryKeys();
          // An article's text is keyed by the article's id, not by project.
          if (table.name === db.articles.name) await db.articleTexts.bulkDelete(keys as string[]);
          await table.bulkDelete(keys);
          return keys.length;
        });
        done += removed;
        onProgress({ done: Math.min(done, total), total });
        if (removed < chunk) break;
      }
    }
    await db.projects.delete(id);
    forgetIndex(id); // the search index's in-memory copy
  })().finally(() => running.delete(id));
  running.set(id, job);
  return job;
}

/** Projects whose deletion a closed window interrupted: `deleteProjectInChunks` finishes each. */
export async function interruptedDeletions(): Promise<{ id: string; name: string }[]> {
  return (await db.projects.toArray()).filter((p) => p.deleting).map((p) => ({ id: p.id, name: p.name }));
}
