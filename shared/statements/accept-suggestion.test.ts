import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/types.ts';
import { acceptSuggestion, openSuggestions, suggestionKey } from './accept-suggestion.ts';
import { suggestQuotes } from './quotes.ts';

const text = '“The grain deal will hold through the winter,” the minister said, according to Reuters.';

function ids() {
  let n = 0;
  return () => `id${++n}`;
}

describe('accepting a quote suggestion', () => {
  const [s] = suggestQuotes(text, 'en');

  it('the rules find the claim, its speaker and the source', () => {
    expect(s).toBeDefined();
    expect(text.slice(s!.claim.start, s!.claim.end)).toContain('grain deal will hold');
    expect(s!.claimant && text.slice(s!.claimant.start, s!.claimant.end)).toBe('the minister');
  });

  it('creates claim, claimant and source annotations and the links from the claim', () => {
    const out = acceptSuggestion(s!, {
      projectId: 'p', articleId: 'a', text, annotations: [], tags: { claim: 'tc', claimant: 'ta', source: 'ts' },
      quoteTypeAttr: { id: 'qt', name: 'Quote type', type: 'choice', options: ['direct', 'indirect', 'mixed'] }, coder: 'me', makeId: ids(), now: 'T',
    });
    const claim = out.annotations.find((a) => a.id === out.claimId);
    expect(claim).toMatchObject({ tagId: 'tc', attributes: { qt: 'direct' }, coder: 'me' });
    expect(claim?.quote).toBe(text.slice(s!.claim.start, s!.claim.end));
    expect(out.annotations.map((a) => a.tagId).sort()).toEqual(s!.source ? ['ta', 'tc', 'ts'] : ['ta', 'tc']);
    const byId = new Map(out.annotations.map((a) => [a.id, a]));
    expect(out.relations.map((r) => [r.type, r.fromId, byId.get(r.toId)?.quote])).toEqual([
      ['claimant', out.claimId, 'the minister'],
      ...(s!.source ? [['according-to', out.claimId, text.slice(s!.source.start, s!.source.end)]] : []),
    ]);
  });

  it('reuses a mention already on the speaker’s span', () => {
    const existing = { id: 'm1', start: s!.claimant!.start, end: s!.claimant!.end, tagId: 'ta' } as Annotation;
    const out = acceptSuggestion(s!, { projectId: 'p', articleId: 'a', text, annotations: [existing], tags: { claim: 'tc', claimant: 'ta', source: 'ts' }, coder: 'me', makeId: ids(), now: 'T' });
    expect(out.annotations.some((a) => a.tagId === 'ta')).toBe(false);
    expect(out.relations.find((r) => r.type === 'claimant')?.toId).toBe('m1');
  });

  it('open suggestions leave out rejected ones and those already coded', () => {
    const list = suggestQuotes(text, 'en');
    expect(openSuggestions(list, [], new Set())).toHaveLength(list.length);
    expect(openSuggestions(list, [], new Set([suggestionKey(s!)]))).toHaveLength(list.length - 1);
    expect(openSuggestions(list, [{ start: s!.claim.start, end: s!.claim.end }], new Set())).toHaveLength(list.length - 1);
  });
});
