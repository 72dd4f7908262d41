import { useLiveQuery } from 'dexie-react-hooks';
import type { Actor } from '@shared/model/types.ts';
import { actorClaimCounts, actorMentionCounts, listActors } from '../../db/actors.ts';

/** The registry's data, live: the project's actors by name, and their mention and claim counts. */
export function useActorRegistry(projectId: string): { actors: Actor[] | undefined; mentionCounts: Map<string, number> | undefined; claimCounts: Map<string, number> | undefined } {
  const actors = useLiveQuery(() => listActors(projectId), [projectId]);
  const mentionCounts = useLiveQuery(() => actorMentionCounts(projectId), [projectId]);
  const claimCounts = useLiveQuery(() => actorClaimCounts(projectId), [projectId]);
  return { actors, mentionCounts, claimCounts };
}
