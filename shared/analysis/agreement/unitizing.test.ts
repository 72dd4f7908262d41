import { describe, expect, it } from 'vitest';
import { segmentDistance, unitizingAlpha, unitizingAlphaStudy, type UnitizingSpan } from './unitizing.ts';

type R = ReturnType<typeof unitizingAlpha>;
function byValue(r: R, value: string) {
  const x = r.byValue.find((b) => b.value === value)?.result;
  if (!x || !x.computable) throw new Error(`no result for ${value}`);
  return x;
}

describe('segment distance (Krippendorff 2004, as tested in DKPro Agreement)', () => {
  it('reproduces the published distances', () => {
    // measureDistance(offset, length, category, …) in DKPro → [start, end) here.
    expect(segmentDistance(2, 5, false, 2, 4, true) + segmentDistance(5, 11, true, 4, 11, false)).toBe(40);
    expect(segmentDistance(5, 11, true, 4, 6, true)).toBe(26);
    expect(segmentDistance(5, 11, true, 5, 7, true)).toBe(16);
    expect(segmentDistance(5, 11, true, 6, 8, true)).toBe(10);
    expect(segmentDistance(5, 11, true, 7, 9, true)).toBe(8);
    expect(segmentDistance(5, 11, true, 6, 10, true)).toBe(2);
    expect(segmentDistance(5, 11, true, 5, 11, true)).toBe(0);
    expect(segmentDistance(225, 295, true, 220, 300, true)).toBe(50);
    expect(segmentDistance(370, 400, true, 355, 375, true)).toBe(850);
    expect(segmentDistance(400, 450, false, 400, 420, true)).toBe(400);
  });
});

describe('Krippendorff (2004, p. 254) example, DKPro Agreement Krippendorff2004Test', () => {
  // The continuum runs from 150 to 450 in the book; shifted to start at 0.
  const raw: [number, number, number, string][] = [
    [225, 70, 0, 'c'], [370, 30, 0, 'c'], [220, 80, 1, 'c'], [355, 20, 1, 'c'], [400, 20, 1, 'c'],
    [180, 60, 0, 'k'], [300, 50, 0, 'k'], [180, 60, 1, 'k'], [300, 50, 1, 'k'],
  ];
  const spans: UnitizingSpan[] = raw.map(([off, len, coder, value]) => ({ coder: `c${coder}`, start: off - 150, end: off - 150 + len, value }));
  const r = unitizingAlpha({ length: 300, coders: ['c0', 'c1'], spans });

  it('uα = 0.8591 over both categories', () => {
    if (!r.overall.computable) throw new Error(r.overall.reason);
    expect(r.overall.value).toBeCloseTo(0.8591, 3);
    expect(Math.abs(r.overall.value - 0.8591)).toBeLessThan(0.0005);
  });

  it('per category: c  D_o .0144, D_e .0532, uα .7286; k  D_o 0, D_e .0490, uα 1', () => {
    const c = byValue(r, 'c');
    expect(c.observedDisagreement).toBeCloseTo(0.0144, 4);
    expect(c.expectedDisagreement).toBeCloseTo(0.0532, 4);
    expect(c.value).toBeCloseTo(0.7286, 4);
    const k = byValue(r, 'k');
    expect(k.observedDisagreement).toBeCloseTo(0, 4);
    expect(k.expectedDisagreement).toBeCloseTo(0.049, 4);
    expect(k.value).toBeCloseTo(1, 4);
    expect(r.unitsPerCoder).toEqual([4, 5]);
  });
});

describe('Krippendorff (1995, p. 57) example, DKPro Agreement Krippendorff1995Test', () => {
  function example(stretch: number): R {
    const s = (x: number) => Math.trunc(x * stretch);
    const units: [number, number, number, string][] = [
      [2, 8, 0, 'A'], [14, 6, 0, 'A'], [4, 4, 1, 'A'], [15, 2, 1, 'A'],
      [0, 18, 0, 'B'], [0, 2, 1, 'B'], [2, 1, 1, 'B'], [3, 1, 1, 'B'], [4, 1, 1, 'B'], [5, 1, 1, 'B'], [6, 3, 1, 'B'], [9, 1, 1, 'B'],
      [2, 6, 0, 'C'], [10, 2, 0, 'C'], [14, 4, 0, 'C'], [20, 2, 0, 'C'], [0, 2, 1, 'C'], [4, 4, 1, 'C'], [10, 4, 1, 'C'], [16, 2, 1, 'C'], [20, 2, 1, 'C'],
      [0, 2, 0, 'D'], [2, 8, 0, 'D'], [10, 4, 0, 'D'], [14, 6, 0, 'D'], [20, 4, 0, 'D'], [0, 4, 1, 'D'], [4, 4, 1, 'D'], [8, 7, 1, 'D'], [15, 2, 1, 'D'], [17, 7, 1, 'D'],
    ];
    return unitizingAlpha({
      length: s(24),
      coders: ['0', '1'],
      spans: units.map(([off, len, coder, value]) => ({ coder: String(coder), start: s(off), end: s(off) + s(len), value })),
    });
  }

  it('observed disagreement: A .03125, B 2.26736, C .02777, D .38715', () => {
    const r = example(1);
    // Published to five decimals, truncated (C is 1/36 = .027777…): DKPro's tolerance ±.00001.
    const expected = { A: 0.03125, B: 2.26736, C: 0.02777, D: 0.38715 } as const;
    for (const [value, d] of Object.entries(expected)) expect(Math.abs(byValue(r, value).observedDisagreement - d)).toBeLessThan(0.00001);
  });

  it('on a fine continuum (×50,000): D_e and uα as published (A .553, B −.926, C .679, D .066)', () => {
    const r = example(1_200_000 / 24);
    // DKPro's tolerances: ±.005 on D_e, ±.02 on uα (the 1995 paper's D_e has a small error).
    const expected = { A: [0.0699, 0.553], B: [1.17731, -0.926], C: [0.08642, 0.679], D: [0.41445, 0.066] } as const;
    for (const [value, [de, alpha]] of Object.entries(expected)) {
      const x = byValue(r, value);
      expect(Math.abs(x.expectedDisagreement - de)).toBeLessThan(0.005);
      expect(Math.abs(x.value - alpha)).toBeLessThan(0.02);
    }
  });

  it('C on a coarse continuum (×0.5): D_e .05494', () => {
    expect(byValue(example(12 / 24), 'C').expectedDisagreement).toBeCloseTo(0.05494, 5);
  });
});

describe('uα edge cases', () => {
  it('identical coders give 1; overlapping spans of one coder are merged and counted', () => {
    const a = { coder: 'a', start: 2, end: 8, value: 'x' };
    const r = unitizingAlpha({
      length: 20,
      coders: ['a', 'b'],
      spans: [a, { ...a, coder: 'b', start: 2, end: 5 }, { ...a, coder: 'b', start: 4, end: 8 }, { ...a, start: 12, end: 15 }, { ...a, coder: 'b', start: 12, end: 15 }],
    });
    expect(r.mergedOverlaps).toBe(1);
    expect(r.overall.computable && r.overall.value).toBeCloseTo(1, 12);
  });

  it('no spans, one coder, or an empty continuum are not computable', () => {
    expect(unitizingAlpha({ length: 10, coders: ['a', 'b'], spans: [] }).overall.computable).toBe(false);
    expect(unitizingAlpha({ length: 10, coders: ['a'], spans: [{ coder: 'a', start: 0, end: 2, value: 'x' }] }).overall.computable).toBe(false);
    expect(() => unitizingAlpha({ length: 10, coders: ['a', 'b'], spans: [{ coder: 'a', start: 5, end: 12, value: 'x' }] })).toThrow(RangeError);
  });
});

describe('pooling a study over articles', () => {
  const articles = [
    { id: 'long', length: 200, openedBy: ['a', 'b'] },
    { id: 'short', length: 20, openedBy: ['a', 'b'] },
    { id: 'half', length: 50, openedBy: ['a'] },
  ];
  const spans = [
    { articleId: 'long', coder: 'a', start: 10, end: 60, value: 'claim' },
    { articleId: 'long', coder: 'b', start: 12, end: 60, value: 'claim' },
    { articleId: 'short', coder: 'a', start: 0, end: 10, value: 'claim' },
    { articleId: 'short', coder: 'b', start: 5, end: 20, value: 'claim' },
    { articleId: 'half', coder: 'a', start: 0, end: 10, value: 'claim' },
  ];
  const r = unitizingAlphaStudy(articles, ['a', 'b'], spans);

  it('lays the articles every coder opened end to end (one continuum, not a mean of articles)', () => {
    const direct = unitizingAlpha({
      length: 220,
      coders: ['a', 'b'],
      spans: [
        { coder: 'a', start: 10, end: 60, value: 'claim' },
        { coder: 'b', start: 12, end: 60, value: 'claim' },
        { coder: 'a', start: 200, end: 210, value: 'claim' },
        { coder: 'b', start: 205, end: 220, value: 'claim' },
      ],
    });
    if (!r.pooled.overall.computable || !direct.overall.computable) throw new Error('not computable');
    expect(r.pooled.overall.value).toBeCloseTo(direct.overall.value, 12);
    expect(r.pooled.continuumLength).toBe(220);
    const long = r.perArticle.get('long')?.overall;
    const short = r.perArticle.get('short')?.overall;
    if (!long?.computable || !short?.computable) throw new Error('per-article not computable');
    expect(r.pooled.overall.value).not.toBeCloseTo((long.value + short.value) / 2, 2);
  });

  it('an article a coder never opened is missing: left out of the pool and reported', () => {
    expect(r.pooled.articlesIncluded).toBe(2);
    expect(r.pooled.articlesExcluded).toEqual(['half']);
    expect(r.perArticle.has('half')).toBe(false);
  });
});
