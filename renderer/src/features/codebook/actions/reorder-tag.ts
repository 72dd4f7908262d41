import type { Tag } from '@shared/model/types.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Moves a tag among its siblings (the codebook's Move up / Move down buttons). */
export const reorderTagAction = singleCodebookAction<{ tag: Tag; index: number }, undefined>({
  name: 'reorder-tag',
  label: (a) => `Move ${a.tag.name}`,
  op: (a) => db.moveTag(a.tag.id, { index: a.index }),
});

export async function reorderTag(tag: Tag, index: number): Promise<undefined> {
  return reorderTagAction.resultOf(await runAction(reorderTagAction, { tag, index }));
}
