import type { Annotation, Category, Relation, Tag } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import type { QuoteSuggestion } from '@shared/statements/quotes.ts';
import { acceptSuggestion } from '@shared/statements/accept-suggestion.ts';
import { quoteTypeAttribute } from '@shared/statements/roles.ts';
import { writeStatementChange } from '../../../db/statement-roles.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

/** Stores a suggestion's claim, claimant and source with their links: one transaction each way. */
export const acceptQuoteAction = defineAction<{ annotations: Annotation[]; relations: Relation[] }, { annotationIds: string[]; relationIds: string[] }>({
  name: 'accept-quote',
  label: () => 'Accept quote suggestion',
  perform: async (a) => {
    await writeStatementChange({ putAnnotations: a.annotations, putRelations: a.relations });
    return { annotationIds: a.annotations.map((x) => x.id), relationIds: a.relations.map((r) => r.id) };
  },
  undo: (done) => writeStatementChange({ deleteRelations: done.relationIds, deleteAnnotations: done.annotationIds }),
});

/** The tag a new annotation of a category gets: its first top-level tag. */
function firstTag(tags: readonly Tag[], categoryId: string): Tag | undefined {
  return tags.filter((t) => t.categoryId === categoryId && t.parentId === null).sort((a, b) => a.order - b.order)[0];
}

/**
 * Accepts a quote suggestion: claim, claimant and source annotations and their links are stored
 * as one undo step (one transaction each way). Resolves to the claim's id, or to an explanation
 * when the codebook lacks a tag to code it with.
 */
export async function acceptQuote(args: { suggestion: QuoteSuggestion; article: { id: string; projectId: string; text: string }; annotations: readonly Annotation[]; tags: readonly Tag[]; categories: readonly Category[]; coder: string }): Promise<{ claimId: string } | { error: string }> {
  const claim = firstTag(args.tags, 'claim');
  const actor = firstTag(args.tags, 'actor') ?? firstTag(args.tags, 'source');
  const source = firstTag(args.tags, 'source') ?? actor;
  if (!claim || !actor || !source) return { error: 'The codebook needs a Claim, an Actor and a Source tag to accept a suggestion.' };
  const out = acceptSuggestion(args.suggestion, {
    projectId: args.article.projectId,
    articleId: args.article.id,
    text: args.article.text,
    annotations: args.annotations,
    tags: { claim: claim.id, claimant: actor.id, source: source.id },
    quoteTypeAttr: quoteTypeAttribute(args.categories.find((c) => c.id === 'claim')),
    coder: args.coder,
    makeId: newId,
    now: nowIso(),
  });
  await runAction(acceptQuoteAction, { annotations: out.annotations, relations: out.relations });
  return { claimId: out.claimId };
}
