/**
 * Krippendorff's α for coded units, in the coincidence-matrix formulation of Krippendorff (2011),
 * "Computing Krippendorff's Alpha-Reliability" (Annenberg School for Communication, Departmental
 * Papers 43), which handles any number of coders, missing values and the four levels below.
 *
 *   o_ck = Σ_u  (number of c–k pairs of values in unit u) / (m_u − 1)    over units with m_u ≥ 2
 *   n_c  = Σ_k o_ck,   n = Σ_c n_c
 *   α    = 1 − D_o / D_e,   D_o = Σ_c Σ_k o_ck δ²_ck / n,   D_e = Σ_c Σ_k n_c n_k δ²_ck / (n (n − 1))
 *
 * α depends on the data only through the coincidence matrix, which is additive over units: the
 * bootstrap (bootstrap.ts) sums per-cluster matrices instead of recomputing from raw values.
 */
import { activeCoders, notComputable, totalUnits, type AgreementN, type AgreementResult, type Level, type ReliabilityData, type Value } from './types.ts';

export interface AlphaOptions {
  level?: Level;
  /** The order of ordinal labels, lowest first. Numbers are ordered numerically without it. */
  order?: readonly Value[];
}

export interface AlphaDetails {
  level: Level;
  observedDisagreement: number;
  expectedDisagreement: number;
  /** The distinct values, in the order used for the matrix (numeric or the given order). */
  values: Value[];
  /** Coincidence matrix, row-major values.length × values.length. */
  coincidences: Float64Array;
}

export type AlphaResult = AgreementResult<AlphaDetails>;

/** The values of the data mapped to matrix indices, or a message why the level cannot apply. */
export interface ValueIndex {
  values: Value[];
  index: Map<Value, number>;
}

export function indexValues(data: ReliabilityData, level: Level, order?: readonly Value[]): ValueIndex | string {
  const seen = new Set<Value>();
  for (const row of data.units) for (const v of row) if (v !== null && v !== undefined) seen.add(v);
  let values: Value[];
  if (order) {
    const ranks = new Map(order.map((v, i) => [v, i]));
    const outside = [...seen].filter((v) => !ranks.has(v));
    if (outside.length > 0) return `values outside the given order: ${outside.slice(0, 5).map(String).join(', ')}`;
    values = [...seen].sort((a, b) => (ranks.get(a) as number) - (ranks.get(b) as number));
  } else {
    const all = [...seen];
    const numeric = all.every((v) => typeof v === 'number');
    if (level !== 'nominal' && !numeric) return `${level} α needs numbers${level === 'ordinal' ? ' or an order for the labels' : ''}`;
    values = numeric ? (all as number[]).sort((a, b) => a - b) : all.sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  }
  if (level === 'interval' || level === 'ratio') {
    if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) return `${level} α needs finite numbers`;
    if (level === 'ratio' && values.some((v) => (v as number) < 0)) return 'ratio α needs non-negative numbers';
  }
  return { values, index: new Map(values.map((v, i) => [v, i])) };
}

/**
 * Adds unit `row`'s pairs to `o` (V × V). Returns the number of values it contributed
 * (0 for a unit with fewer than two values: it is unpairable and does not count).
 */
export function addUnitCoincidences(o: Float64Array, V: number, row: ReadonlyArray<Value | null>, vi: ValueIndex, scratch: number[], weight = 1): number {
  scratch.length = 0;
  for (const v of row) if (v !== null && v !== undefined) scratch.push(vi.index.get(v) as number);
  const m = scratch.length;
  if (m < 2) return 0;
  const w = weight / (m - 1);
  for (let i = 0; i < m; i++) {
    const a = scratch[i] as number;
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      const cell = a * V + (scratch[j] as number);
      o[cell] = (o[cell] as number) + w;
    }
  }
  return m;
}

/** The squared difference function δ²_ck of the level, given the marginals n_c (for ordinal). */
function deltaMatrix(level: Level, values: Value[], marginals: Float64Array): Float64Array {
  const V = values.length;
  const d = new Float64Array(V * V);
  // Cumulative marginals let ordinal δ² be O(1) per pair: Σ_{g=c..k} n_g = cum[k+1] − cum[c].
  const cum = new Float64Array(V + 1);
  for (let i = 0; i < V; i++) cum[i + 1] = (cum[i] as number) + (marginals[i] as number);
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      if (c === k) continue;
      let x: number;
      if (level === 'nominal') x = 1;
      else if (level === 'ordinal') {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const s = (cum[hi + 1] as number) - (cum[lo] as number) - ((marginals[lo] as number) + (marginals[hi] as number)) / 2;
        x = s * s;
      } else {
        const a = values[c] as number;
        const b = values[k] as number;
        if (level === 'interval') x = (a - b) * (a - b);
        else x = a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      }
      d[c * V + k] = x;
    }
  }
  return d;
}

/** α from a coincidence matrix; `undefined` values when D_e = 0 or n < 2. */
export function alphaFromCoincidences(o: Float64Array, values: Value[], level: Level): { alpha?: number; Do: number; De: number; n: number } {
  const V = values.length;
  const marg = new Float64Array(V);
  let n = 0;
  for (let c = 0; c < V; c++) {
    let s = 0;
    for (let k = 0; k < V; k++) s += o[c * V + k] as number;
    marg[c] = s;
    n += s;
  }
  if (n < 2) return { Do: 0, De: 0, n };
  const d = deltaMatrix(level, values, marg);
  let dO = 0;
  let dE = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      const delta = d[c * V + k] as number;
      if (delta === 0) continue;
      dO += (o[c * V + k] as number) * delta;
      dE += (marg[c] as number) * (marg[k] as number) * delta;
    }
  }
  const Do = dO / n;
  const De = dE / (n * (n - 1));
  // Tiny negative/positive noise can remain from 1/(m−1) weights; D_e is a sum of non-negative terms.
  if (!(De > 0)) return { Do, De, n };
  return { alpha: 1 - Do / De, Do, De, n };
}

/** Krippendorff's α of `data` at `level` (default nominal). */
export function krippendorffAlpha(data: ReliabilityData, options: AlphaOptions = {}): AlphaResult {
  const level = options.level ?? 'nominal';
  const vi = indexValues(data, level, options.order);
  const baseN: AgreementN = { units: totalUnits(data), pairableUnits: 0, pairableValues: 0, coders: activeCoders(data) };
  if (typeof vi === 'string') return notComputable(vi, baseN);
  const V = vi.values.length;
  const o = new Float64Array(V * V);
  const scratch: number[] = [];
  let pairableUnits = 0;
  let pairableValues = 0;
  data.units.forEach((row, u) => {
    const w = data.weights ? (data.weights[u] as number) : 1;
    const m = addUnitCoincidences(o, V, row, vi, scratch, w);
    if (m > 0) {
      pairableUnits += w;
      pairableValues += m * w;
    }
  });
  const n: AgreementN = { ...baseN, pairableUnits, pairableValues };
  if (baseN.coders < 2) return notComputable('α needs values from at least two coders', n);
  if (pairableUnits === 0) return notComputable('no unit was coded by two or more coders', n);
  const r = alphaFromCoincidences(o, vi.values, level);
  if (r.alpha === undefined) {
    return notComputable('all pairable values are the same: α is undefined when the expected disagreement is 0', n);
  }
  return { computable: true, value: r.alpha, n, level, observedDisagreement: r.Do, expectedDisagreement: r.De, values: vi.values, coincidences: o };
}
