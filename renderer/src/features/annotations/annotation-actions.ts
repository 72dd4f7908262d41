import { quoteContext } from '@shared/text/anchor.ts';
import { nowIso } from '@shared/model/ids.ts';
import { carryAttributes, type CarriedAttributes } from '@shared/model/carry-attributes.ts';
import type { Annotation, AttributeDef, AttributeValue, Category, Relation, Tag } from '@shared/model/types.ts';
import { completeAnnotation, deleteAnnotations, modifyAnnotation, putAnnotations, relationsOf, putRelations } from '../../db/annotations.ts';
import { trackWrite } from '../../app/pending-writes.ts';
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

/**
 * Stores a prepared annotation; undoable. The write starts now, in the caller's task (the one
 * that painted it), not when the undo queue gets to it: a reload right after the key press must
 * not lose an annotation the coder saw.
 */
export function addAnnotation(annotation: Annotation): Promise<void> {
  const stored = trackWrite(putAnnotations([annotation]));
  return undoStack.record(
    {
      label: 'Add annotation',
      redo: () => putAnnotations([annotation]),
      undo: () => deleteAnnotations([annotation.id]),
    },
    stored,
  );
}

/** Tags [start, end) of `text` with `tagId`; undoable. Returns the new annotation. */
export async function createAnnotation(args: Parameters<typeof prepareAnnotation>[0]): Promise<Annotation> {
  const annotation = prepareAnnotation(args);
  await addAnnotation(annotation);
  return annotation;
}

/** A change to an annotation: fields to set, or computed from the record as stored right now. */
export type AnnotationPatch = Partial<Annotation> | ((stored: Annotation) => Partial<Annotation>);

/**
 * Changes an annotation (tag, boundaries, note, attributes…); undoable. The patch is applied to
 * the stored record inside one transaction (read, change, write), never to the caller's copy:
 * two quick edits (Stance, then Verifiable) must not overwrite each other. Resolves to the record
 * before and after, or undefined when the annotation is gone.
 */
export async function updateAnnotation(current: Annotation, patch: AnnotationPatch, text?: string, label = 'Edit annotation'): Promise<{ before: Annotation; after: Annotation } | undefined> {
  let change: { before: Annotation; after: Annotation } | undefined;
  await undoStack.perform({
    label,
    redo: async () => {
      if (change) {
        await putAnnotations([change.after]);
        return;
      }
      change = await modifyAnnotation(current.id, (stored) => {
        const fields = typeof patch === 'function' ? patch(stored) : patch;
        const after = { ...stored, ...fields, updatedAt: nowIso() };
        const moved = fields.start !== undefined || fields.end !== undefined;
        return text !== undefined && moved ? { ...after, ...quoteContext(text, after.start, after.end) } : after;
      });
    },
    undo: async () => {
      if (change) await putAnnotations([change.before]);
    },
  });
  return change;
}

/** Sets (or, with undefined or '', clears) one attribute value, leaving the others as stored. */
export function setAnnotationAttribute(a: Annotation, def: AttributeDef, value: AttributeValue | undefined): Promise<unknown> {
  return updateAnnotation(
    a,
    (stored) => {
      const attributes = { ...stored.attributes };
      if (value === undefined || value === '') delete attributes[def.id];
      else attributes[def.id] = value;
      return { attributes };
    },
    undefined,
    `Set ${def.name}`,
  );
}

/**
 * Gives an annotation another tag, keeping the attribute values the new tag's category has
 * (see carryAttributes); resolves to the values that could not be kept, which undo restores.
 */
export async function changeAnnotationTag(a: Annotation, tag: Tag, tags: Tag[], categories: Category[]): Promise<CarriedAttributes['dropped']> {
  const categoryOf = (tagId: string) => categories.find((c) => c.id === tags.find((t) => t.id === tagId)?.categoryId);
  let dropped: CarriedAttributes['dropped'] = [];
  await updateAnnotation(
    a,
    (stored) => {
      const carried = carryAttributes(stored.attributes, categoryOf(stored.tagId), categoryOf(tag.id));
      dropped = carried.dropped;
      return { tagId: tag.id, attributes: carried.kept };
    },
    undefined,
    'Change tag',
  );
  return dropped;
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
