import type { AttributeDef, Id } from '@shared/model/types.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Removes an attribute and the values annotations held for it (the codebook's Remove attribute button). */
export const removeAttributeAction = singleCodebookAction<{ projectId: Id; categoryId: Id; attribute: AttributeDef }, { values: number }>({
  name: 'remove-attribute',
  label: (a) => `Remove attribute ${a.attribute.name}`,
  op: (a) => db.deleteAttribute(a.projectId, a.categoryId, a.attribute.id),
});

export async function removeAttribute(projectId: Id, categoryId: Id, attribute: AttributeDef): Promise<{ values: number }> {
  return removeAttributeAction.resultOf(await runAction(removeAttributeAction, { projectId, categoryId, attribute }));
}
