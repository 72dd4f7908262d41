import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db.ts';

/** The project's annotation count, live, counted on the projectId index (no record is read); 0 while loading. */
export function useAnnotationCount(projectId: string): number {
  return useLiveQuery(() => db.annotations.where('projectId').equals(projectId).count(), [projectId], 0);
}
