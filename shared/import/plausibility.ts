/**
 * How much a decoded text looks like real writing: used to choose between candidate legacy
 * encodings where a byte-statistics detector (jschardet) is unsure, as it is on short Cyrillic
 * texts. Only characters that came from non-ASCII bytes matter: ASCII decodes the same in
 * every candidate.
 */

// Approximate letter frequencies (per mille) in Russian, Ukrainian and Belarusian news text,
// merged: a letter frequent in any of the three is frequent here. Mis-decoded Cyrillic is a
// permutation of letters, so its average log-frequency is markedly lower.
const CYRILLIC_FREQ: Record<string, number> = {
  о: 100, а: 80, е: 80, и: 65, н: 65, т: 60, с: 50, р: 45, в: 45, л: 42, і: 40, к: 35,
  м: 30, д: 30, п: 28, у: 26, я: 20, ы: 17, ь: 17, г: 17, з: 16, б: 16, ч: 14, й: 11,
  х: 10, ў: 10, ж: 9, ш: 7, ю: 6, ц: 5, щ: 4, ї: 5, є: 4, э: 3, ф: 3, ё: 2, ъ: 1, ґ: 0.5,
};

const ALLOWED_SYMBOLS = new Set([...'«»—–“”„‘’‚…№€£°±§©®™·•×÷¶¹²³¼½¾µ¢¥¬¿¡¨´¸ª º‹›†‡‰']);

function isCyrillicLetter(ch: string): boolean {
  return /\p{Script=Cyrillic}/u.test(ch) && /\p{L}/u.test(ch);
}

function caseShapeOk(word: string): boolean {
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (word === lower || word === upper) return true;
  // Title case: first letter capital, rest lower.
  return word[0] === upper[0] && word.slice(1) === lower.slice(1);
}

/** Scores text decoded from bytes, per non-ASCII word or symbol; higher is more plausible. */
export function plausibility(text: string): number {
  let score = 0;
  let units = 0;
  for (const match of text.matchAll(/\p{L}+|[^\p{L}\s]/gu)) {
    const token = match[0];
    if (!/[\u0080-\u{10ffff}]/u.test(token)) continue;
    units++;
    if (token === '\ufffd') {
      score -= 10;
      continue;
    }
    if (!/\p{L}/u.test(token)) {
      // A lone symbol: typographic punctuation is fine, box drawing and controls are not.
      score += ALLOWED_SYMBOLS.has(token) || /\p{Pd}|\p{Pi}|\p{Pf}/u.test(token) ? 0 : -3;
      continue;
    }
    const letters = [...token];
    const cyr = letters.filter(isCyrillicLetter).length;
    const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
    if (cyr > 0 && latin > 0) {
      score -= 4;
      continue;
    }
    if (cyr > 0 && cyr === letters.length) {
      let freq = 0;
      for (const c of token.toLowerCase()) freq += Math.log((CYRILLIC_FREQ[c] ?? 0.2) + 1);
      // ~3.5 is the mean log-frequency of real text; a permuted alphabet averages ~2.3.
      score += freq / letters.length - 2.8;
      score += caseShapeOk(token) ? 1 : -2;
      continue;
    }
    if (latin === letters.length) {
      // Accented letters sit among plain ones in Western text ("café", "Müller"); a word made of
      // accented letters only is Cyrillic or Greek read with a Latin code page ("Ïðèâåò").
      const accented = letters.filter((c) => /[\u0080-\u{10ffff}]/u.test(c)).length;
      score += accented / letters.length <= 0.5 ? 1 : -2;
      score += caseShapeOk(token) ? 0.5 : -1;
      continue;
    }
    // Other scripts (Greek, Hebrew…) from a single-byte code page: possible but unlikely here.
    score -= 1;
  }
  return units === 0 ? 0 : score / units;
}

// Latin letters a legacy code page gives for bytes that are broken UTF-8 far more often than for
// real text: 0xFF (ÿ) is never UTF-8, 0xC3 (Ã) leads the UTF-8 of every accented Latin letter.
const RARE_LATIN = new Set([...'ÿŸþÞðÐýÝÃÕ']);

/**
 * Share of the places where `text` has non-ASCII characters that do not read as writing: a
 * typographic sign, or a letter inside a word of plausible shape ("décision", "didn’t", "Мир").
 * A file that is mostly ASCII with a few bytes that are not UTF-8 is broken UTF-8 when its
 * legacy reading is "ÿhe regional" or "thatÃ(he", and a legacy file when it is “quotes” or "café".
 */
export function implausibleShare(text: string): number {
  let places = 0;
  let odd = 0;
  for (const match of text.matchAll(/\p{L}*[\u0080-\u{10ffff}]\p{L}*/gu)) {
    const token = match[0];
    places++;
    if (!/\p{L}/u.test(token)) {
      if (plausibility(token) < 0) odd++;
      continue;
    }
    const score = plausibility(token);
    // Latin words must be well shaped ("thatÃ" is not); Cyrillic ones only not clearly wrong
    // (short, rare-letter words like "Ёжик" score low but are real).
    const latin = /^\p{Script=Latin}+$/u.test(token);
    if ((latin && ([...token].some((c) => RARE_LATIN.has(c)) || score < 1)) || score < 0) odd++;
  }
  return places === 0 ? 0 : odd / places;
}
