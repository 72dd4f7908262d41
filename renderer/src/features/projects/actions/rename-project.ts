import { renameProject as rename } from '../../../db/projects.ts';

/** Renames a project (the projects page's Rename). Not on the undo history, which belongs to the open project. */
export function renameProject(id: string, name: string): Promise<void> {
  return rename(id, name);
}
