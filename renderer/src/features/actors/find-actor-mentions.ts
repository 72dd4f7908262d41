/** The reads behind the registry's Find mentions: the project's texts, tags and annotations. */
import type { Actor, Tag } from '@shared/model/types.ts';
import { listArticles } from '../../db/articles.ts';
import { db } from '../../db/db.ts';
import { listMentionRejectionKeys } from '../../db/mention-rejections.ts';
import { mentionProposals, type MentionProposal } from './mention-proposals.ts';

/** Where the actor's names occur in the project's articles with no mention referring to it. */
export async function findActorMentions(projectId: string, actor: Actor): Promise<MentionProposal[]> {
  const records = await listArticles(projectId);
  const texts = await db.articleTexts.bulkGet(records.map((r) => r.id));
  const tags = await db.tags.where('projectId').equals(projectId).toArray();
  const mentionTags = new Set(tags.filter((t) => t.categoryId === 'actor' || t.categoryId === 'source').map((t) => t.id));
  const annotations = await db.annotations.where('projectId').equals(projectId).toArray();
  const rejected = await listMentionRejectionKeys(projectId);
  return mentionProposals(
    { id: actor.id, name: actor.name, aliases: actor.aliases, kind: actor.type ?? null },
    records.map((r, i) => ({ id: r.id, title: r.title, language: r.meta.language, text: texts[i]?.text ?? '' })),
    annotations.map((a) => ({ id: a.id, articleId: a.articleId, start: a.start, end: a.end, actorId: a.actorId, mention: mentionTags.has(a.tagId) })),
    500,
    rejected,
  );
}

/** The Actor category's first tag (top level first, then codebook order): what an accepted proposal is tagged with. */
export async function firstActorTag(projectId: string): Promise<Tag | undefined> {
  return (await db.tags.where('[projectId+categoryId]').equals([projectId, 'actor']).toArray()).sort((a, b) => (a.parentId === null ? 0 : 1) - (b.parentId === null ? 0 : 1) || a.order - b.order)[0];
}

export async function readArticleText(articleId: string): Promise<string> {
  return (await db.articleTexts.get(articleId))?.text ?? '';
}
