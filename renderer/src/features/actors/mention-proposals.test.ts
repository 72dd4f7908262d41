import { describe, expect, it } from 'vitest';
import { mentionProposals, type ProposalAnnotation } from './mention-proposals.ts';

const actor = { id: 'luk', name: 'Alexander Lukashenko', aliases: ['Лукашенко'], kind: 'person' };
const articles = [
  { id: 'a1', title: 'One', language: 'en', text: 'Lukashenko spoke. Later Alexander Lukashenko’s office denied it. Lukashenko again.' },
  { id: 'a2', title: 'Два', language: 'ru', text: 'Встреча с Лукашенком прошла в Минске.' },
];

describe('mention proposals', () => {
  it('proposes unlinked matches, links unlinked mentions, leaves linked ones alone', () => {
    const at = (s: string, nth = 0) => {
      let i = -1;
      for (let k = 0; k <= nth; k++) i = articles[0]!.text.indexOf(s, i + 1);
      return i;
    };
    const annotations: ProposalAnnotation[] = [
      // Already this actor's mention: not proposed.
      { id: 'm1', articleId: 'a1', start: 0, end: 10, actorId: 'luk', mention: true },
      // An unlinked mention covering the second match: proposed for linking.
      { id: 'm2', articleId: 'a1', start: at('Alexander'), end: at('Alexander') + 20, actorId: undefined, mention: true },
      // Another actor's mention over the third: not ours to change.
      { id: 'm3', articleId: 'a1', start: at('Lukashenko', 2), end: at('Lukashenko', 2) + 10, actorId: 'other', mention: true },
    ];
    const list = mentionProposals(actor, articles, annotations);
    expect(list.map((p) => [p.articleId, p.quote, p.linkAnnotationId])).toEqual([
      ['a1', 'Alexander Lukashenko', 'm2'],
      ['a2', 'Лукашенком', null],
    ]);
    expect(list[1]).toMatchObject({ before: 'Встреча с ', after: ' прошла в Минске.' });
  });

  it('ignores claims and other spans that are not mentions', () => {
    const claim: ProposalAnnotation = { id: 'c', articleId: 'a2', start: 0, end: 37, actorId: undefined, mention: false };
    expect(mentionProposals(actor, [articles[1]!], [claim])[0]!.linkAnnotationId).toBeNull();
  });

  it('does not propose again what was rejected: the same actor and span', () => {
    const all = mentionProposals(actor, articles, []);
    const rejected = new Set([all[1]!.key]);
    const left = mentionProposals(actor, articles, [], 500, rejected);
    expect(left.map((p) => p.quote)).toEqual(all.filter((_, i) => i !== 1).map((p) => p.quote));
    // Another actor's proposal at the same place is a different proposal.
    expect(mentionProposals({ ...actor, id: 'other' }, articles, [], 500, rejected)).toHaveLength(all.length);
  });
});
