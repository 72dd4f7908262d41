import { useLiveQuery } from 'dexie-react-hooks';
import type { Actor } from '@shared/model/types.ts';
import { listActors } from '../../db/actors.ts';

/** The project's registry actors, live (what the role fields offer besides the article's mentions). */
export function useRegistryActors(projectId: string): Actor[] {
  return useLiveQuery(() => listActors(projectId), [projectId], [] as Actor[]);
}
