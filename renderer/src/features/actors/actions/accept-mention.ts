import type { Actor, Annotation } from '@shared/model/types.ts';
import { runAction } from '../../../actions/action.ts';
import { codeHitsAction } from '../../search/actions/code-hits.ts';
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

/**
 * Accepts a whole list of proposals (the registry's "Accept all"): every mention linked or added
 * in ONE undo step and one transaction each way, through the same write as coding from hits.
 */
export async function acceptMentions(projectId: string, actor: Actor, proposals: readonly MentionProposal[], coder: string): Promise<void> {
  if (proposals.length === 0) return;
  const links = proposals.flatMap((p) => (p.linkAnnotationId ? [{ annotationId: p.linkAnnotationId, actorId: actor.id }] : []));
  const toAdd = proposals.filter((p) => !p.linkAnnotationId);
  const created: Annotation[] = [];
  if (toAdd.length > 0) {
    const tag = await firstActorTag(projectId);
    if (!tag) throw new Error('The codebook has no tag in the Actor category to mark mentions with.');
    for (const p of toAdd) {
      const text = await readArticleText(p.articleId);
      created.push({ ...prepareAnnotation({ projectId, articleId: p.articleId, text, start: p.start, end: p.end, tagId: tag.id, coder }), actorId: actor.id });
    }
  }
  await runAction(codeHitsAction, { label: `Link ${proposals.length === 1 ? '1 mention' : `${proposals.length} mentions`} to ${actor.name}`, created, links });
}
