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

export function unitPatterns(
  study: { articles: readonly StudyText[]; coders: readonly string[]; annotations: readonly StudyAnnotation[] },
  options: { unit: UnitKind; locale?: string; method?: SegmentMethod },
): UnitPatterns {
  const { coders } = study;
  const method = options.method ?? defaultMethod(options.unit);
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  const byArticle = new Map<string, StudyAnnotation[]>();
  for (const a of study.annotations) {
    if (!coderIndex.has(a.coder)) continue;
    let list = byArticle.get(a.articleId);
    if (!list) byArticle.set(a.articleId, (list = []));
    list.push(a);
  }
  const C = coders.length;
  const patterns: (string | null)[][] = [];
  const seen = new Map<string, number>();
  const intern = (row: (string | null)[]): number => {
    const k = row.map((v) => (v === null ? '\u0001' : v)).join('\u0000');
    let id = seen.get(k);
    if (id === undefined) {
      seen.set(k, (id = patterns.length));
      patterns.push(row);
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
  const row = new Array<string | null>(C);
  study.articles.forEach((article, articleIdx) => {
    const tokens = textUnits(article.text, options.unit, { locale: options.locale, method });
    const anns = byArticle.get(article.id) ?? [];
    const opened = coders.map((c) => article.openedBy.includes(c));
    // tags[coder][unit]: the tag overlapping the unit, or the list when several do (most units
    // have one or none: a string each spares millions of one-element arrays).
    const tags: (string | string[] | undefined)[][] = coders.map(() => new Array<string | string[] | undefined>(tokens.length));
    for (const a of anns) {
      const ci = coderIndex.get(a.coder) as number;
      opened[ci] = true;
      // First unit ending after the annotation's start.
      let lo = 0;
      let hi = tokens.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((tokens[mid] as TextUnit).end <= a.start) lo = mid + 1;
        else hi = mid;
      }
      const list = tags[ci] as (string | string[] | undefined)[];
      for (let t = lo; t < tokens.length && (tokens[t] as TextUnit).start < a.end; t++) {
        const l = list[t];
        if (l === undefined) list[t] = a.tagId;
        else if (typeof l === 'string') {
          if (l !== a.tagId) list[t] = [l, a.tagId];
        } else if (!l.includes(a.tagId)) l.push(a.tagId);
      }
    }
    // The row of a token no coder tagged: the same for the whole article.
    const blank = intern(opened.map((o) => (o ? NONE : null)));
    for (let t = 0; t < tokens.length; t++) {
      let any = false;
      for (let ci = 0; ci < C; ci++) {
        const list = opened[ci] ? (tags[ci] as (string | string[] | undefined)[])[t] : undefined;
        if (list !== undefined) any = true;
        row[ci] = !opened[ci] ? null : list === undefined ? NONE : typeof list === 'string' ? list : [...list].sort().join('+');
      }
      if (n === pattern.length) grow();
      pattern[n] = any ? intern([...row]) : blank;
      clusters[n] = articleIdx;
      const tok = tokens[t] as TextUnit;
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
