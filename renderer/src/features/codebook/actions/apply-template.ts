import type { Id } from '@shared/model/types.ts';
import { findTemplate } from '@shared/codebook/templates.ts';
import * as db from '../../../db/codebook.ts';
import { runAction } from '../../../actions/action.ts';
import { singleCodebookAction } from './codebook-action.ts';

/** Adds a codebook template's categories, attributes and tags the project lacks (the editor's "Add template"). */
export const applyTemplateAction = singleCodebookAction<{ projectId: Id; templateId: string }, { added: string[] }>({
  name: 'apply-template',
  label: (a) => `Add template ${findTemplate(a.templateId)?.name ?? a.templateId}`,
  op: (a) => {
    const template = findTemplate(a.templateId);
    if (!template) throw new Error(`No codebook template “${a.templateId}”.`);
    return db.applyTemplate(a.projectId, template);
  },
});

/** One undo step; resolves to what was added. */
export async function applyCodebookTemplate(projectId: Id, templateId: string): Promise<string[]> {
  return applyTemplateAction.resultOf(await runAction(applyTemplateAction, { projectId, templateId })).added;
}
