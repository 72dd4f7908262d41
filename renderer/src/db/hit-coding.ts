import type { Annotation } from '@shared/model/types.ts';
import type { ExistingAnnotation } from '@shared/search/code-hits.ts';
import { db } from './db.ts';

/** The annotations of some articles, as coding from hits compares them (chunked: a concordance spans thousands of articles). */
export async function annotationsOfArticles(articleIds: readonly string[]): Promise<ExistingAnnotation[]> {
  const out: ExistingAnnotation[] = [];
  const ids = [...new Set(articleIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const list = await db.annotations.where('articleId').anyOf(ids.slice(i, i + 500)).toArray();
    for (const a of list) out.push({ id: a.id, articleId: a.articleId, tagId: a.tagId, start: a.start, end: a.end, ...(a.actorId !== undefined ? { actorId: a.actorId } : {}) });
  }
  return out;
}

/** What one coding-from-hits step wrote: the new annotations, and the linked mentions as they were and became. */
export interface HitCodingChange {
  created: Annotation[];
  linkedBefore: Annotation[];
  linkedAfter: Annotation[];
}

/**
 * Writes a coding from hits in ONE transaction: the new annotations, and the actor link on the
 * existing mentions (read and changed inside the transaction, so a concurrent edit is kept).
 */
export async function applyHitCoding(created: Annotation[], links: readonly { annotationId: string; actorId: string }[], now: string): Promise<HitCodingChange> {
  return db.transaction('rw', db.annotations, async () => {
    await db.annotations.bulkAdd(created);
    const stored = await db.annotations.bulkGet(links.map((l) => l.annotationId));
    const linkedBefore: Annotation[] = [];
    const linkedAfter: Annotation[] = [];
    links.forEach((l, i) => {
      const before = stored[i];
      if (!before) return;
      linkedBefore.push(before);
      linkedAfter.push({ ...before, actorId: l.actorId, updatedAt: now });
    });
    await db.annotations.bulkPut(linkedAfter);
    return { created, linkedBefore, linkedAfter };
  });
}

/** Undoes a coding from hits in one transaction (the new annotations and any relations added to them since go; links are restored). */
export async function revertHitCoding(change: HitCodingChange): Promise<void> {
  const ids = change.created.map((a) => a.id);
  await db.transaction('rw', db.annotations, db.relations, async () => {
    await db.annotations.bulkDelete(ids);
    await db.relations.where('fromId').anyOf(ids).delete();
    await db.relations.where('toId').anyOf(ids).delete();
    await db.annotations.bulkPut(change.linkedBefore);
  });
}

/** Redoes a coding from hits in one transaction, writing the records as they were made. */
export async function reapplyHitCoding(change: HitCodingChange): Promise<void> {
  await db.transaction('rw', db.annotations, async () => {
    await db.annotations.bulkPut([...change.created, ...change.linkedAfter]);
  });
}
