import { planAssignments, type Assignment } from '@shared/analysis/assignments.ts';
import { nowIso } from '@shared/model/ids.ts';
import type { Id } from '@shared/model/types.ts';
import { addAssignments, listAssignments, removeAssignments } from '../../../db/assignments.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

export interface AssignRequest {
  coders: string[];
  articleIds: Id[];
  /** How the articles were chosen, in words. */
  source: string;
  sampleId?: Id;
}

export const assignArticlesAction = defineAction<Assignment[], string[]>({
  name: 'assign-articles',
  label: (records) => `assign ${records.length === 1 ? 'an article' : `${records.length} articles`}`,
  perform: async (records) => {
    await addAssignments(records);
    return records.map((r) => r.id);
  },
  undo: (ids) => removeAssignments(ids),
});

/** Assigns the articles to each coder (what a coder already has is kept once); one undo step. Returns how many assignments were added. */
export async function assignArticles(projectId: Id, request: AssignRequest): Promise<number> {
  const existing = new Set((await listAssignments(projectId)).map((a) => a.id));
  const records = planAssignments(existing, { projectId, ...request, now: nowIso() });
  if (records.length === 0) return 0;
  await runAction(assignArticlesAction, records);
  return records.length;
}
