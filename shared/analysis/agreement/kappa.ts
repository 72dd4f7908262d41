/**
 * Cohen's κ (two coders; Cohen 1960), Fleiss' κ (any fixed number of coders per unit, complete
 * data; Fleiss 1971) and percent agreement, over the same ReliabilityData as α so the figures
 * sit side by side.
 */
import { activeCoders, notComputable, totalUnits, type AgreementN, type AgreementResult, type ReliabilityData, type Value } from './types.ts';

export interface KappaDetails {
  observedAgreement: number;
  expectedAgreement: number;
}

/** Units a κ leaves out because a value is missing are counted in `unitsWithMissing`. */
export type KappaResult = AgreementResult<KappaDetails & { unitsWithMissing: number }>;

function n(data: ReliabilityData, pairableUnits: number, pairableValues: number): AgreementN {
  return { units: totalUnits(data), pairableUnits, pairableValues, coders: activeCoders(data) };
}

/** Cohen's κ = (p_o − p_e) / (1 − p_e), p_e from each coder's own marginals. */
export function cohenKappa(data: ReliabilityData): KappaResult {
  if (data.coders.length !== 2) return notComputable(`Cohen's κ is for exactly two coders (here ${data.coders.length}); use Fleiss' κ or α`, n(data, 0, 0));
  const first = new Map<Value, number>();
  const second = new Map<Value, number>();
  let units = 0;
  let agree = 0;
  data.units.forEach(([a, b], u) => {
    if (a === null || a === undefined || b === null || b === undefined) return;
    const w = data.weights ? (data.weights[u] as number) : 1;
    units += w;
    if (a === b) agree += w;
    first.set(a, (first.get(a) ?? 0) + w);
    second.set(b, (second.get(b) ?? 0) + w);
  });
  const counts = n(data, units, units * 2);
  const unitsWithMissing = totalUnits(data) - units;
  if (units === 0) return notComputable('no unit was coded by both coders', counts);
  let pe = 0;
  for (const [v, c] of first) pe += (c / units) * ((second.get(v) ?? 0) / units);
  const po = agree / units;
  if (pe >= 1) return notComputable('both coders used one and the same value throughout: κ is undefined when chance agreement is 1', counts);
  return { computable: true, value: (po - pe) / (1 - pe), n: counts, observedAgreement: po, expectedAgreement: pe, unitsWithMissing };
}

/**
 * Fleiss' κ over the units every coder coded (the measure assumes complete data; units with a
 * missing value are left out and counted).
 */
export function fleissKappa(data: ReliabilityData): KappaResult {
  const m = data.coders.length;
  if (m < 2) return notComputable("Fleiss' κ needs at least two coders", n(data, 0, 0));
  const totals = new Map<Value, number>();
  let units = 0;
  let sumP = 0;
  data.units.forEach((row, u) => {
    if (row.some((v) => v === null || v === undefined)) return;
    const w = data.weights ? (data.weights[u] as number) : 1;
    units += w;
    const counts = new Map<Value, number>();
    for (const v of row as Value[]) counts.set(v, (counts.get(v) ?? 0) + 1);
    let sq = 0;
    for (const [v, c] of counts) {
      sq += c * c;
      totals.set(v, (totals.get(v) ?? 0) + c * w);
    }
    sumP += (w * (sq - m)) / (m * (m - 1));
  });
  const counts = n(data, units, units * m);
  const unitsWithMissing = totalUnits(data) - units;
  if (units === 0) return notComputable("no unit was coded by every coder (Fleiss' κ needs complete data)", counts);
  const po = sumP / units;
  let pe = 0;
  for (const c of totals.values()) pe += (c / (units * m)) ** 2;
  if (pe >= 1) return notComputable('every value is the same: κ is undefined when chance agreement is 1', counts);
  return { computable: true, value: (po - pe) / (1 - pe), n: counts, observedAgreement: po, expectedAgreement: pe, unitsWithMissing };
}

/**
 * Percent agreement: over units with at least two values, the mean share of agreeing pairs of
 * coders (for two coders: the share of units where both gave the same value). Not chance-corrected.
 */
export function percentAgreement(data: ReliabilityData): AgreementResult {
  let units = 0;
  let values = 0;
  let sum = 0;
  data.units.forEach((row, u) => {
    const vs = row.filter((v): v is Value => v !== null && v !== undefined);
    const m = vs.length;
    if (m < 2) return;
    const w = data.weights ? (data.weights[u] as number) : 1;
    units += w;
    values += m * w;
    const counts = new Map<Value, number>();
    for (const v of vs) counts.set(v, (counts.get(v) ?? 0) + 1);
    let agreeingPairs = 0;
    for (const c of counts.values()) agreeingPairs += (c * (c - 1)) / 2;
    sum += (w * agreeingPairs) / ((m * (m - 1)) / 2);
  });
  const counts = n(data, units, values);
  if (units === 0) return notComputable('no unit was coded by two or more coders', counts);
  return { computable: true, value: sum / units, n: counts };
}
