/**
 * Text normalisation shared by the import pipeline and duplicate detection.
 * The article-text invariants themselves are in DESIGN.md §3; these helpers produce them.
 */

/** Line breaks of every kind (CRLF, CR, NEL, LS, PS) become `\n`. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?|\u0085|\u2028|\u2029/g, '\n');
}

// Every Unicode space separator (no-break, thin, ideographic…) and tab: a plain space inside paragraphs.
const SPACE_LIKE = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Invisible characters that scrapers leave behind: zero-width space/joiners used as separators,
// BOMs in the middle of concatenated files, C0/C1 controls other than \n.
// ZWJ (U+200D) is kept: it is part of emoji sequences.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u200b\u200c\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/**
 * NFC, `\n` line ends, space-like characters → ' ', runs of spaces collapsed, lines trimmed.
 * Keeps quotes, dashes and punctuation exactly as written.
 */
export function normaliseText(text: string): string {
  return normaliseLineEnds(text)
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(SPACE_LIKE, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** One line of text: every white space (line breaks included) becomes a single space. */
export function normaliseInline(text: string): string {
  return normaliseText(text).replace(/\n+/g, ' ');
}

/**
 * Splits normalised text into paragraphs: blocks separated by blank lines, whose inner single
 * line breaks are joined with a space (hard-wrapped text). Where the text has no blank line at all,
 * every line is a paragraph (scraped dumps put one paragraph per line).
 */
export function splitParagraphs(text: string): string[] {
  const norm = normaliseText(text);
  if (norm === '') return [];
  const hasBlankLine = /\n\n/.test(norm);
  const blocks = hasBlankLine ? norm.split(/\n{2,}/) : norm.split('\n');
  return blocks.map((b) => b.replace(/\n/g, ' ').trim()).filter((b) => b !== '');
}

/** Joins paragraphs into article text that satisfies DESIGN.md §3. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) => normaliseInline(p))
    .filter((p) => p !== '')
    .join('\n\n');
}

/** True when `text` satisfies the article-text invariants of DESIGN.md §3. */
export function isCleanArticleText(text: string): boolean {
  if (text !== text.normalize('NFC')) return false;
  if (/\r/.test(text)) return false;
  if (text !== text.trim()) return false;
  if (text === '') return true;
  return text.split('\n\n').every((p) => p !== '' && !p.includes('\n') && p === p.trim());
}
