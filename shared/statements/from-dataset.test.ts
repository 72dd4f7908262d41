import { describe, expect, it } from 'vitest';
import { buildDataset, buildDatasetHeader, type Dataset } from '../dataset/dataset.ts';
import { validateDatasetParts } from '../dataset/validate.ts';
import { parsePosition, scaleFromCodebook, statementBuilder, statementsFromDataset } from './from-dataset.ts';
import { actorName, issueName, UNKNOWN_ACTOR, type Statement } from './statement.ts';
import { handDatasetInput } from './fixtures/hand-dataset.ts';

const dataset: Dataset = buildDataset(handDatasetInput());
const set = statementsFromDataset(dataset, dataset.articles);
const byId = new Map(set.statements.map((s) => [s.id, s]));
const st = (id: string): Statement => {
  const s = byId.get(id);
  if (!s) throw new Error(`no statement ${id}`);
  return s;
};

describe('statements from a dataset (table in fixtures/hand-dataset.ts)', () => {
  it('the fixture is a valid dataset that keeps every relation', () => {
    expect(validateDatasetParts(dataset, dataset.articles)).toEqual([]);
    expect(dataset.articles.reduce((n, a) => n + a.relations.length, 0)).toBe(14);
  });

  it('makes one statement per claim annotation, in article order', () => {
    expect(set.statements.map((s) => s.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('claimant: the linked actor of the first claimant mention; unlinked mention → its text; none → unknown', () => {
    expect(st('c1').claimant).toBe('act-luk');
    expect(st('c1').claimantMention).toBe('m-luk1');
    expect(st('c2').claimant).toBe('mention:tsikhanouskaya');
    expect(actorName(set, 'mention:tsikhanouskaya')).toBe('Tsikhanouskaya');
    expect(st('c3').claimant).toBe('act-zel');
    expect(st('c4').claimant).toBe(UNKNOWN_ACTOR);
    expect(st('c4').claimantMention).toBeNull();
    // c5 has two claimant links, Уряд first: the first one counts.
    expect(st('c5').claimant).toBe('mention:уряд');
  });

  it('addressees from `addressee` relations, each actor once', () => {
    expect(st('c1').addressees).toEqual(['act-eu']);
    expect(st('c5').addressees).toEqual(['act-eu']);
    expect(st('c2').addressees).toEqual([]);
  });

  it('`about` an actor mention → object actor; `about` another span → issue', () => {
    expect(st('c3').objects).toEqual([{ actor: 'act-luk', position: null }]);
    expect(st('c5').objects).toEqual([{ actor: 'act-eu', position: null }]);
    expect(st('c2').objects).toEqual([]);
    expect(st('c2').issues).toEqual(['tag-topic-sanctions']);
    expect(st('c5').issues).toEqual(['tag-topic-sanctions']);
  });

  it('the claim’s own tag is an issue unless it is the generic top-level "Claim"', () => {
    expect(st('c1').issues).toEqual(['tag-claim-sanctions']);
    expect(issueName(set, 'tag-claim-sanctions')).toBe('Sanctions');
    expect(st('c3').issues).toEqual(['tag-claim-cred']);
    expect(issueName(set, 'tag-claim-cred')).toBe('Credibility');
    expect(st('c4').issues).toEqual([]);
  });

  it('source from `according-to`: a linked actor or the mention’s text', () => {
    expect(st('c1').source).toEqual({ actor: 'act-belta', annotation: 'm-belta', label: 'BelTA' });
    expect(st('c4').source).toEqual({ actor: null, annotation: 'm-src', label: 'источника' });
    expect(st('c2').source).toBeNull();
  });

  it('position: the Position attribute first, else the stance on the scale', () => {
    // c1 says stance "supports" too, but a coded position wins.
    expect(st('c1').position).toBe(-1);
    expect(st('c2').position).toBe(1);
    expect(st('c3').position).toBe(-1);
    expect(st('c4').position).toBe(0);
    expect(st('c5').position).toBe(1);
  });

  it('quote type, article metadata, coder and quote are carried over', () => {
    expect(st('c1').quoteType).toBe('indirect');
    expect(st('c3').quoteType).toBe('direct');
    expect(st('c2').quoteType).toBeNull();
    expect(st('c2')).toMatchObject({ articleId: 'art-en', outlet: 'Wire', date: '2026-03-01', coder: 'alice', quote: 'the sanctions should stay 🇪🇺' });
    expect(st('c3')).toMatchObject({ outlet: 'Daily', date: '2026-03-05T10:00:00+03:00', coder: 'bob' });
    expect(st('c5')).toMatchObject({ outlet: null, date: null });
  });

  it('knows registry actors by name and kind, and mention keys by their text', () => {
    expect(set.actors.get('act-eu')).toEqual({ id: 'act-eu', name: 'European Union', kind: 'institution' });
    expect(set.actors.get('mention:уряд')).toEqual({ id: 'mention:уряд', name: 'Уряд', kind: null });
  });

  it('builds the same set article by article (the streamed path the CLI uses)', () => {
    const b = statementBuilder(buildDatasetHeader(handDatasetInput()));
    for (const a of dataset.articles) b.add(a);
    expect(b.result().statements).toEqual(set.statements);
  });

  it('a custom scale maps stances to its ends and midpoint', () => {
    const five = statementsFromDataset(dataset, dataset.articles, { scale: { min: 1, max: 5 } });
    const p = new Map(five.statements.map((s) => [s.id, s.position]));
    expect(p.get('c2')).toBe(5); // supports
    expect(p.get('c4')).toBe(3); // neutral
  });
});

describe('the position scale from the codebook', () => {
  const withOptions = (options: string[]) => ({
    ...dataset,
    codebook: {
      ...dataset.codebook,
      categories: dataset.codebook.categories.map((c) => (c.id === 'claim' ? { ...c, attributes: c.attributes.map((a) => (a.name === 'Position' ? { ...a, options } : a)) } : c)),
    },
  });

  it('reads the Position options: −1…+1 here, 1…5 on a Likert codebook', () => {
    expect(scaleFromCodebook(dataset)).toEqual({ min: -1, max: 1 });
    const likert = withOptions(['1', '2', '3', '4', '5']);
    expect(scaleFromCodebook(likert)).toEqual({ min: 1, max: 5 });
    // Stances then map onto that scale without being told.
    const p = new Map(statementsFromDataset(likert, dataset.articles).statements.map((s) => [s.id, s.position]));
    expect(p.get('c2')).toBe(5);
    expect(p.get('c4')).toBe(3);
  });

  it('ignores options that are not whole numbers', () => {
    expect(scaleFromCodebook(withOptions(['for', 'against']))).toBeNull();
    expect(scaleFromCodebook(withOptions(['0.5', '1']))).toBeNull();
  });
});

describe('parsePosition', () => {
  it('reads numbers, signed strings and stance words', () => {
    expect(parsePosition(1)).toBe(1);
    expect(parsePosition('+1')).toBe(1);
    expect(parsePosition('−1')).toBe(-1);
    expect(parsePosition('-1')).toBe(-1);
    expect(parsePosition('-0.5')).toBe(-0.5);
    expect(parsePosition('-')).toBe(-1);
    expect(parsePosition('+')).toBe(1);
    expect(parsePosition(' Opposes ')).toBe(-1);
    expect(parsePosition('neutral')).toBe(0);
    expect(parsePosition('maybe')).toBeNull();
    expect(parsePosition(true)).toBeNull();
    expect(parsePosition(Number.NaN)).toBeNull();
  });
});
