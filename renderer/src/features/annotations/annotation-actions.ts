import { quoteContext } from '@shared/text/anchor.ts';
import type { Annotation, Relation } from '@shared/model/types.ts';
import { completeAnnotation, deleteAnnotations, getAnnotation, putAnnotations, relationsOf, putRelations } from '../../db/annotations.ts';
import { undoStack } from '../undo/undo-stack.ts';

/** The annotation that tagging [start, end) of `text` with `tagId` creates (not stored yet). */
export function prepareAnnotation(args: { projectId: string; articleId: string; text: string; start: number; end: number; tagId: string; coder: string }): Annotation {
  const { text, start, end } = args;
  return completeAnnotation({
    projectId: args.projectId,
    articleId: args.articleId,
    tagId: args.tagId,
    start,
    end,
    ...quoteContext(text, start, end),
    attributes: {},
    coder: args.coder,
  });
}

/** Stores a prepared annotation; undoable. */
export async function addAnnotation(annotation: Annotation): Promise<void> {
  await undoStack.perform({
    label: 'Add annotation',
    redo: () => putAnnotations([annotation]),
    undo: () => deleteAnnotations([annotation.id]),
  });
}

/** Tags [start, end) of `text` with `tagId`; undoable. Returns the new annotation. */
export async function createAnnotation(args: Parameters<typeof prepareAnnotation>[0]): Promise<Annotation> {
  const annotation = prepareAnnotation(args);
  await addAnnotation(annotation);
  return annotation;
}

/**
 * Changes an annotation (tag, boundaries, note, attributes…); undoable. The patch is applied to
 * the stored record at the moment it runs, not to the caller's copy: two quick edits (a note
 * saved on blur, then an attribute) must not overwrite each other.
 */
export async function updateAnnotation(current: Annotation, patch: Partial<Annotation>, text?: string, label = 'Edit annotation'): Promise<void> {
  let before: Annotation | undefined;
  let after: Annotation | undefined;
  await undoStack.perform({
    label,
    redo: async () => {
      if (!after) {
        before = (await getAnnotation(current.id)) ?? current;
        after = { ...before, ...patch, updatedAt: new Date().toISOString() };
        if (text !== undefined && (patch.start !== undefined || patch.end !== undefined)) {
          after = { ...after, ...quoteContext(text, after.start, after.end) };
        }
      }
      await putAnnotations([after]);
    },
    undo: async () => {
      if (before) await putAnnotations([before]);
    },
  });
}

/** Deletes annotations and the relations that involve them; undo restores both. */
export async function removeAnnotations(list: Annotation[]): Promise<void> {
  const ids = list.map((a) => a.id);
  let relations: Relation[] = [];
  await undoStack.perform({
    label: list.length === 1 ? 'Delete annotation' : `Delete ${list.length} annotations`,
    redo: async () => {
      relations = await relationsOf(ids);
      await deleteAnnotations(ids);
    },
    undo: async () => {
      await putAnnotations(list);
      await putRelations(relations);
    },
  });
}
