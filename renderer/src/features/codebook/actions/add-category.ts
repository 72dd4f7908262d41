import type { Id } from '@shared/model/types.ts';
import { type NewCategory } from '@shared/codebook/plan.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Adds a category to the codebook (the codebook's New category dialog). */
export const addCategoryAction = singleCodebookAction<{ projectId: Id; input: NewCategory }, { categoryId: Id }>({
  name: 'add-category',
  label: (a) => `Add category ${a.input.name.trim()}`,
  op: (a) => db.addCategory(a.projectId, a.input),
});

export async function addCategory(projectId: Id, input: NewCategory): Promise<{ categoryId: Id }> {
  return addCategoryAction.resultOf(await runAction(addCategoryAction, { projectId, input }));
}
