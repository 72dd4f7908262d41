/**
 * Proposed actor mentions the coder rejected (Find mentions, in the registry or as ghosts in the
 * reader): remembered per actor and place, so the same proposal is not offered again.
 */
export interface MentionRejection {
  /** `rejectionKey(…)`: one record per actor and place, however often it is rejected. */
  id: string;
  projectId: string;
  actorId: string;
  articleId: string;
  start: number;
  end: number;
  /** The text that was proposed, for a person reading the store. */
  quote: string;
  createdAt: string;
}

/** Which proposal a rejection is about: the actor and the exact span (UTF-16 offsets). */
export function rejectionKey(actorId: string, articleId: string, start: number, end: number): string {
  return `${actorId}\u0000${articleId}\u0000${start}\u0000${end}`;
}
