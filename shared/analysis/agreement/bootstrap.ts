/**
 * Bootstrap confidence interval for Krippendorff's α (nonparametric percentile bootstrap; Efron &
 * Tibshirani 1993, ch. 13).
 *
 * Scheme: the pairable units (units with at least two values) are resampled with replacement,
 * as many as were observed, and α is recomputed on each resample; the interval is the
 * (1 − c)/2 and (1 + c)/2 quantiles of the replicates (linear interpolation between order
 * statistics). With `clusters`, whole clusters are resampled instead of units — for tokens,
 * the article each token belongs to, since tokens of one article are not independent.
 * Replicates whose α is undefined (a resample holding one value only) are skipped and counted.
 *
 * The generator is xoroshiro128+ (pure-rand) seeded with `seed`: the same data, seed and
 * options always give the same interval. Because α depends on the data only through the
 * coincidence matrix, which is a sum over units, each replicate just adds up precomputed
 * per-cluster matrices.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { addUnitCoincidences, alphaFromCoincidences, indexValues, type AlphaOptions } from './alpha.ts';
import type { ReliabilityData } from './types.ts';

export interface BootstrapOptions extends AlphaOptions {
  /** Integer seed; record it with the result to reproduce the interval. */
  seed: number;
  /** Number of resamples (default 1,000). */
  replicates?: number;
  /** Coverage of the interval (default 0.95). */
  confidence?: number;
  /** Per unit (row), the cluster it belongs to; whole clusters are resampled. */
  clusters?: ArrayLike<number>;
}

export type BootstrapResult =
  | {
      computable: true;
      lower: number;
      upper: number;
      confidence: number;
      seed: number;
      /** Replicates that gave an α (the others are in `skipped`). */
      replicates: number;
      skipped: number;
      scheme: 'units' | 'clusters';
      /** How many units or clusters each resample draws. */
      resampled: number;
    }
  | { computable: false; reason: string };

function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

let lastDraws: { key: string; draws: Int32Array } | null = null;
const MAX_KEPT_DRAWS = 4_000_000;

/**
 * The resampled cluster indices of B replicates of C clusters from a seed, in order. They depend
 * only on (seed, B, C), and the agreement screen computes a dozen intervals over the same articles
 * with the same seed: the last set is kept and reused (the same numbers the generator would give).
 */
function drawsFor(seed: number, B: number, C: number): Int32Array | null {
  // Kept only while small (16 MB at most); resampling 100,000 single units draws as it goes.
  if (B * C > MAX_KEPT_DRAWS) return null;
  const key = `${seed}:${B}:${C}`;
  if (lastDraws?.key === key) return lastDraws.draws;
  const rng = xoroshiro128plus(seed);
  const draws = new Int32Array(B * C);
  for (let i = 0; i < draws.length; i++) draws[i] = uniformInt(rng, 0, C - 1);
  lastDraws = { key, draws };
  return draws;
}

export function bootstrapAlpha(data: ReliabilityData, options: BootstrapOptions): BootstrapResult {
  const level = options.level ?? 'nominal';
  const B = options.replicates ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isSafeInteger(options.seed)) return { computable: false, reason: 'the seed must be an integer' };
  if (!(Number.isInteger(B) && B >= 1)) return { computable: false, reason: 'the number of replicates must be a positive integer' };
  if (!(confidence > 0 && confidence < 1)) return { computable: false, reason: 'the confidence must lie between 0 and 1' };
  const vi = indexValues(data, level, options.order);
  if (typeof vi === 'string') return { computable: false, reason: vi };
  const V = vi.values.length;

  // Per cluster: its coincidence matrix as sparse (cell, weight) lists.
  const clusterOf = options.clusters;
  const cellsByCluster = new Map<number, Map<number, number>>();
  const unitMatrix = new Float64Array(V * V);
  const touched: number[] = [];
  const scratch: number[] = [];
  if (data.weights && !clusterOf) return { computable: false, reason: 'weighted (compressed) units can only be resampled by cluster' };
  data.units.forEach((row, u) => {
    if (addUnitCoincidences(unitMatrix, V, row, vi, scratch, data.weights ? (data.weights[u] as number) : 1) === 0) return;
    const key = clusterOf ? (clusterOf[u] as number) : u;
    let cells = cellsByCluster.get(key);
    if (!cells) cellsByCluster.set(key, (cells = new Map()));
    // Only the cells this unit's values can touch are non-zero; collect and reset them.
    touched.length = 0;
    for (const a of scratch) for (const b of scratch) touched.push(a * V + b);
    for (const cell of touched) {
      const w = unitMatrix[cell] as number;
      if (w !== 0) {
        cells.set(cell, (cells.get(cell) ?? 0) + w);
        unitMatrix[cell] = 0;
      }
    }
  });
  const C = cellsByCluster.size;
  if (C === 0) return { computable: false, reason: 'no unit was coded by two or more coders' };
  const clusterCells: Int32Array[] = [];
  const clusterWeights: Float64Array[] = [];
  for (const cells of cellsByCluster.values()) {
    clusterCells.push(Int32Array.from(cells.keys()));
    clusterWeights.push(Float64Array.from(cells.values()));
  }

  const full = new Float64Array(V * V);
  clusterCells.forEach((cells, k) => cells.forEach((cell, i) => (full[cell] = (full[cell] as number) + ((clusterWeights[k] as Float64Array)[i] as number))));
  if (alphaFromCoincidences(full, vi.values, level).alpha === undefined) {
    return { computable: false, reason: 'α itself is undefined for these data (one value only)' };
  }

  const draws = drawsFor(options.seed, B, C);
  const rng = draws ? null : xoroshiro128plus(options.seed);
  const o = new Float64Array(V * V);
  const alphas: number[] = [];
  let skipped = 0;
  for (let r = 0; r < B; r++) {
    o.fill(0);
    for (let d = 0; d < C; d++) {
      const k = draws ? (draws[r * C + d] as number) : uniformInt(rng as ReturnType<typeof xoroshiro128plus>, 0, C - 1);
      const cells = clusterCells[k] as Int32Array;
      const weights = clusterWeights[k] as Float64Array;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i] as number;
        o[cell] = (o[cell] as number) + (weights[i] as number);
      }
    }
    const a = alphaFromCoincidences(o, vi.values, level).alpha;
    if (a === undefined) skipped++;
    else alphas.push(a);
  }
  if (alphas.length === 0) return { computable: false, reason: 'no resample had two different values' };
  const sorted = Float64Array.from(alphas).sort();
  return {
    computable: true,
    lower: quantile(sorted, (1 - confidence) / 2),
    upper: quantile(sorted, (1 + confidence) / 2),
    confidence,
    seed: options.seed,
    replicates: alphas.length,
    skipped,
    scheme: clusterOf ? 'clusters' : 'units',
    resampled: C,
  };
}
