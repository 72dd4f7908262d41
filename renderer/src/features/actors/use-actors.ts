import { useLiveQuery } from 'dexie-react-hooks';
import type { Actor } from '@shared/model/types.ts';
import { actorClaimCounts, actorMentionCounts, listActors } from '../../db/actors.ts';
import { listMentionRejectionKeys } from '../../db/mention-rejections.ts';

/** The registry's data, live: the project's actors by name, and their mention and claim counts. */
export function useActorRegistry(projectId: string): { actors: Actor[] | undefined; mentionCounts: Map<string, number> | undefined; claimCounts: Map<string, number> | undefined } {
  const actors = useLiveQuery(() => listActors(projectId), [projectId]);
  const mentionCounts = useLiveQuery(() => actorMentionCounts(projectId), [projectId]);
  const claimCounts = useLiveQuery(() => actorClaimCounts(projectId), [projectId]);
  return { actors, mentionCounts, claimCounts };
}

/**
 * The actors a mention can refer to, live, by name; their mention counts only while `counting`
 * (the list is open): counting reads every annotation of the project.
 */
export function useActorChoices(projectId: string, counting: boolean): { actors: Actor[]; mentions: Map<string, number> | undefined } {
  const actors = useLiveQuery(() => listActors(projectId), [projectId], [] as Actor[]);
  const mentions = useLiveQuery(() => (counting ? actorMentionCounts(projectId) : undefined), [counting, projectId]);
  return { actors, mentions };
}

/** While mention suggestions are on: the project's actors and its rejected proposals, live. */
export function useMentionSuggestionData(projectId: string | undefined, on: boolean): { actors: Actor[] | undefined; rejected: Set<string> | undefined } {
  const actors = useLiveQuery(() => (on && projectId ? listActors(projectId) : undefined), [on, projectId]);
  const rejected = useLiveQuery(() => (on && projectId ? listMentionRejectionKeys(projectId) : undefined), [on, projectId]);
  return { actors, rejected };
}
