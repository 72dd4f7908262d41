import { newId, nowIso } from '@shared/model/ids.ts';
import type { Annotation, Relation } from '@shared/model/types.ts';
import { db } from './db.ts';

export type NewAnnotation = Omit<Annotation, 'id' | 'createdAt' | 'updatedAt'> & Partial<Pick<Annotation, 'id' | 'createdAt' | 'updatedAt'>>;

export function completeAnnotation(a: NewAnnotation): Annotation {
  const now = nowIso();
  return { ...a, id: a.id ?? newId(), createdAt: a.createdAt ?? now, updatedAt: a.updatedAt ?? now };
}

/** The article's annotations in text order (start, then longer spans first). */
export async function listAnnotations(articleId: string): Promise<Annotation[]> {
  const list = await db.annotations.where('[articleId+start]').between([articleId, -Infinity], [articleId, Infinity]).toArray();
  return list.sort((a, b) => a.start - b.start || b.end - a.end);
}

export async function putAnnotations(list: Annotation[]): Promise<void> {
  await db.annotations.bulkPut(list);
}

export async function deleteAnnotations(ids: string[]): Promise<void> {
  await db.transaction('rw', db.annotations, db.relations, async () => {
    await db.annotations.bulkDelete(ids);
    await db.relations.where('fromId').anyOf(ids).delete();
    await db.relations.where('toId').anyOf(ids).delete();
  });
}

/**
 * Deletes annotations with the relations that involve them, in one transaction; returns those
 * relations (what undo puts back with the annotations).
 */
export async function removeAnnotationsWithRelations(ids: string[]): Promise<Relation[]> {
  return db.transaction('rw', db.annotations, db.relations, async () => {
    const relations = await relationsOf(ids);
    await deleteAnnotations(ids);
    return relations;
  });
}

/** Puts annotations and relations back together, in one transaction. */
export async function restoreAnnotations(annotations: Annotation[], relations: Relation[]): Promise<void> {
  await db.transaction('rw', db.annotations, db.relations, async () => {
    await db.annotations.bulkPut(annotations);
    if (relations.length > 0) await db.relations.bulkPut(relations);
  });
}

/** Relations in which any of the annotations takes part (either end). */
export async function relationsOf(annotationIds: string[]): Promise<Relation[]> {
  const [from, to] = await Promise.all([db.relations.where('fromId').anyOf(annotationIds).toArray(), db.relations.where('toId').anyOf(annotationIds).toArray()]);
  const byId = new Map([...from, ...to].map((r) => [r.id, r]));
  return [...byId.values()];
}

export function listRelations(articleId: string): Promise<Relation[]> {
  return db.relations.where('articleId').equals(articleId).toArray();
}

export async function putRelations(list: Relation[]): Promise<void> {
  await db.relations.bulkPut(list);
}

export async function deleteRelations(ids: string[]): Promise<void> {
  await db.relations.bulkDelete(ids);
}

/**
 * Read-modify-write of one stored annotation in one transaction, so that two quick edits of the
 * same record (Stance, then Verifiable) each see the other's result: IndexedDB runs overlapping
 * read-write transactions on a store one after the other. Returns the record before and after,
 * which is what undo needs; undefined when the annotation is gone.
 */
export async function modifyAnnotation(id: string, change: (current: Annotation) => Annotation): Promise<{ before: Annotation; after: Annotation } | undefined> {
  return db.transaction('rw', db.annotations, async () => {
    const before = await db.annotations.get(id);
    if (!before) return undefined;
    const after = change(before);
    await db.annotations.put(after);
    return { before, after };
  });
}

export function getAnnotation(id: string): Promise<Annotation | undefined> {
  return db.annotations.get(id);
}
