import type { Annotation, Relation } from '@shared/model/types.ts';
import { db } from './db.ts';

/** One change of statement records: written in one transaction, so a role never lands half-made. */
export interface StatementWrite {
  putAnnotations?: Annotation[];
  putRelations?: Relation[];
  deleteAnnotations?: string[];
  deleteRelations?: string[];
}

export async function writeStatementChange(w: StatementWrite): Promise<void> {
  await db.transaction('rw', db.annotations, db.relations, async () => {
    if (w.deleteRelations?.length) await db.relations.bulkDelete(w.deleteRelations);
    if (w.deleteAnnotations?.length) await db.annotations.bulkDelete(w.deleteAnnotations);
    if (w.putAnnotations?.length) await db.annotations.bulkPut(w.putAnnotations);
    if (w.putRelations?.length) await db.relations.bulkPut(w.putRelations);
  });
}

/** The change that undoes `w`: what it put is deleted, what it deleted (given as records) is put back. */
export function inverseStatementChange(w: { putAnnotations?: Annotation[]; putRelations?: Relation[]; removedAnnotations?: Annotation[]; removedRelations?: Relation[] }): StatementWrite {
  return {
    deleteAnnotations: (w.putAnnotations ?? []).map((a) => a.id),
    deleteRelations: (w.putRelations ?? []).map((r) => r.id),
    putAnnotations: w.removedAnnotations ?? [],
    putRelations: w.removedRelations ?? [],
  };
}
