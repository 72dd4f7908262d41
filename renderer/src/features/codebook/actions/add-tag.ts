import type { Id } from '@shared/model/types.ts';
import { type NewTag, type ShortcutResult } from '@shared/codebook/plan.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Adds a tag (the New tag dialog). */
export const addTagAction = singleCodebookAction<{ projectId: Id; input: NewTag }, ShortcutResult & { tagId: Id }>({
  name: 'add-tag',
  label: (a) => `Add tag ${a.input.name.trim()}`,
  op: (a) => db.addTag(a.projectId, a.input),
});

export async function addTag(projectId: Id, input: NewTag): Promise<ShortcutResult & { tagId: Id }> {
  return addTagAction.resultOf(await runAction(addTagAction, { projectId, input }));
}
