import type { Tag } from '@shared/model/types.ts';
import type { TagUsage } from '@shared/codebook/errors.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Deletes a tag, and with `deleteAnnotations` its annotations (the Delete tag dialog). */
export const deleteTagAction = singleCodebookAction<{ tag: Tag; deleteAnnotations: boolean }, TagUsage>({
  name: 'delete-tag',
  label: (a) => `Delete tag ${a.tag.name}`,
  op: (a) => db.deleteTag(a.tag.id, { deleteAnnotations: a.deleteAnnotations }),
});

export async function deleteTag(tag: Tag, deleteAnnotations: boolean): Promise<TagUsage> {
  return deleteTagAction.resultOf(await runAction(deleteTagAction, { tag, deleteAnnotations }));
}
