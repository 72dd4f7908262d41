/**
 * Result types shared by every agreement measure. A figure is never a bare number: it carries
 * the counts it rests on, and where the data cannot support it the result says why instead of
 * returning NaN or a misleading 0 or 1.
 */

/** A coded value: a label (nominal, or ordinal with a given order) or a number. */
export type Value = string | number;

/** Reliability data in canonical form: one row per unit, one cell per coder, `null` = missing. */
export interface ReliabilityData {
  coders: readonly string[];
  units: ReadonlyArray<ReadonlyArray<Value | null>>;
  /**
   * How many identical units each row stands for (default 1 each): token data compress to a few
   * distinct rows per article, and every measure here depends only on how often each row occurs.
   */
  weights?: ArrayLike<number>;
}

/** Σ of the weights (the number of units the rows stand for). */
export function totalUnits(data: ReliabilityData): number {
  if (!data.weights) return data.units.length;
  let s = 0;
  for (let i = 0; i < data.units.length; i++) s += data.weights[i] as number;
  return s;
}

export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** The counts behind a figure. */
export interface AgreementN {
  /** Units offered (rows of the data, matched span groups, or the continuum's articles). */
  units: number;
  /** Units that entered the computation (for α: units with at least two values). */
  pairableUnits: number;
  /** Values that entered the computation (α's n: values in pairable units). */
  pairableValues: number;
  /** Coders who contributed at least one value. */
  coders: number;
}

export type NotComputable = { computable: false; reason: string; n: AgreementN };
export type Computed<Extra> = { computable: true; value: number; n: AgreementN } & Extra;
export type AgreementResult<Extra = object> = Computed<Extra> | NotComputable;

export function notComputable(reason: string, n: AgreementN): NotComputable {
  return { computable: false, reason, n };
}

/** How many coders have at least one non-missing value in `data`. */
export function activeCoders(data: ReliabilityData): number {
  const seen = new Array<boolean>(data.coders.length).fill(false);
  for (const row of data.units) {
    for (let i = 0; i < row.length; i++) if (row[i] !== null && row[i] !== undefined) seen[i] = true;
  }
  return seen.filter(Boolean).length;
}
