import type { Annotation, Relation } from '@shared/model/types.ts';
import { removeAnnotationsWithRelations, restoreAnnotations } from '../../../db/annotations.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

interface Removed {
  annotations: Annotation[];
  relations: Relation[];
}

/** Deletes annotations and the relations that involve them (Delete in the reader, the detail's Delete button). */
export const removeAnnotationsAction = defineAction<Annotation[], Removed>({
  name: 'remove-annotations',
  label: (list) => (list.length === 1 ? 'Delete annotation' : `Delete ${list.length} annotations`),
  perform: async (list) => ({ annotations: list, relations: await removeAnnotationsWithRelations(list.map((a) => a.id)) }),
  // Both kinds of record in one transaction: a failure leaves neither half back.
  undo: ({ annotations, relations }) => restoreAnnotations(annotations, relations),
});

export async function removeAnnotations(list: Annotation[]): Promise<void> {
  await runAction(removeAnnotationsAction, list);
}
