import { quoteContext } from '@shared/text/anchor.ts';
import { nowIso } from '@shared/model/ids.ts';
import type { Annotation } from '@shared/model/types.ts';
import { modifyAnnotation, putAnnotations } from '../../../db/annotations.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

/** A change to an annotation: fields to set, or computed from the record as stored right now. */
export type AnnotationPatch = Partial<Annotation> | ((stored: Annotation) => Partial<Annotation>);

export type AnnotationChange = { before: Annotation; after: Annotation } | undefined;

/**
 * Applies a patch to the stored record inside one transaction (read, change, write), never to
 * the caller's copy: two quick edits (Stance, then Verifiable) must not overwrite each other.
 * With `text`, a moved span gets its quote and context again.
 */
export function patchAnnotation(id: string, patch: AnnotationPatch, text?: string): Promise<AnnotationChange> {
  return modifyAnnotation(id, (stored) => {
    const fields = typeof patch === 'function' ? patch(stored) : patch;
    const after = { ...stored, ...fields, updatedAt: nowIso() };
    const moved = fields.start !== undefined || fields.end !== undefined;
    return text !== undefined && moved ? { ...after, ...quoteContext(text, after.start, after.end) } : after;
  });
}

/** Undo and redo of any single-annotation change: writes the record as it was, or as it became. */
export async function putBack(change: AnnotationChange, side: 'before' | 'after'): Promise<void> {
  if (change) await putAnnotations([change[side]]);
}

export interface UpdateAnnotationArgs {
  id: string;
  patch: AnnotationPatch;
  text?: string;
  label?: string;
}

/** Changes an annotation (note, actor link, boundaries…). */
export const updateAnnotationAction = defineAction<UpdateAnnotationArgs, AnnotationChange>({
  name: 'update-annotation',
  label: (a) => a.label ?? 'Edit annotation',
  perform: (a) => patchAnnotation(a.id, a.patch, a.text),
  undo: (change) => putBack(change, 'before'),
  redo: (change) => putBack(change, 'after'),
});

/**
 * Changes an annotation; undoable. Resolves to the record before and after, or undefined when
 * the annotation is gone.
 */
export function updateAnnotation(current: Annotation, patch: AnnotationPatch, text?: string, label = 'Edit annotation'): Promise<AnnotationChange> {
  return runAction(updateAnnotationAction, { id: current.id, patch, ...(text !== undefined ? { text } : {}), label });
}
