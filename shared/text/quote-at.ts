/**
 * The one check behind every "do these offsets still select this quote?" question: anchoring
 * (UTF-16 offsets in the app), and export, merge, restore and validate (code points in a dataset,
 * given with the text's offset converter). Callers differ only in what they do with the answer.
 */
import type { OffsetConverter } from './code-points.ts';

export type QuoteAt =
  /** The offsets select the quote; start/end are UTF-16 offsets into the text. */
  | { kind: 'match'; start: number; end: number }
  /** The offsets are a range of the text, but it holds `covered`, not the quote. */
  | { kind: 'mismatch'; start: number; end: number; covered: string }
  /** Not integers, reversed, negative or past the end of the text (`length` in the offsets' unit). */
  | { kind: 'outside'; length: number };

/**
 * What `text` holds at [start, end). Offsets are UTF-16 units, or code points when `conv`
 * (the text's converter) is given; the range returned is always UTF-16.
 */
export function quoteAt(text: string, start: number, end: number, quote: string, conv?: OffsetConverter): QuoteAt {
  const length = conv ? conv.codePointLength : text.length;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) return { kind: 'outside', length };
  const from = conv ? conv.toUtf16(start) : start;
  const to = conv ? conv.toUtf16(end) : end;
  const covered = text.slice(from, to);
  return covered === quote ? { kind: 'match', start: from, end: to } : { kind: 'mismatch', start: from, end: to, covered };
}
