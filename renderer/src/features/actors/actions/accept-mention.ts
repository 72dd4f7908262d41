import type { Actor } from '@shared/model/types.ts';
import { getAnnotation } from '../../../db/annotations.ts';
import { firstActorTag, readArticleText } from '../find-actor-mentions.ts';
import { addAnnotation, prepareAnnotation } from '../../annotations/actions/add-annotation.ts';
import { updateAnnotation } from '../../annotations/actions/update-annotation.ts';
import type { MentionProposal } from '../mention-proposals.ts';

/**
 * Accepts a proposal of Find mentions: links the unlinked mention there (update-annotation), or
 * adds one tagged with the Actor category's first tag and linked (add-annotation). One step each.
 */
export async function acceptMention(projectId: string, actor: Actor, p: MentionProposal, coder: string): Promise<void> {
  if (p.linkAnnotationId) {
    const current = await getAnnotation(p.linkAnnotationId);
    if (current) await updateAnnotation(current, { actorId: actor.id }, undefined, `Link mention to ${actor.name}`);
    return;
  }
  const tag = await firstActorTag(projectId);
  if (!tag) throw new Error('The codebook has no tag in the Actor category to mark mentions with.');
  const text = await readArticleText(p.articleId);
  await addAnnotation({ ...prepareAnnotation({ projectId, articleId: p.articleId, text, start: p.start, end: p.end, tagId: tag.id, coder }), actorId: actor.id });
}
