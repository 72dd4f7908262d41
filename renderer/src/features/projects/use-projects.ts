import { useLiveQuery } from 'dexie-react-hooks';
import type { Project } from '@shared/model/types.ts';
import { db } from '../../db/db.ts';
import { listProjectsWithCounts } from '../../db/projects.ts';

/**
 * The projects page's list, live: newest first, each with its article count, counted on the
 * articles' projectId index (IndexedDB counts the key range; no article record is read).
 */
export function useProjectsWithCounts(): { project: Project; articles: number }[] | undefined {
  return useLiveQuery(listProjectsWithCounts, []);
}

/** One project, live: null while loading, undefined when it does not exist (deleted, wrong link). */
export function useProject(projectId: string): Project | null | undefined {
  return useLiveQuery(() => db.projects.get(projectId), [projectId], null);
}
