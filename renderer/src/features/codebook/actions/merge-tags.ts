import type { Tag } from '@shared/model/types.ts';
import { type TagMergeResult } from '@shared/codebook/plan.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Merges a tag into another: its annotations and labels move over (the Merge tag dialog). */
export const mergeTagsAction = singleCodebookAction<{ tag: Tag; into: Tag }, TagMergeResult>({
  name: 'merge-tags',
  label: (a) => `Merge ${a.tag.name} into ${a.into.name}`,
  op: (a) => db.mergeTags(a.tag.id, a.into.id),
});

export async function mergeTags(tag: Tag, into: Tag): Promise<TagMergeResult> {
  return mergeTagsAction.resultOf(await runAction(mergeTagsAction, { tag, into }));
}
