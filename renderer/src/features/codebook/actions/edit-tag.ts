import type { Id, Tag } from '@shared/model/types.ts';
import type { ShortcutResult, TagPatch } from '@shared/codebook/plan.ts';
import { moveTag, updateTag } from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { codebookAction, type CodebookOp } from './codebook-action.ts';

export interface EditTagArgs {
  tag: Tag;
  /** Fields to change; empty when only the place changes. */
  patch: TagPatch;
  /** A new place (category, parent), or none. */
  move?: { categoryId: Id; parentId: Id | null };
}

/** Edits a tag's fields and place in one step (the Edit tag dialog). */
export const editTagAction = codebookAction<EditTagArgs>({
  name: 'edit-tag',
  label: ({ tag, patch }) => (patch.name ? `Rename ${tag.name} to ${patch.name.trim()}` : Object.keys(patch).length > 0 ? `Edit ${tag.name}` : `Move ${tag.name}`),
  ops: ({ tag, patch, move }) => {
    // Move first: a shortcut is only allowed once the tag sits in a span-level category.
    const ops: CodebookOp[] = [];
    if (move) ops.push(() => moveTag(tag.id, move));
    if (Object.keys(patch).length > 0) ops.push(() => updateTag(tag.id, patch));
    return ops;
  },
});

/** Resolves to what the field change reported (a shortcut taken from another tag), if fields changed. */
export async function editTag(args: EditTagArgs): Promise<ShortcutResult | undefined> {
  const done = await runAction(editTagAction, args);
  return Object.keys(args.patch).length > 0 ? (done.results.at(-1) as ShortcutResult) : undefined;
}
