import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa, percentAgreement } from './kappa.ts';
import type { ReliabilityData, Value } from './types.ts';

/** A two-coder table of counts → one unit per counted item. */
function fromTable(cells: [number, Value, Value][]): ReliabilityData {
  const units: Value[][] = [];
  for (const [count, a, b] of cells) for (let i = 0; i < count; i++) units.push([a, b]);
  return { coders: ['A', 'B'], units };
}

describe("Cohen's κ", () => {
  it('Cohen (1960, p. 45) example: p_o = .70, p_e = .41, κ = .492', () => {
    const d = fromTable([
      [88, 1, 1], [14, 1, 2], [18, 1, 3],
      [10, 2, 1], [40, 2, 2], [10, 2, 3],
      [2, 3, 1], [6, 3, 2], [12, 3, 3],
    ]);
    const r = cohenKappa(d);
    if (!r.computable) throw new Error(r.reason);
    expect(r.observedAgreement).toBeCloseTo(0.7, 2);
    expect(r.expectedAgreement).toBeCloseTo(0.41, 2);
    expect(r.value).toBeCloseTo(0.492, 3);
    expect(r.n.pairableUnits).toBe(200);
  });

  it('Krippendorff (1995) digitised example A (as in DKPro Statistics tests): κ = .385', () => {
    // Bertha / Bill, 24 positions.
    const bertha = '001111111100001111110000'.split('').map(Number);
    const bill = '000011110000000110000000'.split('').map(Number);
    const r = cohenKappa({ coders: ['Bertha', 'Bill'], units: bertha.map((v, i) => [v, bill[i]!]) });
    if (!r.computable) throw new Error(r.reason);
    expect(r.value).toBeCloseTo(0.385, 3);
  });

  it('skips units with a missing value and says so; refuses one value throughout and three coders', () => {
    const r = cohenKappa({ coders: ['A', 'B'], units: [[1, 1], [2, 2], [1, null], [2, 1]] });
    if (!r.computable) throw new Error(r.reason);
    expect(r.unitsWithMissing).toBe(1);
    expect(r.n.pairableUnits).toBe(3);
    const same = cohenKappa({ coders: ['A', 'B'], units: [[1, 1], [1, 1]] });
    expect(same.computable).toBe(false);
    expect(cohenKappa({ coders: ['A', 'B', 'C'], units: [[1, 1, 1]] }).computable).toBe(false);
  });
});

describe("Fleiss' κ", () => {
  // Fleiss (1971, p. 379): 30 patients, 6 psychiatrists each, 5 diagnoses (as transcribed in
  // DKPro Statistics' Fleiss1971Test and R irr's `diagnoses` data). Published: P̄ = .5556,
  // P̄e = .2201, κ = .430.
  const table: Value[][] = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
  ];
  const d: ReliabilityData = { coders: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'], units: table };

  it('κ = .430', () => {
    const r = fleissKappa(d);
    if (!r.computable) throw new Error(r.reason);
    expect(r.observedAgreement).toBeCloseTo(0.5556, 4);
    // Fleiss summed squares of p_j printed to three decimals (.144, .144, .167, .306, .239).
    expect(r.expectedAgreement).toBeCloseTo(0.2201, 3);
    expect(r.value).toBeCloseTo(0.43, 3);
    expect(r.n).toEqual({ units: 30, pairableUnits: 30, pairableValues: 180, coders: 6 });
  });

  it('leaves out incomplete units and counts them', () => {
    const r = fleissKappa({ coders: d.coders, units: [...table, [1, 2, null, 1, 1, 1]] });
    if (!r.computable) throw new Error(r.reason);
    expect(r.value).toBeCloseTo(0.43, 3);
    expect(r.unitsWithMissing).toBe(1);
  });

  it('percent agreement per unit matches Fleiss’ P_i (first units: 1, .4, .4)', () => {
    const r = percentAgreement({ coders: d.coders, units: table.slice(0, 3) });
    if (!r.computable) throw new Error(r.reason);
    expect(r.value).toBeCloseTo((1 + 0.4 + 0.4) / 3, 12);
  });
});

describe('percent agreement', () => {
  it('two coders: share of units with the same value; missing values skip the unit', () => {
    const r = percentAgreement({ coders: ['A', 'B'], units: [['x', 'x'], ['x', 'y'], ['y', 'y'], ['y', null]] });
    if (!r.computable) throw new Error(r.reason);
    expect(r.value).toBeCloseTo(2 / 3, 12);
    expect(r.n.pairableUnits).toBe(3);
    expect(percentAgreement({ coders: ['A', 'B'], units: [['x', null]] }).computable).toBe(false);
  });
});
