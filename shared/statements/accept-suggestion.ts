/**
 * What accepting a quote suggestion (quotes.ts) writes: the claim annotation, its claimant and
 * source mentions (an existing annotation on exactly that span is reused, not doubled), and the
 * `claimant` / `according-to` relations — all new records, stored by the caller as one undo step.
 * Pure.
 */
import type { Annotation, AttributeDef, Relation } from '../model/types.ts';
import { quoteContext } from '../text/anchor.ts';
import type { QuoteSuggestion, Span } from './quotes.ts';

export interface AcceptContext {
  projectId: string;
  articleId: string;
  text: string;
  /** The article's annotations, to reuse a mention already on the speaker's span. */
  annotations: readonly Annotation[];
  tags: { claim: string; claimant: string; source: string };
  /** The claim category's quote type attribute: the suggestion's type is set on it when it has the value. */
  quoteTypeAttr?: AttributeDef | undefined;
  coder: string;
  makeId: () => string;
  now: string;
}

export interface AcceptedSuggestion {
  annotations: Annotation[];
  relations: Relation[];
  claimId: string;
}

export function acceptSuggestion(s: QuoteSuggestion, ctx: AcceptContext): AcceptedSuggestion {
  const annotations: Annotation[] = [];
  const make = (span: Span, tagId: string, attributes: Annotation['attributes'] = {}): Annotation => {
    const a: Annotation = {
      id: ctx.makeId(),
      projectId: ctx.projectId,
      articleId: ctx.articleId,
      tagId,
      start: span.start,
      end: span.end,
      ...quoteContext(ctx.text, span.start, span.end),
      attributes,
      coder: ctx.coder,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    annotations.push(a);
    return a;
  };
  const mention = (span: Span, tagId: string): string => {
    const existing = ctx.annotations.find((a) => a.start === span.start && a.end === span.end && a.tagId !== ctx.tags.claim);
    return existing ? existing.id : make(span, tagId).id;
  };
  const option = ctx.quoteTypeAttr?.options?.find((o) => o.trim().toLowerCase() === s.quoteType);
  const claim = make(s.claim, ctx.tags.claim, ctx.quoteTypeAttr && option ? { [ctx.quoteTypeAttr.id]: option } : {});
  const relations: Relation[] = [];
  const link = (type: string, toId: string) =>
    relations.push({ id: ctx.makeId(), projectId: ctx.projectId, articleId: ctx.articleId, type, fromId: claim.id, toId, coder: ctx.coder, createdAt: ctx.now });
  if (s.claimant) link('claimant', mention(s.claimant, ctx.tags.claimant));
  if (s.source) link('according-to', mention(s.source, ctx.tags.source));
  return { annotations, relations, claimId: claim.id };
}

/** A stable key for a suggestion (its spans), to remember rejections while the article is open. */
export function suggestionKey(s: QuoteSuggestion): string {
  const span = (x: Span | null) => (x ? `${x.start}-${x.end}` : '');
  return `${span(s.claim)}|${span(s.claimant)}|${span(s.source)}`;
}

/** Suggestions not yet coded: none whose claim span an existing annotation already covers exactly. */
export function openSuggestions(list: readonly QuoteSuggestion[], annotations: readonly Pick<Annotation, 'start' | 'end'>[], rejected: ReadonlySet<string>): QuoteSuggestion[] {
  return list.filter((s) => !rejected.has(suggestionKey(s)) && !annotations.some((a) => a.start === s.claim.start && a.end === s.claim.end));
}
