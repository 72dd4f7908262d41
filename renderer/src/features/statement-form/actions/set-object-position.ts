import type { Relation } from '@shared/model/types.ts';
import { writeStatementChange } from '../../../db/statement-roles.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

/** Sets an object actor's own position on its relation; undo puts the relation back as it was. */
export const setObjectPositionAction = defineAction<{ before: Relation; after: Relation }, Relation>({
  name: 'set-object-position',
  label: () => 'Set object position',
  perform: async ({ before, after }) => {
    await writeStatementChange({ putRelations: [after] });
    return before;
  },
  undo: (before) => writeStatementChange({ putRelations: [before] }),
});

/** Sets (or with null clears) an object actor's own position; one undo entry. */
export async function setObjectPosition(relation: Relation, position: number | null): Promise<void> {
  if ((relation.position ?? null) === position) return;
  const { position: _old, ...rest } = relation;
  const after: Relation = position === null ? rest : { ...rest, position };
  await runAction(setObjectPositionAction, { before: relation, after });
}
