import type { Id } from '@shared/model/types.ts';
import { type NewAttribute } from '@shared/codebook/plan.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Adds an attribute to a category (the New attribute dialog). */
export const addAttributeAction = singleCodebookAction<{ projectId: Id; categoryId: Id; input: NewAttribute }, { attributeId: Id }>({
  name: 'add-attribute',
  label: (a) => `Add attribute ${a.input.name.trim()}`,
  op: (a) => db.addAttribute(a.projectId, a.categoryId, a.input),
});

export async function addAttribute(projectId: Id, categoryId: Id, input: NewAttribute): Promise<{ attributeId: Id }> {
  return addAttributeAction.resultOf(await runAction(addAttributeAction, { projectId, categoryId, input }));
}
