import type { Assignment } from '@shared/analysis/assignments.ts';
import type { Id } from '@shared/model/types.ts';
import { addAssignments, listAssignments, removeAssignments } from '../../../db/assignments.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

export const unassignCoderAction = defineAction<{ coder: string; records: Assignment[] }, Assignment[]>({
  name: 'unassign-coder',
  label: ({ coder }) => `unassign ${coder}`,
  perform: async ({ records }) => {
    await removeAssignments(records.map((r) => r.id));
    return records;
  },
  undo: (records) => addAssignments(records),
});

/** Takes every assignment of one coder back (their coding, if any came back, stays); one undo step. */
export async function unassignCoder(projectId: Id, coder: string): Promise<void> {
  const records = (await listAssignments(projectId)).filter((a) => a.coder === coder);
  if (records.length === 0) return;
  await runAction(unassignCoderAction, { coder, records });
}
