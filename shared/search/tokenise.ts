import { foldTerm } from './normalise.ts';

/** One word of a text: [start, end) in UTF-16 code units into the original string, and its folded form. */
export interface Token {
  start: number;
  end: number;
  term: string;
}

// Letters, marks and digits make words; an apostrophe counts only between two of those
// (п'ять, O'Brien), so quotes around a word are not part of it. Hyphens split words: a
// hyphenated word is indexed as its parts, and a query for it becomes a phrase of them.
const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:['\u02bc\u2019\u2018`][\p{L}\p{M}\p{N}]+)*/gu;

/** The words of `text` in order, with offsets into `text` itself (not into a folded copy). */
export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index;
    out.push({ start, end: start + m[0].length, term: foldTerm(m[0]) });
  }
  return out;
}

/** Folded words of `text` without offsets (queries, index terms). */
export function words(text: string): string[] {
  return tokenise(text).map((t) => t.term);
}
