import { describe, expect, it } from 'vitest';
import { indexFields } from './analyse.ts';
import { buildSegment, loadSegment, lookupPhrase, lookupSegment, saveSegment, type IndexedDoc } from './segment.ts';
import { queryStems } from './stem.ts';
import { words } from './tokenise.ts';

// Index terms as the import worker makes them (stems, space-separated).
const DOCS: IndexedDoc[] = [
  { id: 'a', title: 'лукашенк встрет', text: 'лукашенк заяв президент лукашенк', pairs: '' },
  { id: 'b', title: 'санкц', text: 'президент лукашенковск министр', pairs: '' },
  { id: 'c', title: 'лукашенк', text: 'урожа', pairs: '' },
  { id: 'd', title: 'harvest', text: 'lukashenko met governor', pairs: '' },
];

/** What MiniSearch's own search finds, best first. */
function reference(seg: Awaited<ReturnType<typeof buildSegment>>, terms: string[], prefix: boolean): string[] {
  return seg.mini.search({ queries: terms, combineWith: 'OR' }, { prefix, fuzzy: false }).map((r) => r.id as string);
}
const best = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]).map(([id]) => id);

describe('lookupSegment', () => {
  it('finds what MiniSearch finds, in the same order, for words and prefixes', async () => {
    const seg = loadSegment(saveSegment(await buildSegment(DOCS)));
    for (const [terms, prefix] of [[['лукашенк'], false], [['президент', 'урожа'], false], [['лукашенк'], true], [['lukash'], true], [['нет'], false]] as const) {
      const ours = lookupSegment(seg, terms, prefix);
      expect(new Set(ours.keys())).toEqual(new Set(reference(seg, [...terms], prefix)));
    }
    // A title hit counts double; more occurrences score higher.
    expect(best(lookupSegment(seg, ['лукашенк'], false))).toEqual(reference(seg, ['лукашенк'], false));
  });

  it('gives MiniSearch’s own scores for one term', async () => {
    const seg = await buildSegment(DOCS);
    for (const term of ['лукашенк', 'президент']) {
      const ours = lookupSegment(seg, [term], false);
      for (const r of seg.mini.search(term, { prefix: false, fuzzy: false })) expect(ours.get(r.id as string)).toBeCloseTo(r.score, 9);
    }
    // After a delete the averages change: the cached length terms follow.
    seg.mini.discard('b');
    const after = lookupSegment(seg, ['лукашенк'], false);
    const theirs = seg.mini.search('лукашенк', { prefix: false, fuzzy: false });
    expect(theirs.length).toBeGreaterThan(0);
    for (const r of theirs) expect(after.get(r.id as string)).toBeCloseTo(r.score, 9);
  });

  it('skips discarded articles and merges into the caller’s map', async () => {
    const seg = await buildSegment(DOCS);
    seg.mini.discard('a');
    const into = new Map([['z', 1]]);
    lookupSegment(seg, ['лукашенк'], false, into);
    expect([...into.keys()].sort()).toEqual(['c', 'z']);
  });
});

describe('lookupPhrase (word pairs)', () => {
  const TEXTS = [
    { id: 'p', title: 'Заявил президент', text: 'Вчера президент заявил: «Переговоры идут». Президент, заявил он.', lang: 'ru' },
    { id: 'q', title: 'Новости', text: 'Президента заявил? Нет: заявил президент страны и министр.', lang: 'ru' },
    { id: 'r', title: 'The government', text: "The government's plan; the  Government said.", lang: 'en' },
  ];
  const docs = () => TEXTS.map((t) => ({ id: t.id, ...indexFields(t.title, t.text, t.lang) }));
  const phrase = (seg: Awaited<ReturnType<typeof buildSegment>>, text: string) => {
    const ws = words(text);
    return lookupPhrase(seg, ws, ws.map((w) => queryStems(w)));
  };

  it('finds the words adjacent and in order, across punctuation, as written', async () => {
    const seg = await buildSegment(docs());
    expect([...phrase(seg, 'заявил президент').keys()].sort()).toEqual(['p', 'q']);
    expect([...phrase(seg, 'президент заявил').keys()].sort()).toEqual(['p']);
    expect([...phrase(seg, 'президента заявил').keys()]).toEqual(['q']); // as written: no stemming inside a phrase
    expect([...phrase(seg, 'the government').keys()]).toEqual(['r']);
    expect([...phrase(seg, 'government said').keys()]).toEqual(['r']);
    expect([...phrase(seg, 'government the').keys()]).toEqual([]);
    // A pair never spans the title and the text: "Новости Президента" is not in q.
    expect([...phrase(seg, 'новости президента').keys()]).toEqual([]);
  });

  it('scores a phrase as the sum of its words’ lookups', async () => {
    const seg = await buildSegment(docs());
    const found = phrase(seg, 'заявил президент');
    const sum = (id: string) => ['заявил', 'президент'].reduce((n, w) => n + (lookupSegment(seg, queryStems(w), false).get(id) ?? 0), 0);
    expect(found.get('p')).toBeCloseTo(sum('p'), 12);
    expect(found.get('q')).toBeCloseTo(sum('q'), 12);
  });

  it('survives saving and loading, and forgets discarded articles (the stored form of a delete)', async () => {
    const built = await buildSegment(docs());
    const seg = loadSegment(saveSegment(built));
    expect([...phrase(seg, 'заявил президент').keys()].sort()).toEqual(['p', 'q']);
    seg.mini.discard('p');
    const again = loadSegment(saveSegment(seg));
    expect([...phrase(again, 'заявил президент').keys()]).toEqual(['q']);
    expect([...phrase(again, 'the government').keys()]).toEqual(['r']);
  });
});
