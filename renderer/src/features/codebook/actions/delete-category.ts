import type { Category, Id } from '@shared/model/types.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Deletes a user category with its tags (the codebook's Delete category button). */
export const deleteCategoryAction = singleCodebookAction<{ projectId: Id; category: Category }, { tags: number; labels: number }>({
  name: 'delete-category',
  label: (a) => `Delete category ${a.category.name}`,
  op: (a) => db.deleteCategory(a.projectId, a.category.id),
});

export async function deleteCategory(projectId: Id, category: Category): Promise<{ tags: number; labels: number }> {
  return deleteCategoryAction.resultOf(await runAction(deleteCategoryAction, { projectId, category }));
}
