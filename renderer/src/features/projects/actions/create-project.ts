import type { Project } from '@shared/model/types.ts';
import { createProject as create } from '../../../db/projects.ts';

/**
 * Creates a project whose codebook starts from a template (the projects page's Create button).
 * Not on the undo history, which belongs to the open project; a project is removed with Delete.
 */
export function createProject(name: string, templateId?: string): Promise<Project> {
  return create(name, templateId);
}
