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
 * The units × coders value matrix of a study. `coders` fixes the columns; annotations by anyone
 * else are ignored.
 */
export function unitMatrix(
  study: { articles: readonly StudyText[]; coders: readonly string[]; annotations: readonly StudyAnnotation[] },
  options: { unit: UnitKind; locale?: string; method?: SegmentMethod },
): UnitMatrix {
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
  const units: (string | null)[][] = [];
  const unitInfo: UnitMatrix['unitInfo'] = [];
  const clusters: number[] = [];
  study.articles.forEach((article, articleIdx) => {
    const tokens = textUnits(article.text, options.unit, { locale: options.locale, method });
    const anns = byArticle.get(article.id) ?? [];
    const opened = coders.map((c) => article.openedBy.includes(c));
    // tags[coder][unit]: tags overlapping the unit, only where there is one.
    const tags: (string[] | undefined)[][] = coders.map(() => new Array<string[] | undefined>(tokens.length));
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
      const row = tags[ci] as (string[] | undefined)[];
      for (let t = lo; t < tokens.length && (tokens[t] as TextUnit).start < a.end; t++) {
        const list = row[t];
        if (!list) row[t] = [a.tagId];
        else if (!list.includes(a.tagId)) list.push(a.tagId);
      }
    }
    const C = coders.length;
    for (let t = 0; t < tokens.length; t++) {
      const row = new Array<string | null>(C);
      for (let ci = 0; ci < C; ci++) {
        const list = opened[ci] ? (tags[ci] as (string[] | undefined)[])[t] : undefined;
        row[ci] = !opened[ci] ? null : !list ? NONE : list.length === 1 ? (list[0] as string) : [...list].sort().join('+');
      }
      units.push(row);
      const tok = tokens[t] as TextUnit;
      unitInfo.push({ articleId: article.id, start: tok.start, end: tok.end });
      clusters.push(articleIdx);
    }
  });
  return { coders, units, unitInfo, clusters: Int32Array.from(clusters), method };
}
