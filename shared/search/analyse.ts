import { stemTerm } from './stem.ts';
import { tokenise } from './tokenise.ts';

/** Bump when folding, tokenising or stemming changes: stored indexes of an older version are rebuilt. */
export const INDEX_VERSION = 1;

/**
 * The index terms of one text, space-separated: what the import worker hands the main thread,
 * so that the main thread only inserts terms and never stems (terms never contain spaces).
 */
export function indexTerms(text: string, lang: string | undefined): string {
  return tokenise(text)
    .map((t) => stemTerm(t.term, lang))
    .join(' ');
}
