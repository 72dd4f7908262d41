import type { Relation } from '@shared/model/types.ts';
import { deleteRelations, putRelations } from '../../../db/annotations.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

/** Removes a link between two annotations (the detail's Remove link button). */
export const removeLinkAction = defineAction<Relation, Relation>({
  name: 'remove-link',
  label: () => 'Remove link',
  perform: async (relation) => {
    await deleteRelations([relation.id]);
    return relation;
  },
  undo: (relation) => putRelations([relation]),
});

export async function removeLink(relation: Relation): Promise<void> {
  await runAction(removeLinkAction, relation);
}
