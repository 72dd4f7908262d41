/**
 * Snapping a selection to whole words and trimming white space, in UTF-16 offsets.
 * Word characters are Unicode letters, marks, numbers and joiners, so Cyrillic, accents and
 * combining marks stay inside words, and an emoji is never cut in half.
 */
const WORD = /^(?:[\p{L}\p{M}\p{N}_'’-]|\u200d)/u;

function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const cp = text.codePointAt(i - 1) ?? 0;
  // A low surrogate: step back over the whole astral character.
  if (cp >= 0xdc00 && cp <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text.slice(i - 1, i);
}

function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

export function isWordChar(ch: string): boolean {
  return ch !== '' && WORD.test(ch);
}

/** Trims white space from both ends of [start, end). May return an empty range. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

/** Expands [start, end) outwards to word boundaries, then trims white space. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  const trimmed = trimRange(text, start, end);
  let s = trimmed.start;
  let e = trimmed.end;
  if (s === e) return trimmed;
  while (s > 0 && isWordChar(charBefore(text, s)) && isWordChar(charAt(text, s))) s -= charBefore(text, s).length;
  while (e < text.length && isWordChar(charBefore(text, e)) && isWordChar(charAt(text, e))) e += charAt(text, e).length;
  return { start: s, end: e };
}

/** Moves one boundary by one word (for keyboard boundary editing). */
export function stepWord(text: string, offset: number, direction: -1 | 1): number {
  let i = offset;
  if (direction > 0) {
    while (i < text.length && !isWordChar(charAt(text, i))) i += charAt(text, i).length || 1;
    while (i < text.length && isWordChar(charAt(text, i))) i += charAt(text, i).length;
  } else {
    while (i > 0 && !isWordChar(charBefore(text, i))) i -= charBefore(text, i).length || 1;
    while (i > 0 && isWordChar(charBefore(text, i))) i -= charBefore(text, i).length;
  }
  return i;
}
