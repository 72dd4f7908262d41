import type { Tag } from '@shared/model/types.ts';
import { type ShortcutResult } from '@shared/codebook/plan.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Gives a tag another colour (the colour swatch in the codebook's tag row). */
export const recolourTagAction = singleCodebookAction<{ tag: Tag; color: string }, ShortcutResult>({
  name: 'recolour-tag',
  label: (a) => `Recolour ${a.tag.name}`,
  op: (a) => db.updateTag(a.tag.id, { color: a.color }),
});

export async function recolourTag(tag: Tag, color: string): Promise<ShortcutResult> {
  return recolourTagAction.resultOf(await runAction(recolourTagAction, { tag, color }));
}
