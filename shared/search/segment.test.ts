import { describe, expect, it } from 'vitest';
import { buildSegment, loadSegment, lookupSegment, saveSegment, type IndexedDoc } from './segment.ts';

// Index terms as the import worker makes them (stems, space-separated).
const DOCS: IndexedDoc[] = [
  { id: 'a', title: 'лукашенк встрет', text: 'лукашенк заяв президент лукашенк' },
  { id: 'b', title: 'санкц', text: 'президент лукашенковск министр' },
  { id: 'c', title: 'лукашенк', text: 'урожа' },
  { id: 'd', title: 'harvest', text: 'lukashenko met governor' },
];

/** What MiniSearch's own search finds, best first. */
function reference(seg: Awaited<ReturnType<typeof buildSegment>>, terms: string[], prefix: boolean): string[] {
  return seg.search({ queries: terms, combineWith: 'OR' }, { prefix, fuzzy: false }).map((r) => r.id as string);
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

  it('skips discarded articles and merges into the caller’s map', async () => {
    const seg = await buildSegment(DOCS);
    seg.discard('a');
    const into = new Map([['z', 1]]);
    lookupSegment(seg, ['лукашенк'], false, into);
    expect([...into.keys()].sort()).toEqual(['c', 'z']);
  });
});
