import { findTemplate } from '@shared/codebook/templates.ts';
import { applyTemplate } from '../../../db/codebook.ts';
import { performCodebookChange } from '../codebook-actions.ts';

/** Adds a codebook template's categories, attributes and tags the project lacks; one undo step. Resolves to what was added. */
export async function applyCodebookTemplate(projectId: string, templateId: string): Promise<string[]> {
  const template = findTemplate(templateId);
  if (!template) throw new Error(`No codebook template “${templateId}”.`);
  const { added } = await performCodebookChange(`Add template ${template.name}`, () => applyTemplate(projectId, template));
  return added;
}
