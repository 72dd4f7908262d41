import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { krippendorffAlpha } from './alpha.ts';
import { bootstrapAlpha } from './bootstrap.ts';
import { cohenKappa, fleissKappa, percentAgreement } from './kappa.ts';
import type { ReliabilityData, Value } from './types.ts';

/** Random data with many repeated rows, and the same data compressed to distinct rows with weights (per cluster). */
function pair(coders: number, missing: boolean) {
  const rng = xoroshiro128plus(99);
  const int = (a: number, b: number) => uniformInt(rng, a, b);
  const units: (Value | null)[][] = [];
  const clusters: number[] = [];
  for (let i = 0; i < 400; i++) {
    units.push(Array.from({ length: coders }, () => (missing && int(0, 9) === 0 ? null : (['x', 'y', 'z'][int(0, 2)] as string))));
    clusters.push(int(0, 7));
  }
  const key = new Map<string, number>();
  const cUnits: (Value | null)[][] = [];
  const weights: number[] = [];
  const cClusters: number[] = [];
  units.forEach((row, u) => {
    const k = `${clusters[u]}|${row.join(',')}`;
    const at = key.get(k);
    if (at !== undefined) weights[at]! += 1;
    else {
      key.set(k, cUnits.length);
      cUnits.push(row);
      weights.push(1);
      cClusters.push(clusters[u]!);
    }
  });
  const names = Array.from({ length: coders }, (_, i) => `c${i}`);
  const full: ReliabilityData = { coders: names, units };
  const compressed: ReliabilityData = { coders: names, units: cUnits, weights };
  return { full, compressed, clusters, cClusters };
}

describe('weighted (compressed) units give the same figures as the rows they stand for', () => {
  it.each([
    [2, false],
    [3, true],
  ])('%s coders, missing values %s', (coders, missing) => {
    const { full, compressed, clusters, cClusters } = pair(coders, missing);
    expect(compressed.units.length).toBeLessThan(full.units.length);
    const strip = (r: { computable: boolean }) => (r.computable ? { ...(r as object), coincidences: undefined } : r);
    for (const level of ['nominal', 'ordinal'] as const) {
      const order = level === 'ordinal' ? ['x', 'y', 'z'] : undefined;
      const a = krippendorffAlpha(full, { level, ...(order ? { order } : {}) });
      const b = krippendorffAlpha(compressed, { level, ...(order ? { order } : {}) });
      expect(b.computable && b.value).toBeCloseTo(a.computable ? a.value : NaN, 12);
      expect(b.n).toEqual(a.n);
    }
    const pct = [percentAgreement(full), percentAgreement(compressed)];
    expect(pct[1]!.computable && pct[1]!.value).toBeCloseTo(pct[0]!.computable ? pct[0]!.value : NaN, 12);
    expect(pct[1]!.n).toEqual(pct[0]!.n);
    const kappa = coders === 2 ? [cohenKappa(full), cohenKappa(compressed)] : [fleissKappa(full), fleissKappa(compressed)];
    expect(kappa[1]!.computable && kappa[1]!.value).toBeCloseTo(kappa[0]!.computable ? kappa[0]!.value : NaN, 12);
    expect(strip(kappa[1]!)).toMatchObject({ ...strip(kappa[0]!), value: expect.any(Number), observedAgreement: expect.any(Number), expectedAgreement: expect.any(Number) });
    const ci = [bootstrapAlpha(full, { seed: 5, replicates: 300, clusters }), bootstrapAlpha(compressed, { seed: 5, replicates: 300, clusters: cClusters })];
    if (!ci[0]!.computable || !ci[1]!.computable) throw new Error('no interval');
    expect(ci[1]!.lower).toBeCloseTo(ci[0]!.lower, 10);
    expect(ci[1]!.upper).toBeCloseTo(ci[0]!.upper, 10);
    expect(bootstrapAlpha(compressed, { seed: 5 })).toMatchObject({ computable: false });
  });
});
