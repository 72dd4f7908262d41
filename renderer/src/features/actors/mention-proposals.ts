/**
 * "Find mentions": where an actor's name or aliases occur in the project's articles but no mention
 * refers to the actor yet. Pure; the matching itself is shared/actors/find-mentions.ts.
 */
import { actorMatcher, type ActorNames } from '@shared/actors/find-mentions.ts';
import { rejectionKey } from '@shared/actors/rejections.ts';

export interface ProposalArticle {
  id: string;
  title: string;
  language: string | undefined;
  text: string;
}

/** An existing annotation of an article, as far as proposals care. */
export interface ProposalAnnotation {
  id: string;
  articleId: string;
  start: number;
  end: number;
  actorId: string | undefined;
  /** In the actor or source category: a mention that can be linked. */
  mention: boolean;
}

export interface MentionProposal {
  /** `rejectionKey`: the actor and the span. */
  key: string;
  articleId: string;
  title: string;
  start: number;
  end: number;
  quote: string;
  before: string;
  after: string;
  /** An unlinked mention already covering the match: accepting links it instead of adding one. */
  linkAnnotationId: string | null;
}

const CONTEXT = 40;

/**
 * Proposals for `actor` (id, names), article by article, at most `limit`. A match is left out
 * when a mention already refers to an actor there (this one: nothing to do; another: not ours
 * to change); an unlinked mention overlapping it is proposed for linking. Proposals whose key is
 * in `rejected` (rejected before) are not made again.
 */
export function mentionProposals(actor: ActorNames & { id: string }, articles: readonly ProposalArticle[], annotations: readonly ProposalAnnotation[], limit = 500, rejected: ReadonlySet<string> = new Set()): MentionProposal[] {
  const matcher = actorMatcher(actor);
  const byArticle = new Map<string, ProposalAnnotation[]>();
  for (const a of annotations) {
    if (!a.mention) continue;
    const list = byArticle.get(a.articleId);
    if (list) list.push(a);
    else byArticle.set(a.articleId, [a]);
  }
  const out: MentionProposal[] = [];
  for (const art of articles) {
    const mentions = byArticle.get(art.id) ?? [];
    for (const m of matcher.find(art.text, art.language)) {
      const overlapping = mentions.filter((a) => a.start < m.end && m.start < a.end);
      if (overlapping.some((a) => a.actorId !== undefined)) continue;
      const key = rejectionKey(actor.id, art.id, m.start, m.end);
      if (rejected.has(key)) continue;
      out.push({
        key,
        articleId: art.id,
        title: art.title,
        start: m.start,
        end: m.end,
        quote: m.quote,
        before: art.text.slice(Math.max(0, m.start - CONTEXT), m.start).replace(/\s+/g, ' '),
        after: art.text.slice(m.end, m.end + CONTEXT).replace(/\s+/g, ' '),
        linkAnnotationId: overlapping[0]?.id ?? null,
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
