/**
 * Folding for find-as-you-type: a coder typing "lukasenka", "Łukaszenka" or "ЛУКАШЕНКО" should
 * find what the codebook or the actor registry spells with other case or diacritics.
 */

/** Lower case, without combining marks (é→e, ё→е, Ł stays ł but case folds), one space between words. */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** How well `folded` text matches a folded query: lower is better; null when it does not. */
export function matchRank(foldedText: string, foldedQuery: string): number | null {
  if (!foldedQuery) return 3;
  if (foldedText === foldedQuery) return 0;
  if (foldedText.startsWith(foldedQuery)) return 1;
  // The start of any later word: "luka" finds "Alexander Lukashenko".
  const at = foldedText.indexOf(foldedQuery);
  if (at < 0) return null;
  for (let i = at; i >= 0; i = foldedText.indexOf(foldedQuery, i + 1)) {
    if (i > 0 && /[\s\-'’"«(.]/u.test(foldedText[i - 1] ?? '')) return 2;
  }
  return 3;
}
