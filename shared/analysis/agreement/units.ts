/**
 * Units from spans: cuts each article into tokens (words) or sentences and gives every unit, per
 * coder, the tag of the annotations covering it, so that span annotations become classic
 * reliability data (units × coders) for α, κ and percent agreement.
 *
 * - Positions are code points (the export's unit); annotations come in code points too.
 * - A unit's value is the tag of every annotation of that coder overlapping it by at least one
 *   code point; several different tags are joined, sorted, with "+" ("actor+claim"); no
 *   annotation gives "none".
 * - A coder who never opened an article has MISSING values (null) for all its units, not "none":
 *   not coding is not the same as finding nothing. A coder with an annotation in an article counts
 *   as having opened it.
 */
import { makeOffsetConverter } from '../../text/code-points.ts';
import type { ReliabilityData } from './types.ts';

export const NONE = 'none';

export type UnitKind = 'token' | 'sentence';

export interface StudyText {
  id: string;
  text: string;
  /** Coders who opened (coded) the article. */
  openedBy: readonly string[];
}

export interface StudyAnnotation {
  articleId: string;
  coder: string;
  /** Code points, half-open. */
  start: number;
  end: number;
  tagId: string;
}

export interface TextUnit {
  /** Code points, half-open. */
  start: number;
  end: number;
}

export interface UnitMatrix extends ReliabilityData {
  units: (string | null)[][];
  /** Where each unit (row) lies: its article and code-point extent. */
  unitInfo: { articleId: string; start: number; end: number }[];
  /** Index of the unit's article in the input, per row: the bootstrap resamples articles. */
  clusters: Int32Array;
  /** What cut the text into units. */
  method: SegmentMethod;
}

const WORD = /[\p{L}\p{M}\p{N}_]+(?:['’\-.][\p{L}\p{M}\p{N}_]+)*/gu;
const SENTENCE = /[^\s][^\n]*?(?:[.!?…]+(?=\s|$)|(?=\n)|$)/gu;

const hasSegmenter = typeof Intl !== 'undefined' && typeof (Intl as { Segmenter?: unknown }).Segmenter === 'function';
const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(kind: UnitKind, locale: string): Intl.Segmenter {
  const key = `${kind}|${locale}`;
  let s = segmenters.get(key);
  if (!s) segmenters.set(key, (s = new Intl.Segmenter(locale, { granularity: kind === 'token' ? 'word' : 'sentence' })));
  return s;
}

export type SegmentMethod = 'regex' | 'Intl.Segmenter';

/**
 * The default way to cut units: words by a Unicode-aware regex (letters, marks, digits, joined by
 * apostrophes, hyphens and inner dots: "it’s", "3.5", "Ростов-на-Дону") — in Node 20, iterating
 * Intl.Segmenter's words was 8× slower (5.7 s for 700,000 words) and our languages separate words
 * by spaces; sentences by Intl.Segmenter where the runtime has it (ICU's rules know
 * abbreviations and quotes), else a regex.
 */
export function defaultMethod(kind: UnitKind): SegmentMethod {
  return kind === 'sentence' && hasSegmenter ? 'Intl.Segmenter' : 'regex';
}

/** The units of `text`, in code points, in order, non-overlapping. */
export function textUnits(text: string, kind: UnitKind, options: { locale?: string; method?: SegmentMethod } = {}): TextUnit[] {
  const method = options.method ?? defaultMethod(kind);
  const conv = makeOffsetConverter(text);
  const out: TextUnit[] = [];
  const trim = kind === 'sentence';
  const push = (s16: number, e16: number) => {
    // Sentences carry their trailing white space in ICU; the unit is the sentence itself.
    let e = e16;
    let s = s16;
    if (trim) {
      while (e > s && /\s/.test(text[e - 1] as string)) e--;
      while (s < e && /\s/.test(text[s] as string)) s++;
    }
    if (e > s) out.push({ start: conv.toCodePoint(s), end: conv.toCodePoint(e) });
  };
  if (method === 'Intl.Segmenter') {
    if (!hasSegmenter) throw new Error('Intl.Segmenter is not available in this runtime');
    for (const seg of segmenterFor(kind, options.locale ?? 'und').segment(text)) {
      if (kind === 'token' && !seg.isWordLike) continue;
      push(seg.index, seg.index + seg.segment.length);
    }
  } else {
    for (const m of text.matchAll(kind === 'token' ? WORD : SENTENCE)) push(m.index ?? 0, (m.index ?? 0) + m[0].length);
  }
  return out;
}

/**
 * The units × coders data of a study, compressed as it is built: every distinct row (pattern of
 * the coders' values) once, and per unit its pattern and extent in typed arrays. A study of
 * 700,000 tokens has a few hundred patterns; building one array and one object per token made
 * garbage collection the largest cost of the agreement screen.
 */
export interface UnitPatterns {
  coders: readonly string[];
  /** The distinct rows, one value per coder (null = missing). */
  patterns: (string | null)[][];
  /** Per unit: its pattern, its article (index into the input), and its code-point extent. */
  pattern: Int32Array;
  clusters: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  method: SegmentMethod;
}

export function unitPatterns<A extends Omit<StudyAnnotation, 'tagId'> = StudyAnnotation>(
  study: { articles: readonly StudyText[]; coders: readonly string[]; annotations: readonly A[] },
  options: {
    unit: UnitKind;
    locale?: string;
    method?: SegmentMethod;
    /** An annotation's value (default its `tagId`): spares the caller a copy of every annotation. */
    tagOf?: (a: A) => string;
  },
): UnitPatterns {
  const valueOf = options.tagOf ?? ((a: A) => (a as unknown as StudyAnnotation).tagId);
  const { coders } = study;
  const method = options.method ?? defaultMethod(options.unit);
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  const byArticle = new Map<string, A[]>();
  for (const a of study.annotations) {
    if (!coderIndex.has(a.coder)) continue;
    let list = byArticle.get(a.articleId);
    if (!list) byArticle.set(a.articleId, (list = []));
    list.push(a);
  }
  const C = coders.length;
  // Every coder's value at a unit is a small integer: 0 missing, 1 "none", then one id per tag
  // or set of tags met so far; adding a tag to a value is a memoised step. Rows are keyed by
  // their ids (a number while it fits), so a token costs no string and no array.
  const tagIndex = new Map<string, number>();
  const tagOf: number[] = [];
  for (const a of study.annotations) {
    const tag = valueOf(a);
    if (!tagIndex.has(tag)) tagIndex.set(tag, tagIndex.size);
  }
  const T = tagIndex.size;
  const valueText: (string | null)[] = [null, NONE];
  const valueTags: string[][] = [[], []];
  const valueByText = new Map<string, number>();
  const step = new Map<number, number>();
  for (const [tag] of tagIndex) {
    valueByText.set(tag, valueText.length);
    tagOf.push(valueText.length);
    valueText.push(tag);
    valueTags.push([tag]);
  }
  const addTag = (v: number, t: number, tag: string): number => {
    if (v === 1) return tagOf[t] as number;
    const key = v * (T + 1) + t;
    let next = step.get(key);
    if (next === undefined) {
      const tags = valueTags[v] as string[];
      if (tags.includes(tag)) next = v;
      else {
        const set = [...tags, tag].sort();
        const text = set.join('+');
        next = valueByText.get(text);
        if (next === undefined) {
          valueByText.set(text, (next = valueText.length));
          valueText.push(text);
          valueTags.push(set);
        }
      }
      step.set(key, next);
    }
    return next;
  };
  const patterns: (string | null)[][] = [];
  const seenNumber = new Map<number, number>();
  const seenText = new Map<string, number>();
  const ids = new Int32Array(C);
  // Up to 3 coders and 2¹⁷ values, a row's ids pack into one exact number.
  const packs = C * 17 <= 52;
  const intern = (): number => {
    let id: number | undefined;
    let key: number | string;
    if (packs && valueText.length < 1 << 17) {
      let k = 0;
      for (let ci = C - 1; ci >= 0; ci--) k = k * (1 << 17) + (ids[ci] as number);
      key = k;
      id = seenNumber.get(k);
    } else {
      key = ids.join(',');
      id = seenText.get(key);
    }
    if (id === undefined) {
      id = patterns.length;
      if (typeof key === 'number') seenNumber.set(key, id);
      else seenText.set(key, id);
      patterns.push(Array.from(ids, (v) => valueText[v] as string | null));
    }
    return id;
  };
  let pattern = new Int32Array(1 << 16);
  let clusters = new Int32Array(1 << 16);
  let starts = new Int32Array(1 << 16);
  let ends = new Int32Array(1 << 16);
  let n = 0;
  const grow = () => {
    const more = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    pattern = more(pattern);
    clusters = more(clusters);
    starts = more(starts);
    ends = more(ends);
  };
  let cells = new Int32Array(0);
  study.articles.forEach((article, articleIdx) => {
    const tokens = textUnits(article.text, options.unit, { locale: options.locale, method });
    const anns = byArticle.get(article.id) ?? [];
    const opened = coders.map((c) => article.openedBy.includes(c));
    const K = tokens.length;
    // cells[ci * K + t]: coder ci's value at token t.
    if (cells.length < C * K) cells = new Int32Array(Math.max(C * K, 2 * cells.length));
    cells.fill(1, 0, C * K);
    for (const a of anns) {
      const ci = coderIndex.get(a.coder) as number;
      opened[ci] = true;
      const tag = valueOf(a);
      const t = tagIndex.get(tag) as number;
      // First unit ending after the annotation's start.
      let lo = 0;
      let hi = K;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((tokens[mid] as TextUnit).end <= a.start) lo = mid + 1;
        else hi = mid;
      }
      for (let u = lo; u < K && (tokens[u] as TextUnit).start < a.end; u++) cells[ci * K + u] = addTag(cells[ci * K + u] as number, t, tag);
    }
    // The row of a token no coder tagged: the same for the whole article.
    for (let ci = 0; ci < C; ci++) ids[ci] = opened[ci] ? 1 : 0;
    const blank = intern();
    for (let u = 0; u < K; u++) {
      let any = false;
      for (let ci = 0; ci < C; ci++) {
        const v = opened[ci] ? (cells[ci * K + u] as number) : 0;
        if (v > 1) any = true;
        ids[ci] = v;
      }
      if (n === pattern.length) grow();
      pattern[n] = any ? intern() : blank;
      clusters[n] = articleIdx;
      const tok = tokens[u] as TextUnit;
      starts[n] = tok.start;
      ends[n] = tok.end;
      n++;
    }
  });
  return { coders, patterns, pattern: pattern.slice(0, n), clusters: clusters.slice(0, n), starts: starts.slice(0, n), ends: ends.slice(0, n), method };
}

/**
 * The units × coders value matrix of a study, one row per unit. `coders` fixes the columns;
 * annotations by anyone else are ignored.
 */
export function unitMatrix(
  study: { articles: readonly StudyText[]; coders: readonly string[]; annotations: readonly StudyAnnotation[] },
  options: { unit: UnitKind; locale?: string; method?: SegmentMethod },
): UnitMatrix {
  const p = unitPatterns(study, options);
  const units: (string | null)[][] = [];
  const unitInfo: UnitMatrix['unitInfo'] = [];
  for (let u = 0; u < p.pattern.length; u++) {
    units.push([...(p.patterns[p.pattern[u] as number] as (string | null)[])]);
    unitInfo.push({ articleId: (study.articles[p.clusters[u] as number] as StudyText).id, start: p.starts[u] as number, end: p.ends[u] as number });
  }
  return { coders: study.coders, units, unitInfo, clusters: p.clusters, method: p.method };
}
