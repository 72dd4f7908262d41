import type { MentionRejection } from '@shared/actors/rejections.ts';
import { db } from './db.ts';

/** The ids (rejection keys) of a project's rejected mention proposals. */
export async function listMentionRejectionKeys(projectId: string): Promise<Set<string>> {
  return new Set(await db.mentionRejections.where('projectId').equals(projectId).primaryKeys());
}

/** Stores rejections: one transaction. */
export async function putMentionRejections(list: readonly MentionRejection[]): Promise<void> {
  await db.mentionRejections.bulkPut([...list]);
}

/** Forgets rejections (undo): one transaction. */
export async function deleteMentionRejections(ids: readonly string[]): Promise<void> {
  await db.mentionRejections.bulkDelete([...ids]);
}
