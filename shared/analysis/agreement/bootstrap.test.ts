import { describe, expect, it } from 'vitest';
import { bootstrapAlpha } from './bootstrap.ts';
import { krippendorffAlpha } from './alpha.ts';
import type { ReliabilityData } from './types.ts';

const _ = null;
// Krippendorff (2011), example C (4 coders × 12 units, missing data).
const rows = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const data: ReliabilityData = { coders: ['A', 'B', 'C', 'D'], units: rows[0]!.map((_v, u) => rows.map((r) => r[u] ?? null)) };

function ok(r: ReturnType<typeof bootstrapAlpha>) {
  if (!r.computable) throw new Error(r.reason);
  return r;
}

describe('bootstrapAlpha', () => {
  it('same seed, same interval; another seed, another interval', () => {
    const a = ok(bootstrapAlpha(data, { seed: 42, level: 'interval' }));
    const b = ok(bootstrapAlpha(data, { seed: 42, level: 'interval' }));
    const c = ok(bootstrapAlpha(data, { seed: 43, level: 'interval' }));
    expect(b).toEqual(a);
    expect([c.lower, c.upper]).not.toEqual([a.lower, a.upper]);
    expect(a.scheme).toBe('units');
    expect(a.resampled).toBe(11); // the pairable units
    expect(a.replicates + a.skipped).toBe(1000);
  });

  it('brackets the point estimate and widens with the confidence', () => {
    const alpha = krippendorffAlpha(data, { level: 'interval' });
    if (!alpha.computable) throw new Error(alpha.reason);
    const r95 = ok(bootstrapAlpha(data, { seed: 7, level: 'interval', replicates: 2000 }));
    const r80 = ok(bootstrapAlpha(data, { seed: 7, level: 'interval', replicates: 2000, confidence: 0.8 }));
    expect(r95.lower).toBeLessThan(alpha.value);
    expect(r95.upper).toBeGreaterThan(alpha.value);
    expect(r95.upper).toBeLessThanOrEqual(1);
    expect(r80.lower).toBeGreaterThanOrEqual(r95.lower);
    expect(r80.upper).toBeLessThanOrEqual(r95.upper);
  });

  it('resamples clusters: one cluster holding every unit leaves no variation', () => {
    const alpha = krippendorffAlpha(data);
    if (!alpha.computable) throw new Error(alpha.reason);
    const r = ok(bootstrapAlpha(data, { seed: 1, clusters: new Array(12).fill(0) }));
    expect(r.scheme).toBe('clusters');
    expect(r.resampled).toBe(1);
    expect(r.lower).toBeCloseTo(alpha.value, 12);
    expect(r.upper).toBeCloseTo(alpha.value, 12);
    // One cluster per unit is the same as resampling units.
    const perUnit = ok(bootstrapAlpha(data, { seed: 1, clusters: data.units.map((_v, i) => i) }));
    const units = ok(bootstrapAlpha(data, { seed: 1 }));
    expect([perUnit.lower, perUnit.upper]).toEqual([units.lower, units.upper]);
  });

  it('not computable without variation or with a bad seed', () => {
    expect(bootstrapAlpha({ coders: ['a', 'b'], units: [[1, 1], [1, 1]] }, { seed: 1 }).computable).toBe(false);
    expect(bootstrapAlpha(data, { seed: 1.5 }).computable).toBe(false);
  });
});
