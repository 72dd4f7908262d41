import { describe, expect, it } from 'vitest';
import { attributeAlpha, matchSpans } from './matching.ts';

interface S {
  id: string;
  articleId: string;
  coder: string;
  start: number;
  end: number;
  stance?: string;
}
const span = (id: string, coder: string, start: number, end: number, stance?: string, articleId = 'a'): S => ({ id, articleId, coder, start, end, stance });
const ids = (m: ReturnType<typeof matchSpans<S>>) => m.groups.map((g) => g.spans.map((s) => s.id).join('-')).sort();

describe('matchSpans', () => {
  it('takes exact matches first, then the largest overlap', () => {
    // b1 overlaps a1 more than a2 does, but a2 matches b1 exactly.
    const m = matchSpans([span('a1', 'A', 0, 20), span('a2', 'A', 10, 22), span('b1', 'B', 10, 22), span('b2', 'B', 0, 9)], ['A', 'B']);
    expect(ids(m)).toEqual(['a1-b2', 'a2-b1']);
    expect(m.groups.find((g) => g.spans[0]!.id === 'a2')!.exact).toBe(true);
    expect(m.unmatchedPerCoder).toEqual({ A: 0, B: 0 });
  });

  it('then by overlap; each span is used once; leftovers are counted per coder', () => {
    const m = matchSpans([span('a1', 'A', 0, 10), span('b1', 'B', 2, 10), span('b2', 'B', 0, 4), span('b3', 'B', 30, 40), span('a9', 'A', 50, 60, undefined, 'other')], ['A', 'B']);
    expect(ids(m)).toEqual(['a1-b1']);
    expect(m.unmatched.map((s) => s.id).sort()).toEqual(['a9', 'b2', 'b3']);
    expect(m.unmatchedPerCoder).toEqual({ A: 1, B: 2 });
  });

  it('spans in different articles never match; spans that only touch do not match', () => {
    const m = matchSpans([span('a1', 'A', 0, 10), span('b1', 'B', 0, 10, undefined, 'other'), span('b2', 'B', 10, 20)], ['A', 'B']);
    expect(m.groups).toEqual([]);
    expect(m.unmatchedPerCoder).toEqual({ A: 1, B: 2 });
  });

  it('three coders: one group holds at most one span per coder', () => {
    const m = matchSpans([span('a1', 'A', 0, 10), span('b1', 'B', 0, 10), span('c1', 'C', 1, 10), span('c2', 'C', 0, 8)], ['A', 'B', 'C']);
    expect(ids(m)).toEqual(['a1-b1-c1']);
    expect(m.unmatchedPerCoder).toEqual({ A: 0, B: 0, C: 1 });
  });
});

describe('attributeAlpha', () => {
  it('over exactly matched spans equals α of the published data (Krippendorff 2011, example B: .692)', () => {
    const ben = ['a', 'a', 'b', 'b', 'd', 'c', 'c', 'c', 'e', 'd', 'd', 'a'];
    const gerry = ['b', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'e', 'd', 'd', 'd'];
    const spans = [...ben.map((v, i) => span(`ben${i}`, 'Ben', i * 10, i * 10 + 5, v)), ...gerry.map((v, i) => span(`gerry${i}`, 'Gerry', i * 10, i * 10 + 5, v))];
    const r = attributeAlpha(spans, ['Ben', 'Gerry'], (s) => s.stance);
    if (!r.alpha.computable) throw new Error(r.alpha.reason);
    expect(r.alpha.value).toBeCloseTo(0.692, 3);
    expect(r.matching.groups).toHaveLength(12);
  });

  it('unset attributes are missing; unmatched spans do not enter α but are counted', () => {
    const r = attributeAlpha(
      [span('a1', 'A', 0, 10, 'pro'), span('b1', 'B', 0, 10, 'pro'), span('a2', 'A', 20, 30, 'contra'), span('b2', 'B', 21, 30, 'pro'), span('a3', 'A', 40, 50), span('b3', 'B', 40, 50, 'pro'), span('b4', 'B', 70, 80, 'contra')],
      ['A', 'B'],
      (s) => s.stance,
    );
    expect(r.data.units).toEqual([
      ['pro', 'pro'],
      ['contra', 'pro'],
      [null, 'pro'],
    ]);
    expect(r.alpha.n.pairableUnits).toBe(2);
    expect(r.matching.unmatchedPerCoder).toEqual({ A: 0, B: 1 });
  });
});
