import type { Annotation, Relation } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { addRoleChange, type RoleTarget, type RoleType } from '@shared/statements/roles.ts';
import { inverseStatementChange, writeStatementChange } from '../../../db/statement-roles.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { ROLE_UNDO_LABEL } from './labels.ts';

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
  await undoStack.perform({
    label: args.mention ? `New mention as ${ROLE_UNDO_LABEL[args.type]}` : `Set ${ROLE_UNDO_LABEL[args.type]}`,
    redo: () => writeStatementChange(forward),
    undo: () => writeStatementChange(backward),
  });
  return true;
}

/** Removes one role relation (the mention stays); one undo entry. */
export async function removeRole(relation: Relation): Promise<void> {
  await undoStack.perform({
    label: `Remove ${ROLE_UNDO_LABEL[relation.type as RoleType] ?? relation.type}`,
    redo: () => writeStatementChange({ deleteRelations: [relation.id] }),
    undo: () => writeStatementChange({ putRelations: [relation] }),
  });
}

/** Sets (or with null clears) an object actor's own position; one undo entry. */
export async function setObjectPosition(relation: Relation, position: number | null): Promise<void> {
  if ((relation.position ?? null) === position) return;
  const { position: _old, ...rest } = relation;
  const after: Relation = position === null ? rest : { ...rest, position };
  await undoStack.perform({
    label: 'Set object position',
    redo: () => writeStatementChange({ putRelations: [after] }),
    undo: () => writeStatementChange({ putRelations: [relation] }),
  });
}
