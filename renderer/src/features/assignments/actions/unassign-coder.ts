import type { Id } from '@shared/model/types.ts';
import { addAssignments, listAssignments, removeAssignments } from '../../../db/assignments.ts';
import { undoStack } from '../../undo/undo-stack.ts';

/** Takes every assignment of one coder back (their coding, if any came back, stays); one undo step. */
export async function unassignCoder(projectId: Id, coder: string): Promise<void> {
  const records = (await listAssignments(projectId)).filter((a) => a.coder === coder);
  if (records.length === 0) return;
  const ids = records.map((r) => r.id);
  await undoStack.perform({ label: `unassign ${coder}`, redo: () => removeAssignments(ids), undo: () => addAssignments(records) });
}
