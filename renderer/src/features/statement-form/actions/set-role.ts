import type { Annotation, Relation } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { addRoleChange, type RoleTarget, type RoleType } from '@shared/statements/roles.ts';
import { inverseStatementChange, writeStatementChange, type StatementWrite } from '../../../db/statement-roles.ts';
import { defineAction, runAction } from '../../../actions/action.ts';
import { ROLE_UNDO_LABEL } from './labels.ts';

/** Writes a planned role change (and the mention it creates) in one transaction; undo writes its inverse. */
export const setRoleAction = defineAction<{ label: string; forward: StatementWrite; backward: StatementWrite }, StatementWrite>({
  name: 'set-role',
  label: (a) => a.label,
  perform: async (a) => {
    await writeStatementChange(a.forward);
    return a.backward;
  },
  undo: (backward) => writeStatementChange(backward),
});

/**
 * Gives a claim a role target — a mention, a registry actor without a span, or unknown — and,
 * when `mention` is given, first creates that mention (from the reader's selection). One undo
 * entry, one transaction each way. Resolves to false when the claim has that target already.
 */
export async function setRole(args: { claim: Annotation; type: RoleType; target: RoleTarget; relations: readonly Relation[]; coder: string; mention?: Annotation }): Promise<boolean> {
  const target: RoleTarget = args.mention ? { mentionId: args.mention.id } : args.target;
  const change = addRoleChange({ claim: args.claim, type: args.type, target, relations: args.relations, coder: args.coder, id: newId(), now: nowIso() });
  if (!change) return false;
  const forward = { putAnnotations: args.mention ? [args.mention] : [], putRelations: change.put, deleteRelations: change.remove.map((r) => r.id) };
  const backward = inverseStatementChange({ putAnnotations: forward.putAnnotations, putRelations: change.put, removedRelations: change.remove });
  await runAction(setRoleAction, { label: args.mention ? `New mention as ${ROLE_UNDO_LABEL[args.type]}` : `Set ${ROLE_UNDO_LABEL[args.type]}`, forward, backward });
  return true;
}
