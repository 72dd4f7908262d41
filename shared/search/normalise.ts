/**
 * Folding of words for the full-text index and its queries (DESIGN.md §9). The index and the
 * query go through the same function, so whatever a person types folds to what the text holds.
 */

/** The apostrophes Ukrainian and Belarusian texts use interchangeably (ʼ U+02BC, ' U+0027, ’ U+2019, ‘ U+2018, ` U+0060). */
export const APOSTROPHES = "'\u02bc\u2019\u2018`";
const APOSTROPHE_RE = /[\u02bc\u2019\u2018`]/g;
const PLAIN = /^[A-Za-z0-9\u0400-\u04ff]*$/;

/**
 * NFC, case-folded, ё→е (Russian print drops the diaeresis at will) and every apostrophe as
 * U+0027. Combining marks other than those NFC absorbs are kept: stress marks in quoted
 * dictionary forms are rare, and stripping them would change Latin diacritics that matter.
 */
export function foldTerm(word: string): string {
  // Latin letters, digits and precomposed Cyrillic need no normalisation: the fast path gives the
  // same result without ICU (find-mentions folds every candidate word of 10,000 articles).
  if (PLAIN.test(word)) return word.toLowerCase().replace(/ё/g, 'е');
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(APOSTROPHE_RE, "'")
    .replace(/\u0301/g, ''); // a stress accent typed over a Cyrillic vowel
}
