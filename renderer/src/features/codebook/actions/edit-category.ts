import type { Category, Id } from '@shared/model/types.ts';
import { type CategoryPatch } from '@shared/codebook/plan.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Renames a category, changes its colour or level (the Edit category dialog). */
export const editCategoryAction = singleCodebookAction<{ projectId: Id; category: Category; patch: CategoryPatch }, undefined>({
  name: 'edit-category',
  label: (a) => `Edit category ${a.category.name}`,
  op: (a) => db.updateCategory(a.projectId, a.category.id, a.patch),
});

export async function editCategory(projectId: Id, category: Category, patch: CategoryPatch): Promise<undefined> {
  return editCategoryAction.resultOf(await runAction(editCategoryAction, { projectId, category, patch }));
}
