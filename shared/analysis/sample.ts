/**
 * Reproducible samples of articles (issue #12): simple random, or stratified by outlet and/or
 * month with proportional or equal allocation. The generator is xoroshiro128+ (pure-rand) seeded
 * with the recorded seed, and the population is put in a canonical order (by id) first, so the
 * same definition over the same articles draws the same sample whatever order they were read in.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export type StratumField = 'outlet' | 'month';
export type Allocation = 'proportional' | 'equal';

export interface SampleDefinition {
  method: 'simple' | 'stratified';
  /** How many articles to draw (the whole population when it is smaller). */
  size: number;
  /** A 32-bit unsigned integer. */
  seed: number;
  /** For `stratified`: the fields whose values form the strata. */
  strata?: StratumField[];
  allocation?: Allocation;
}

/** What the sampler needs to know about an article. */
export interface SampleUnit {
  id: string;
  outlet?: string | undefined;
  /** ISO date or date-time. */
  publishedAt?: string | undefined;
}

export interface StratumResult {
  key: string;
  population: number;
  drawn: number;
}

export interface SampleResult {
  /** The drawn article ids, in canonical (id) order. */
  ids: string[];
  strata: StratumResult[];
}

export const MAX_SEED = 0xffffffff;

export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/** A fresh seed for a new sample (recorded with it, so it can be drawn again). */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * (MAX_SEED + 1));
}

export const NO_VALUE = '(none)';

export function stratumKey(unit: SampleUnit, fields: readonly StratumField[]): string {
  return fields.map((f) => (f === 'outlet' ? unit.outlet || NO_VALUE : unit.publishedAt?.slice(0, 7) || NO_VALUE)).join(' · ');
}

export function drawSample(population: readonly SampleUnit[], def: SampleDefinition): SampleResult {
  if (!isValidSeed(def.seed)) throw new Error(`The seed must be a whole number from 0 to ${MAX_SEED}.`);
  if (!Number.isInteger(def.size) || def.size < 0) throw new Error('The sample size must be a whole number, 0 or more.');
  const units = [...population].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rng = xoroshiro128plus(def.seed);
  const fields = def.method === 'stratified' ? (def.strata ?? []) : [];
  const groups = new Map<string, SampleUnit[]>();
  for (const u of units) {
    const key = fields.length > 0 ? stratumKey(u, fields) : '';
    const list = groups.get(key);
    if (list) list.push(u);
    else groups.set(key, [u]);
  }
  const keys = [...groups.keys()].sort();
  const sizes = keys.map((k) => (groups.get(k) as SampleUnit[]).length);
  const quotas = fields.length === 0 ? [Math.min(def.size, units.length)] : def.allocation === 'equal' ? equalQuotas(sizes, def.size) : proportionalQuotas(sizes, def.size);
  const ids: string[] = [];
  const strata: StratumResult[] = [];
  keys.forEach((key, i) => {
    const members = groups.get(key) as SampleUnit[];
    const quota = quotas[i] ?? 0;
    for (const u of choose(members, quota, rng)) ids.push(u.id);
    strata.push({ key, population: members.length, drawn: quota });
  });
  ids.sort();
  return { ids, strata };
}

/** `k` members chosen uniformly without replacement (a partial Fisher–Yates shuffle of a copy). */
function choose<T>(members: readonly T[], k: number, rng: ReturnType<typeof xoroshiro128plus>): T[] {
  const pool = [...members];
  const n = Math.min(k, pool.length);
  for (let i = 0; i < n; i++) {
    const j = uniformInt(rng, i, pool.length - 1);
    const t = pool[i] as T;
    pool[i] = pool[j] as T;
    pool[j] = t;
  }
  return pool.slice(0, n);
}

/**
 * Proportional allocation by largest remainders (Hamilton): each stratum gets its share of
 * `size` rounded down, and the units left go to the largest fractions (ties to the earlier stratum).
 */
export function proportionalQuotas(sizes: readonly number[], size: number): number[] {
  const total = sizes.reduce((s, n) => s + n, 0);
  if (size >= total) return [...sizes];
  const exact = sizes.map((n) => (n * size) / total);
  const quotas = exact.map(Math.floor);
  let left = size - quotas.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    quotas[i] = (quotas[i] ?? 0) + 1;
    left--;
  }
  return quotas;
}

/**
 * Equal allocation: the same number from every stratum; a stratum smaller than its share gives
 * all it has and the rest is shared among the others; a remainder goes to the earlier strata.
 */
export function equalQuotas(sizes: readonly number[], size: number): number[] {
  const quotas = sizes.map(() => 0);
  let left = Math.min(size, sizes.reduce((s, n) => s + n, 0));
  while (left > 0) {
    const open = sizes.map((n, i) => i).filter((i) => (quotas[i] ?? 0) < (sizes[i] ?? 0));
    const share = Math.floor(left / open.length);
    if (share === 0) {
      for (const i of open.slice(0, left)) quotas[i] = (quotas[i] ?? 0) + 1;
      break;
    }
    for (const i of open) {
      const add = Math.min(share, (sizes[i] ?? 0) - (quotas[i] ?? 0));
      quotas[i] = (quotas[i] ?? 0) + add;
      left -= add;
    }
  }
  return quotas;
}

/** A one-line description for lists and exports: "stratified by outlet and month, equal, 20 articles, seed 42". */
export function describeSample(def: SampleDefinition): string {
  const how = def.method === 'simple' ? 'simple random' : `stratified by ${(def.strata ?? []).join(' and ')}, ${def.allocation ?? 'proportional'}`;
  return `${how}, ${def.size} article${def.size === 1 ? '' : 's'}, seed ${def.seed}`;
}

/** A drawn sample as the project keeps it: the definition and seed to draw it again, and what was drawn. */
export interface SampleSet {
  id: string;
  projectId: string;
  name: string;
  definition: SampleDefinition;
  /** The library filter the sample was drawn from, in words (as its chips read), and how many articles it held. */
  population: { filter: string; size: number };
  articleIds: string[];
  strata: StratumResult[];
  createdAt: string;
}
