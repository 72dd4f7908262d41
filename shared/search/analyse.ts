import { stemTerm } from './stem.ts';
import { tokenise } from './tokenise.ts';

/**
 * Bump when folding, tokenising, stemming or the stored index changes: stored indexes of an older
 * version are rebuilt. 2: segments hold word pairs (phrases answered without reading texts).
 */
export const INDEX_VERSION = 2;

/** What the index stores of one article: stems of title and text, and the text's word pairs (see segment.ts). */
export interface IndexFields {
  title: string;
  text: string;
  pairs: string;
}

/**
 * The index terms of one text, space-separated: what the import worker hands the main thread,
 * so that the main thread only inserts terms and never stems (terms never contain spaces).
 */
export function indexTerms(text: string, lang: string | undefined): string {
  return tokenise(text)
    .map((t) => stemTerm(t.term, lang))
    .join(' ');
}

/** Joins two folded words into one pair key; `|` is never part of a word (tokenise.ts). */
export const pairKey = (a: string, b: string): string => `${a}|${b}`;

/** Everything the index needs of an article, computed in one pass over each text. */
export function indexFields(title: string, text: string, lang: string | undefined): IndexFields {
  const t = tokenise(title);
  const x = tokenise(text);
  const pairs: string[] = [];
  for (const toks of [t, x]) for (let i = 1; i < toks.length; i++) pairs.push(pairKey((toks[i - 1] as { term: string }).term, (toks[i] as { term: string }).term));
  return { title: t.map((k) => stemTerm(k.term, lang)).join(' '), text: x.map((k) => stemTerm(k.term, lang)).join(' '), pairs: pairs.join(' ') };
}
