import { quoteContext } from '@shared/text/anchor.ts';
import type { Annotation } from '@shared/model/types.ts';
import { completeAnnotation, deleteAnnotations, putAnnotations } from '../../../db/annotations.ts';
import { defineAction, runActionNow } from '../../../actions/action.ts';

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

/** Stores a prepared annotation (the reader's tag shortcuts and tag list, accepted proposals). */
export const addAnnotationAction = defineAction<Annotation, Annotation>({
  name: 'add-annotation',
  label: () => 'Add annotation',
  perform: async (annotation) => {
    await putAnnotations([annotation]);
    return annotation;
  },
  undo: (annotation) => deleteAnnotations([annotation.id]),
});

/**
 * Stores a prepared annotation; undoable. The write starts now, in the caller's task (the one
 * that painted it), not when the undo queue gets to it: a reload right after the key press must
 * not lose an annotation the coder saw.
 */
export async function addAnnotation(annotation: Annotation): Promise<void> {
  await runActionNow(addAnnotationAction, annotation);
}

/** Tags [start, end) of `text` with `tagId`; undoable. Returns the new annotation. */
export async function createAnnotation(args: Parameters<typeof prepareAnnotation>[0]): Promise<Annotation> {
  const annotation = prepareAnnotation(args);
  await addAnnotation(annotation);
  return annotation;
}
