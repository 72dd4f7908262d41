import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { krippendorffAlpha } from './alpha.ts';
import type { ReliabilityData, Value } from './types.ts';

/** Coders as rows (as printed in the paper) → ReliabilityData (units as rows). */
function fromCoderRows(rows: (Value | null)[][]): ReliabilityData {
  const units = rows[0]!.map((_, u) => rows.map((r) => r[u] ?? null));
  return { coders: rows.map((_, i) => `c${i + 1}`), units };
}

function value(r: ReturnType<typeof krippendorffAlpha>): number {
  if (!r.computable) throw new Error(r.reason);
  return r.value;
}

const _ = null;
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers ×
// 12 units with missing values. Published: nominal .743, ordinal .815, interval .849, ratio .797
// (same data and figures in the `krippendorff` Python package's doctests).
const EXAMPLE_C = fromCoderRows([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]);

describe('Krippendorff (2011) published examples', () => {
  it('A: binary data, two observers, 10 units: α = 0.095', () => {
    const d = fromCoderRows([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    const r = krippendorffAlpha(d);
    expect(value(r)).toBeCloseTo(0.095, 3);
    // The paper's coincidence matrix: o00 = 10, o01 = o10 = 4, o11 = 2.
    if (r.computable) expect([...r.coincidences]).toEqual([10, 4, 4, 2]);
  });

  it('B: nominal data, two observers, 12 units: α = 0.692', () => {
    // a..e as in the paper.
    const d = fromCoderRows([
      ['a', 'a', 'b', 'b', 'd', 'c', 'c', 'c', 'e', 'd', 'd', 'a'],
      ['b', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'e', 'd', 'd', 'd'],
    ]);
    expect(value(krippendorffAlpha(d))).toBeCloseTo(0.692, 3);
  });

  it('C: the coincidence matrix with missing data (unit 12 unpairable, n = 40)', () => {
    const r = krippendorffAlpha(EXAMPLE_C);
    if (!r.computable) throw new Error(r.reason);
    const t = 1 / 3;
    const expected = [
      [7, 4 * t, t, t, 0],
      [4 * t, 10, 4 * t, t, 0],
      [t, 4 * t, 8, t, 0],
      [t, t, t, 4, 0],
      [0, 0, 0, 0, 3],
    ].flat();
    [...r.coincidences].forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 12));
    expect(r.n).toEqual({ units: 12, pairableUnits: 11, pairableValues: 40, coders: 4 });
  });

  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('C: %s α = %s', (level, expected) => {
    expect(value(krippendorffAlpha(EXAMPLE_C, { level }))).toBeCloseTo(expected, 3);
  });

  it('ordinal labels follow the given order, not the alphabet', () => {
    const names = ['very low', 'low', 'mid', 'high', 'very high'];
    const labelled: ReliabilityData = { coders: EXAMPLE_C.coders, units: EXAMPLE_C.units.map((row) => row.map((v) => (v === null ? null : names[(v as number) - 1]!))) };
    expect(value(krippendorffAlpha(labelled, { level: 'ordinal', order: names }))).toBeCloseTo(0.815, 3);
    const r = krippendorffAlpha(labelled, { level: 'ordinal' });
    expect(r.computable).toBe(false);
  });
});

describe('Wikipedia / krippendorff (Python) doctest example: 3 coders × 15 units', () => {
  const d = fromCoderRows([
    [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
    [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
    [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
  ]);
  it('nominal 0.691358, interval 0.810845', () => {
    expect(value(krippendorffAlpha(d))).toBeCloseTo(0.691358, 6);
    expect(value(krippendorffAlpha(d, { level: 'interval' }))).toBeCloseTo(0.810845, 6);
  });
});

describe('not computable', () => {
  it('one value only', () => {
    const r = krippendorffAlpha(fromCoderRows([[1, 1, 1], [1, 1, 1]]));
    expect(r.computable).toBe(false);
    if (!r.computable) expect(r.reason).toMatch(/same/);
    expect(r.n.pairableValues).toBe(6);
  });
  it('no unit with two values', () => {
    const r = krippendorffAlpha(fromCoderRows([[1, _, 2], [_, 3, _]]));
    expect(r.computable).toBe(false);
    if (!r.computable) expect(r.reason).toMatch(/two or more coders/);
  });
  it('one coder', () => {
    expect(krippendorffAlpha(fromCoderRows([[1, 2, 3]])).computable).toBe(false);
  });
  it('labels at the interval level', () => {
    const r = krippendorffAlpha(fromCoderRows([['a', 'b'], ['a', 'a']]), { level: 'interval' });
    expect(r.computable).toBe(false);
  });
});

describe('properties', () => {
  function randomData(seed: number): ReliabilityData {
    const rng = xoroshiro128plus(seed);
    const coders = uniformInt(rng, 2, 5);
    const units = Array.from({ length: uniformInt(rng, 5, 40) }, () =>
      Array.from({ length: coders }, () => (uniformInt(rng, 0, 9) < 2 ? null : uniformInt(rng, 1, 5))),
    );
    return { coders: Array.from({ length: coders }, (_, i) => `c${i}`), units };
  }
  const seeds = Array.from({ length: 25 }, (_, i) => i + 1);

  it('identical coders give 1', () => {
    for (const seed of seeds) {
      const d = randomData(seed);
      const same: ReliabilityData = { coders: d.coders, units: d.units.map((row) => row.map(() => row.find((v) => v !== null) ?? null)) };
      for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
        const r = krippendorffAlpha(same, { level });
        if (r.computable) expect(r.value).toBeCloseTo(1, 12);
      }
    }
  });

  it('nominal α is invariant to relabelling values; every level to the order of coders and units', () => {
    for (const seed of seeds) {
      const d = randomData(seed);
      const relabelled: ReliabilityData = { coders: d.coders, units: d.units.map((row) => row.map((v) => (v === null ? null : `label-${10 - (v as number)}`))) };
      const a = krippendorffAlpha(d);
      const b = krippendorffAlpha(relabelled);
      expect(b.computable).toBe(a.computable);
      if (a.computable && b.computable) expect(b.value).toBeCloseTo(a.value, 12);
      const shuffled: ReliabilityData = { coders: [...d.coders].reverse(), units: [...d.units].reverse().map((row) => [...row].reverse()) };
      for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
        const x = krippendorffAlpha(d, { level });
        const y = krippendorffAlpha(shuffled, { level });
        if (x.computable && y.computable) expect(y.value).toBeCloseTo(x.value, 12);
        else expect(y.computable).toBe(x.computable);
      }
    }
  });
});
