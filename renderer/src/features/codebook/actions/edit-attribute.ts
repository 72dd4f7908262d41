import type { AttributeDef, Id } from '@shared/model/types.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Renames an attribute or changes its options (the Edit attribute dialog). */
export const editAttributeAction = singleCodebookAction<{ projectId: Id; categoryId: Id; attribute: AttributeDef; patch: { name?: string; options?: string[] } }, undefined>({
  name: 'edit-attribute',
  label: (a) => `Edit attribute ${a.attribute.name}`,
  op: (a) => db.updateAttribute(a.projectId, a.categoryId, a.attribute.id, a.patch),
});

export async function editAttribute(projectId: Id, categoryId: Id, attribute: AttributeDef, patch: { name?: string; options?: string[] }): Promise<undefined> {
  return editAttributeAction.resultOf(await runAction(editAttributeAction, { projectId, categoryId, attribute, patch }));
}
