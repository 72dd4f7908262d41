import type { Relation } from '@shared/model/types.ts';
import type { RoleType } from '@shared/statements/roles.ts';
import { writeStatementChange } from '../../../db/statement-roles.ts';
import { defineAction, runAction } from '../../../actions/action.ts';
import { ROLE_UNDO_LABEL } from './labels.ts';

/** Removes one role relation (the mention stays); one undo entry. */
export const removeRoleAction = defineAction<Relation, Relation>({
  name: 'remove-role',
  label: (relation) => `Remove ${ROLE_UNDO_LABEL[relation.type as RoleType] ?? relation.type}`,
  perform: async (relation) => {
    await writeStatementChange({ deleteRelations: [relation.id] });
    return relation;
  },
  undo: (relation) => writeStatementChange({ putRelations: [relation] }),
});

export async function removeRole(relation: Relation): Promise<void> {
  await runAction(removeRoleAction, relation);
}
