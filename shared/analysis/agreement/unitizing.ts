/**
 * Krippendorff's unitizing α (uα) for span annotations on a continuum, as formulated by
 * Krippendorff (1995, "On the reliability of unitizing contiguous data", Sociological Methodology
 * 25; 2004, Content Analysis, 2nd ed., §12.4) and implemented in DKPro Agreement's
 * KrippendorffAlphaUnitizingAgreement (Meyer et al. 2014), whose published test values our tests
 * reproduce.
 *
 * For one value c, each coder's continuum [0, L) is cut into units (spans coded c) and gaps (the
 * rest). For two coders' segments g, h that overlap:
 *   both units:              δ² = (b_g − b_h)² + (e_g − e_h)²
 *   a unit inside a gap:     δ² = ℓ_unit²
 *   otherwise:               δ² = 0
 *   D_o(c) = 2 Σ_{coder pairs} Σ δ² / (m (m − 1) L²)
 *   D_e(c) = (2/L) Σ_{units u} [ (N_c − 1)(2ℓ³ − 3ℓ² + ℓ)/3 + ℓ² Σ_{gaps γ ≥ ℓ} (γ − ℓ + 1) ]
 *            / ( mL (mL − 1) − Σ_{units} ℓ(ℓ − 1) )
 *   uα(c) = 1 − D_o(c)/D_e(c);  over all values: uα = 1 − Σ_c D_o(c) / Σ_c D_e(c)
 * (sums over units and gaps run over all coders; N_c = number of units coded c).
 *
 * Positions are whatever the caller counts; Presswork passes code points (the export's unit).
 * One coder's overlapping spans of the same value are merged into their union first (the measure
 * assumes a coder's units of one value do not overlap); how many were merged is reported.
 */
import { notComputable, type AgreementN, type AgreementResult } from './types.ts';

export interface UnitizingSpan {
  coder: string;
  /** Half-open [start, end) on the continuum. */
  start: number;
  end: number;
  /** The category or tag; uα is computed per value and over all values. */
  value: string;
}

export interface UnitizingInput {
  /** Length of the continuum. */
  length: number;
  /** Every coder who coded the whole continuum (a coder with no span still counts: all gap). */
  coders: readonly string[];
  spans: readonly UnitizingSpan[];
}

export interface UnitizingDetails {
  observedDisagreement: number;
  expectedDisagreement: number;
}

export interface UnitizingResult {
  overall: AgreementResult<UnitizingDetails>;
  byValue: { value: string; result: AgreementResult<UnitizingDetails> }[];
  continuumLength: number;
  /** Spans per coder after merging, in `coders` order. */
  unitsPerCoder: number[];
  /** Same-coder, same-value spans that overlapped and were merged into one unit. */
  mergedOverlaps: number;
  /** Empty spans (start = end): they carry no length and are left out. */
  emptySpans: number;
}

/**
 * Spans as columns (typed arrays): the form the computation works on, so that a study's 300,000
 * spans are not copied into objects once per pass. `value` indexes `valueNames`.
 */
export interface SpanColumns {
  count: number;
  coder: Int32Array;
  start: Float64Array;
  end: Float64Array;
  value: Int32Array;
  valueNames: readonly string[];
}

/** δ² between two overlapping segments (exported for the DKPro distance tests). */
export function segmentDistance(aStart: number, aEnd: number, aUnit: boolean, bStart: number, bEnd: number, bUnit: boolean): number {
  if (aUnit && bUnit) {
    if (aStart < bEnd && bStart < aEnd) return (aStart - bStart) ** 2 + (aEnd - bEnd) ** 2;
    return 0;
  }
  if (aUnit && !bUnit && bStart <= aStart && aEnd <= bEnd) return (aEnd - aStart) ** 2;
  if (!aUnit && bUnit && aStart <= bStart && bEnd <= aEnd) return (bEnd - bStart) ** 2;
  return 0;
}

/**
 * Reused buffers: the screen computes uα for each of 1,000 articles, and allocating a dozen typed
 * arrays per article cost more than the arithmetic. Nothing returned refers to them.
 */
const scratch = { f64: [] as Float64Array[], i32: [] as Int32Array[], u8: [] as Uint8Array[] };
function buffer<T extends Float64Array | Int32Array | Uint8Array>(list: T[], slot: number, n: number, make: (n: number) => T): T {
  let b = list[slot];
  if (!b || b.length < n) list[slot] = b = make(Math.max(n, 2 * (b?.length ?? 0), 1024));
  return b;
}

/**
 * Σ δ² over the overlapping segment pairs of two coders (segments [a, aEnd) and [b, bEnd) of the
 * shared segment buffers): one sweep over both segmentations.
 */
function pairDisagreement(segS: Float64Array, segE: Float64Array, segU: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): number {
  let p = a;
  let q = b;
  let sum = 0;
  while (p < aEnd && q < bEnd) {
    const ae = segE[p] as number;
    const be = segE[q] as number;
    sum += segmentDistance(segS[p] as number, ae, segU[p] === 1, segS[q] as number, be, segU[q] === 1);
    if (ae <= be) p++;
    if (be <= ae) q++;
  }
  return sum;
}

function expectedDisagreement(unitLengths: Float64Array, gaps: Float64Array, m: number, L: number): number {
  const N = unitLengths.length;
  gaps.sort();
  const G = gaps.length;
  // suffix[i] = Σ gaps[i..]: the gaps at least ℓ long are a suffix of the sorted list.
  const suffix = new Float64Array(G + 1);
  for (let i = G - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as number) + (gaps[i] as number);
  let total = 0;
  let squared = 0;
  for (let u = 0; u < N; u++) {
    const l = unitLengths[u] as number;
    let lo = 0;
    let hi = G;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((gaps[mid] as number) < l) lo = mid + 1;
      else hi = mid;
    }
    const k = G - lo;
    total += ((N - 1) * (2 * l * l * l - 3 * l * l + l)) / 3 + l * l * ((suffix[lo] as number) - k * (l - 1));
    squared += l * (l - 1);
  }
  return ((2 / L) * total) / (m * L * (m * L - 1) - squared);
}

/** uα per value and over all values, for coders who all coded the whole continuum. */
export function unitizingAlpha(input: UnitizingInput): UnitizingResult {
  const coderIndex = new Map(input.coders.map((c, i) => [c, i]));
  const valueIndex = new Map<string, number>();
  const n = input.spans.length;
  const cols: SpanColumns = { count: n, coder: new Int32Array(n), start: new Float64Array(n), end: new Float64Array(n), value: new Int32Array(n), valueNames: [] };
  const names: string[] = [];
  input.spans.forEach((sp, i) => {
    const ci = coderIndex.get(sp.coder);
    if (ci === undefined) throw new RangeError(`span by "${sp.coder}", who is not one of the coders`);
    let v = valueIndex.get(sp.value);
    if (v === undefined) {
      valueIndex.set(sp.value, (v = names.length));
      names.push(sp.value);
    }
    cols.coder[i] = ci;
    cols.start[i] = sp.start;
    cols.end[i] = sp.end;
    cols.value[i] = v;
  });
  return unitizingAlphaColumns(input.length, input.coders.length, { ...cols, valueNames: names });
}

/**
 * uα on spans given as columns (coder = index among m coders, positions on [0, L)). Each value's
 * spans are bucketed per coder by a counting sort and ordered by one numeric sort of
 * start·(L + 1) + end, exact while (L + 1)² < 2⁵³; the sums are taken in the same order as
 * span by span, so the figures are the same to the last bit.
 */
export function unitizingAlphaColumns(L: number, m: number, cols: SpanColumns): UnitizingResult {
  const V = cols.valueNames.length;
  let emptySpans = 0;
  // Bucket (value, coder) of every non-empty span.
  const bucketStart = buffer(scratch.i32, 0, V * m + 1, (n) => new Int32Array(n)).fill(0, 0, V * m + 1);
  for (let i = 0; i < cols.count; i++) {
    const s = cols.start[i] as number;
    const e = cols.end[i] as number;
    if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= L && s <= e)) {
      throw new RangeError(`span [${s}, ${e}) is not inside the continuum [0, ${L})`);
    }
    if (s === e) emptySpans++;
    else {
      const k = (cols.value[i] as number) * m + (cols.coder[i] as number) + 1;
      bucketStart[k] = (bucketStart[k] as number) + 1;
    }
  }
  for (let k = 1; k <= V * m; k++) bucketStart[k] = (bucketStart[k] as number) + (bucketStart[k - 1] as number);
  const fill = buffer(scratch.i32, 1, V * m, (n) => new Int32Array(n));
  fill.set(bucketStart.subarray(0, V * m));
  const stride = L + 1;
  const exactKeys = stride * stride < Number.MAX_SAFE_INTEGER;
  const nonEmpty = bucketStart[V * m] as number;
  const keys = buffer(scratch.f64, 0, nonEmpty, (n) => new Float64Array(n));
  const order = exactKeys ? null : new Int32Array(nonEmpty);
  for (let i = 0; i < cols.count; i++) {
    const s = cols.start[i] as number;
    const e = cols.end[i] as number;
    if (s === e) continue;
    const bucket = (cols.value[i] as number) * m + (cols.coder[i] as number);
    const at = fill[bucket] as number;
    fill[bucket] = at + 1;
    if (order) order[at] = i;
    else keys[at] = s * stride + e;
  }
  let mergedOverlaps = 0;
  const unitsPerCoder = new Array<number>(m).fill(0);
  const present: number[] = [];
  for (let v = 0; v < V; v++) if ((bucketStart[(v + 1) * m] as number) > (bucketStart[v * m] as number)) present.push(v);
  const sortedValues = present.map((v) => [cols.valueNames[v] as string, v] as const).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  // Each value's segments, all coders one after the other: coder ci's are [segFrom[ci], segFrom[ci + 1]).
  const perValue: { value: string; Do: number; De: number; units: number }[] = [];
  const segFrom = new Int32Array(m + 1);
  for (const [value, v] of sortedValues) {
    const total = (bucketStart[(v + 1) * m] as number) - (bucketStart[v * m] as number);
    const units = buffer(scratch.f64, 1, total, (n) => new Float64Array(n));
    const gaps = buffer(scratch.f64, 2, total + m, (n) => new Float64Array(n));
    const size = 2 * total + m;
    const segS = buffer(scratch.f64, 3, size, (n) => new Float64Array(n));
    const segE = buffer(scratch.f64, 4, size, (n) => new Float64Array(n));
    const segU = buffer(scratch.u8, 0, size, (n) => new Uint8Array(n));
    let nu = 0;
    let ng = 0;
    let len = 0;
    for (let ci = 0; ci < m; ci++) {
      segFrom[ci] = len;
      const from = bucketStart[v * m + ci] as number;
      const to = bucketStart[v * m + ci + 1] as number;
      if (order) order.subarray(from, to).sort((x, y) => (cols.start[x] as number) - (cols.start[y] as number) || (cols.end[x] as number) - (cols.end[y] as number));
      else keys.subarray(from, to).sort();
      // Merge the coder's overlapping spans, then lay units and gaps along [0, L).
      let pos = 0;
      let curS = -1;
      let curE = -1;
      let merged = 0;
      for (let k = from; k <= to; k++) {
        let s = -1;
        let e = -1;
        if (k < to) {
          if (order) {
            s = cols.start[order[k] as number] as number;
            e = cols.end[order[k] as number] as number;
          } else {
            const key = keys[k] as number;
            s = Math.floor(key / stride);
            e = key - s * stride;
          }
          if (curS >= 0 && s < curE) {
            if (e > curE) curE = e;
            mergedOverlaps++;
            continue;
          }
        }
        if (curS >= 0) {
          if (curS > pos) {
            segS[len] = pos;
            segE[len] = curS;
            segU[len] = 0;
            len++;
            gaps[ng++] = curS - pos;
          }
          segS[len] = curS;
          segE[len] = curE;
          segU[len] = 1;
          len++;
          units[nu++] = curE - curS;
          pos = curE;
          merged++;
        }
        curS = s;
        curE = e;
      }
      if (pos < L) {
        segS[len] = pos;
        segE[len] = L;
        segU[len] = 0;
        len++;
        gaps[ng++] = L - pos;
      }
      unitsPerCoder[ci] = (unitsPerCoder[ci] as number) + merged;
    }
    segFrom[m] = len;
    let pairSum = 0;
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) pairSum += pairDisagreement(segS, segE, segU, segFrom[i] as number, segFrom[i + 1] as number, segFrom[j] as number, segFrom[j + 1] as number);
    const Do = (2 * pairSum) / (m * (m - 1) * L * L);
    const De = expectedDisagreement(units.subarray(0, nu), gaps.subarray(0, ng), m, L);
    perValue.push({ value, Do, De, units: nu });
  }
  const totalUnits = unitsPerCoder.reduce((a, b) => a + b, 0);
  const n: AgreementN = { units: totalUnits, pairableUnits: totalUnits, pairableValues: m * L, coders: m };
  const base = { continuumLength: L, unitsPerCoder, mergedOverlaps, emptySpans };
  const refuse = (reason: string): UnitizingResult => ({ ...base, overall: notComputable(reason, n), byValue: [] });
  if (m < 2) return refuse('uα needs at least two coders of the same texts');
  if (L <= 0) return refuse('the continuum is empty');
  if (totalUnits === 0) return refuse('no coder marked any span: there is nothing to agree on');

  let sumDo = 0;
  let sumDe = 0;
  const results: UnitizingResult['byValue'] = [];
  for (const { value, Do, De, units } of perValue) {
    sumDo += Do;
    sumDe += De;
    const vn: AgreementN = { ...n, units, pairableUnits: units };
    results.push({
      value,
      result: De > 0 ? { computable: true, value: 1 - Do / De, n: vn, observedDisagreement: Do, expectedDisagreement: De } : notComputable(`no expected disagreement for "${value}"`, vn),
    });
  }
  const overall: AgreementResult<UnitizingDetails> =
    sumDe > 0 ? { computable: true, value: 1 - sumDo / sumDe, n, observedDisagreement: sumDo, expectedDisagreement: sumDe } : notComputable('no expected disagreement', n);
  return { ...base, overall, byValue: results };
}

export interface StudyArticleExtent {
  id: string;
  /** Length in the unit of the spans (code points in Presswork). */
  length: number;
  /** Coders who opened (coded) this article; a coder who did not is missing, not "no spans". */
  openedBy: readonly string[];
}

export interface StudySpan extends UnitizingSpan {
  articleId: string;
}

export interface PooledUnitizingResult {
  /** uα over one continuum made of the articles every coder opened, laid end to end. */
  pooled: UnitizingResult & { articlesIncluded: number; articlesExcluded: string[] };
  /** uα per article, among the coders who opened it (absent when fewer than two did). */
  perArticle: Map<string, UnitizingResult>;
}

/**
 * uα for a study: pooled over all articles as one continuum (articles concatenated with their
 * lengths, so long and short texts weigh by their length rather than equally, as a mean of
 * per-article scores would), and per article.
 */
export function unitizingAlphaStudy(articles: readonly StudyArticleExtent[], coders: readonly string[], spans: readonly StudySpan[], options: { perArticle?: boolean } = {}): PooledUnitizingResult {
  const articleIndex = new Map<string, number>();
  articles.forEach((a, i) => {
    if (!articleIndex.has(a.id)) articleIndex.set(a.id, i);
  });
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  const valueIndex = new Map<string, number>();
  const valueNames: string[] = [];
  const n = spans.length;
  const cols: StudySpanColumns = { count: n, article: new Int32Array(n), coder: new Int32Array(n), start: new Float64Array(n), end: new Float64Array(n), value: new Int32Array(n), valueNames };
  spans.forEach((sp, i) => {
    let v = valueIndex.get(sp.value);
    if (v === undefined) {
      valueIndex.set(sp.value, (v = valueNames.length));
      valueNames.push(sp.value);
    }
    cols.article[i] = articleIndex.get(sp.articleId) ?? -1;
    // A coder outside `coders` is -1: left out where they did not open the article, refused where they did.
    cols.coder[i] = coderIndex.get(sp.coder) ?? -1;
    cols.start[i] = sp.start;
    cols.end[i] = sp.end;
    cols.value[i] = v;
  });
  const outsider = (i: number) => (spans[i] as StudySpan).coder;
  return unitizingAlphaStudyColumns(articles, coders, cols, { ...options, outsider });
}

/** A study's spans as columns: `article` indexes the articles (−1: none of them), `coder` the coders. */
export interface StudySpanColumns extends SpanColumns {
  article: Int32Array;
}

/**
 * `unitizingAlphaStudy` on spans given as columns: the agreement screen builds them once and
 * computes uα per category and per tag from the same positions.
 */
export function unitizingAlphaStudyColumns(
  articles: readonly StudyArticleExtent[],
  coders: readonly string[],
  cols: StudySpanColumns,
  options: { perArticle?: boolean; outsider?: (span: number) => string } = {},
): PooledUnitizingResult {
  const wantPerArticle = options.perArticle ?? true;
  const A = articles.length;
  // Spans per article in input order (counting sort).
  const first = new Int32Array(A + 1);
  for (let i = 0; i < cols.count; i++) {
    const a = cols.article[i] as number;
    if (a >= 0) first[a + 1] = (first[a + 1] as number) + 1;
  }
  for (let a = 1; a <= A; a++) first[a] = (first[a] as number) + (first[a - 1] as number);
  const byArticle = new Int32Array(first[A] as number);
  const at = first.slice(0, A);
  for (let i = 0; i < cols.count; i++) {
    const a = cols.article[i] as number;
    if (a < 0) continue;
    byArticle[at[a] as number] = i;
    at[a] = (at[a] as number) + 1;
  }
  const m = coders.length;
  const perArticle = new Map<string, UnitizingResult>();
  const pooled: SpanColumns = { count: 0, coder: new Int32Array(cols.count), start: new Float64Array(cols.count), end: new Float64Array(cols.count), value: new Int32Array(cols.count), valueNames: cols.valueNames };
  const excluded: string[] = [];
  const local = new Int32Array(m);
  // One article's spans, in its coders' numbering (reused from article to article).
  let most = 0;
  for (let a = 0; a < A; a++) most = Math.max(most, (first[a + 1] as number) - (first[a] as number));
  const mine: SpanColumns = { count: 0, coder: new Int32Array(most), start: new Float64Array(most), end: new Float64Array(most), value: new Int32Array(most), valueNames: cols.valueNames };
  let offset = 0;
  let included = 0;
  articles.forEach((a, ai) => {
    const opened = new Set(a.openedBy);
    let articleCoders = 0;
    coders.forEach((c, ci) => (local[ci] = opened.has(c) ? articleCoders++ : -1));
    const from = first[ai] as number;
    const to = first[ai + 1] as number;
    const own: number[] = [];
    for (let k = from; k < to; k++) {
      const i = byArticle[k] as number;
      const ci = cols.coder[i] as number;
      if (ci >= 0 ? local[ci] === -1 : !opened.has(options.outsider?.(i) ?? '')) continue;
      if (ci < 0) throw new RangeError(`span by "${options.outsider?.(i) ?? ''}", who is not one of the coders`);
      own.push(i);
    }
    if (wantPerArticle && articleCoders >= 2) {
      mine.count = own.length;
      own.forEach((i, k) => {
        mine.coder[k] = local[cols.coder[i] as number] as number;
        mine.start[k] = cols.start[i] as number;
        mine.end[k] = cols.end[i] as number;
        mine.value[k] = cols.value[i] as number;
      });
      perArticle.set(a.id, unitizingAlphaColumns(a.length, articleCoders, mine));
    }
    if (articleCoders !== m) {
      excluded.push(a.id);
      return;
    }
    included++;
    for (const i of own) {
      const k = pooled.count++;
      pooled.coder[k] = cols.coder[i] as number;
      pooled.start[k] = (cols.start[i] as number) + offset;
      pooled.end[k] = (cols.end[i] as number) + offset;
      pooled.value[k] = cols.value[i] as number;
    }
    offset += a.length;
  });
  const result = unitizingAlphaColumns(offset, m, pooled);
  if (included === 0 && result.overall.computable === false) {
    result.overall = notComputable('no article was opened by every chosen coder', result.overall.n);
  }
  return { pooled: { ...result, articlesIncluded: included, articlesExcluded: excluded }, perArticle };
}
