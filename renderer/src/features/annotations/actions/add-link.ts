import type { Relation } from '@shared/model/types.ts';
import { deleteRelations, putRelations } from '../../../db/annotations.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

/** Links two annotations (the detail's Links field). */
export const addLinkAction = defineAction<Relation, Relation>({
  name: 'add-link',
  label: () => 'Add link',
  perform: async (relation) => {
    await putRelations([relation]);
    return relation;
  },
  undo: (relation) => deleteRelations([relation.id]),
});

export async function addLink(relation: Relation): Promise<void> {
  await runAction(addLinkAction, relation);
}
