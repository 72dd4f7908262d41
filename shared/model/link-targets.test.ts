import { describe, expect, it } from 'vitest';
import { rankLinkTargets, type LinkCandidate } from './link-targets.ts';

const c = (id: string, category: string, quote: string, start: number): LinkCandidate => ({ id, category, tagName: category[0]!.toUpperCase() + category.slice(1), quote, start, end: start + quote.length });
const claim = c('c1', 'claim', 'the talks are a security guarantee', 100);
const all = [claim, c('c2', 'claim', 'another claim far away', 900), c('a1', 'actor', 'the minister', 60), c('a2', 'actor', 'Lukashenko', 400), c('s1', 'source', 'state television', 150)];

describe('rankLinkTargets', () => {
  it('offers actors first for "claimed by", then sources, other claims last, never the annotation itself', () => {
    const ids = rankLinkTargets(all, claim, 'claimant', '').map((t) => t.candidate.id);
    expect(ids).toEqual(['a1', 'a2', 's1', 'c2']);
    expect(rankLinkTargets(all, claim, 'claimant', '').map((t) => t.fitting)).toEqual([true, true, true, false]);
  });

  it('offers sources first for "according to"', () => {
    expect(rankLinkTargets(all, claim, 'according-to', '')[0]?.candidate.id).toBe('s1');
  });

  it('searches quotes and tag names, case and diacritics aside', () => {
    expect(rankLinkTargets(all, claim, 'claimant', 'LUKASH').map((t) => t.candidate.id)).toEqual(['a2']);
    expect(rankLinkTargets(all, claim, 'claimant', 'source').map((t) => t.candidate.id)).toEqual(['s1']);
    expect(rankLinkTargets(all, claim, 'claimant', 'télévision').map((t) => t.candidate.id)).toEqual(['s1']);
  });

  it('keeps the nearest when there are too many', () => {
    expect(rankLinkTargets(all, claim, 'about', '', 1).map((t) => t.candidate.id)).toEqual(['a1']);
  });
});
