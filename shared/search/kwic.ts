/**
 * Keyword in context: one line per hit, the hit between its left and right context, as corpus
 * linguists read concordances (AntConc, CATMA). Pure: the KWIC view and its CSV export use it.
 */
import { csvField } from '../dataset/formats/csv.ts';
import { utf16ToCodePoint } from '../text/code-points.ts';
import type { Hit } from './hits.ts';
import { tokenise } from './tokenise.ts';

export interface KwicArticle {
  id: string;
  title: string;
  outlet?: string;
  date?: string;
  text: string;
}

export interface KwicLine {
  articleId: string;
  /** Which hit of its article this is (0 = first in the text): the reader's find bar opens there. */
  index: number;
  /** UTF-16 offsets of the hit in the article text (as annotations store them). */
  start: number;
  end: number;
  left: string;
  hit: string;
  right: string;
  outlet: string;
  date: string;
  title: string;
}

/** Context characters kept on each side of a hit. */
export const KWIC_CONTEXT = 60;

const flat = (s: string) => s.replace(/\s+/g, ' ');
const isLow = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

export function kwicLines(article: KwicArticle, hits: readonly Hit[], context = KWIC_CONTEXT): KwicLine[] {
  const { text } = article;
  return hits.map((h, index) => {
    // Never cut an emoji (a surrogate pair) in half at the edge of the context.
    let from = Math.max(0, h.start - context);
    if (from > 0 && isLow(text, from)) from++;
    let to = Math.min(text.length, h.end + context);
    if (to < text.length && isLow(text, to)) to--;
    return {
    articleId: article.id,
    index,
    start: h.start,
    end: h.end,
    left: flat(text.slice(from, h.start)),
    hit: flat(text.slice(h.start, h.end)),
    right: flat(text.slice(h.end, to)),
    outlet: article.outlet ?? '',
    date: article.date ?? '',
    title: article.title,
    };
  });
}

export type KwicSort = 'left' | 'right' | 'outlet' | 'date' | 'text';

/** Folded words of a context, nearest to the hit first (left context read right to left). */
function contextKey(line: KwicLine, side: 'left' | 'right'): string[] {
  const words = tokenise(side === 'left' ? line.left : line.right).map((t) => t.term);
  return side === 'left' ? words.reverse() : words;
}

function compareWords(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const c = x.localeCompare(y);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Lines sorted by the words next to the hit (left: L1, then L2…; right: R1, R2…), by outlet or by
 * date; ties keep text order (article, then position). Returns a new array.
 */
export function sortKwic(lines: readonly KwicLine[], by: KwicSort): KwicLine[] {
  const keyed = lines.map((line, i) => ({ line, i, key: by === 'left' || by === 'right' ? contextKey(line, by) : [] }));
  keyed.sort((a, b) => {
    let c = 0;
    if (by === 'left' || by === 'right') c = compareWords(a.key, b.key);
    else if (by === 'outlet') c = a.line.outlet.localeCompare(b.line.outlet);
    else if (by === 'date') c = a.line.date.localeCompare(b.line.date);
    return c || a.i - b.i;
  });
  return keyed.map((k) => k.line);
}

/**
 * The concordance as CSV (RFC 4180, CRLF). Offsets count Unicode code points, like every export
 * (DESIGN.md §3): `text[start:end] == hit` in Python.
 */
export function kwicCsv(lines: readonly KwicLine[], texts: (articleId: string) => string | undefined): string {
  const rows = [['article_id', 'title', 'outlet', 'date', 'start', 'end', 'left', 'hit', 'right'].join(',')];
  for (const l of lines) {
    const text = texts(l.articleId) ?? '';
    const start = utf16ToCodePoint(text, l.start);
    const end = utf16ToCodePoint(text, l.end);
    rows.push([l.articleId, l.title, l.outlet, l.date, String(start), String(end), l.left, l.hit, l.right].map(csvField).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
