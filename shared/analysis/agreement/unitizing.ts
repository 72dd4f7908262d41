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

interface Segmentation {
  s: number[];
  e: number[];
  unit: boolean[];
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

function segment(units: [number, number][], L: number): Segmentation {
  const seg: Segmentation = { s: [], e: [], unit: [] };
  let pos = 0;
  for (const [s, e] of units) {
    if (s > pos) {
      seg.s.push(pos);
      seg.e.push(s);
      seg.unit.push(false);
    }
    seg.s.push(s);
    seg.e.push(e);
    seg.unit.push(true);
    pos = e;
  }
  if (pos < L) {
    seg.s.push(pos);
    seg.e.push(L);
    seg.unit.push(false);
  }
  return seg;
}

/** Σ δ² over the overlapping segment pairs of two coders: one sweep over both segmentations. */
function pairDisagreement(a: Segmentation, b: Segmentation): number {
  let p = 0;
  let q = 0;
  let sum = 0;
  while (p < a.s.length && q < b.s.length) {
    const ae = a.e[p] as number;
    const be = b.e[q] as number;
    sum += segmentDistance(a.s[p] as number, ae, a.unit[p] as boolean, b.s[q] as number, be, b.unit[q] as boolean);
    if (ae <= be) p++;
    if (be <= ae) q++;
  }
  return sum;
}

function expectedDisagreement(unitLengths: number[], gapLengths: number[], m: number, L: number): number {
  const N = unitLengths.length;
  const gaps = Float64Array.from(gapLengths).sort();
  const G = gaps.length;
  // suffix[i] = Σ gaps[i..]: the gaps at least ℓ long are a suffix of the sorted list.
  const suffix = new Float64Array(G + 1);
  for (let i = G - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as number) + (gaps[i] as number);
  let total = 0;
  let squared = 0;
  for (const l of unitLengths) {
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
  const { length: L, coders } = input;
  const m = coders.length;
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  // value → coder → spans
  const byValue = new Map<string, [number, number][][]>();
  let emptySpans = 0;
  for (const sp of input.spans) {
    const ci = coderIndex.get(sp.coder);
    if (ci === undefined) throw new RangeError(`span by "${sp.coder}", who is not one of the coders`);
    if (!(Number.isInteger(sp.start) && Number.isInteger(sp.end) && sp.start >= 0 && sp.end <= L && sp.start <= sp.end)) {
      throw new RangeError(`span [${sp.start}, ${sp.end}) is not inside the continuum [0, ${L})`);
    }
    if (sp.start === sp.end) {
      emptySpans++;
      continue;
    }
    let perCoder = byValue.get(sp.value);
    if (!perCoder) byValue.set(sp.value, (perCoder = coders.map(() => [])));
    (perCoder[ci] as [number, number][]).push([sp.start, sp.end]);
  }
  let mergedOverlaps = 0;
  const unitsPerCoder = coders.map(() => 0);
  const perValue: { value: string; segs: Segmentation[]; units: number[]; gaps: number[] }[] = [];
  for (const value of [...byValue.keys()].sort()) {
    const perCoder = byValue.get(value) as [number, number][][];
    const segs: Segmentation[] = [];
    const units: number[] = [];
    const gaps: number[] = [];
    perCoder.forEach((spans, ci) => {
      spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      const merged: [number, number][] = [];
      for (const [s, e] of spans) {
        const last = merged[merged.length - 1];
        if (last && s < last[1]) {
          last[1] = Math.max(last[1], e);
          mergedOverlaps++;
        } else merged.push([s, e]);
      }
      unitsPerCoder[ci] = (unitsPerCoder[ci] as number) + merged.length;
      const seg = segment(merged, L);
      segs.push(seg);
      for (let i = 0; i < seg.s.length; i++) ((seg.unit[i] as boolean) ? units : gaps).push((seg.e[i] as number) - (seg.s[i] as number));
    });
    perValue.push({ value, segs, units, gaps });
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
  for (const { value, segs, units, gaps } of perValue) {
    let pairSum = 0;
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) pairSum += pairDisagreement(segs[i] as Segmentation, segs[j] as Segmentation);
    const Do = (2 * pairSum) / (m * (m - 1) * L * L);
    const De = expectedDisagreement(units, gaps, m, L);
    sumDo += Do;
    sumDe += De;
    const vn: AgreementN = { ...n, units: units.length, pairableUnits: units.length };
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
  const wantPerArticle = options.perArticle ?? true;
  const byArticle = new Map<string, StudySpan[]>();
  for (const sp of spans) {
    let list = byArticle.get(sp.articleId);
    if (!list) byArticle.set(sp.articleId, (list = []));
    list.push(sp);
  }
  const perArticle = new Map<string, UnitizingResult>();
  const pooledSpans: UnitizingSpan[] = [];
  const excluded: string[] = [];
  let offset = 0;
  let included = 0;
  for (const a of articles) {
    const opened = new Set(a.openedBy);
    const own = (byArticle.get(a.id) ?? []).filter((sp) => opened.has(sp.coder));
    const articleCoders = coders.filter((c) => opened.has(c));
    if (wantPerArticle && articleCoders.length >= 2) perArticle.set(a.id, unitizingAlpha({ length: a.length, coders: articleCoders, spans: own }));
    if (articleCoders.length !== coders.length) {
      excluded.push(a.id);
      continue;
    }
    included++;
    for (const sp of own) pooledSpans.push({ coder: sp.coder, value: sp.value, start: sp.start + offset, end: sp.end + offset });
    offset += a.length;
  }
  const pooled = unitizingAlpha({ length: offset, coders, spans: pooledSpans });
  if (included === 0 && pooled.overall.computable === false) {
    pooled.overall = notComputable('no article was opened by every chosen coder', pooled.overall.n);
  }
  return { pooled: { ...pooled, articlesIncluded: included, articlesExcluded: excluded }, perArticle };
}
