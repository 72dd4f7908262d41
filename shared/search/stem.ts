import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { stemmer as stemUkrainian } from '@orama/stemmers/ukrainian';
import stemEnglish from 'wink-porter2-stemmer';
import { stemBelarusian } from './stem-be.ts';

/** Languages with a stemmer; any other language is indexed by folded words (prefix* still helps). */
export type StemLanguage = 'ru' | 'uk' | 'be' | 'en';
export const STEM_LANGUAGES: readonly StemLanguage[] = ['ru', 'uk', 'be', 'en'];
const CYRILLIC_LANGS: readonly StemLanguage[] = ['ru', 'uk', 'be'];

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** `ru-RU`, `RU`, `uk` → the stemmer's language, or null. */
export function stemLanguage(lang: string | undefined): StemLanguage | null {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (STEM_LANGUAGES as readonly string[]).includes(base) ? (base as StemLanguage) : null;
}

// Word frequencies are Zipfian: a few thousand words make most of any text, so remembering their
// stems saves most of the stemmers' regular-expression work (measured in bench/parts/search.ts).
const MEMO_LIMIT = 100_000;
const memo: Record<StemLanguage, Map<string, string>> = { ru: new Map(), uk: new Map(), be: new Map(), en: new Map() };

/** The stem of a folded word in one language, memoised (find-mentions compares name words this way). */
export function stemWith(lang: StemLanguage, term: string): string {
  const m = memo[lang];
  const known = m.get(term);
  if (known !== undefined) return known;
  // A stem that comes out empty (a one-letter word) would match everything: keep the word.
  const stem = (lang === 'ru' ? stemRussian(term) : lang === 'uk' ? stemUkrainian(term) : lang === 'be' ? stemBelarusian(term) : stemEnglish(term)) || term;
  if (m.size >= MEMO_LIMIT) m.clear();
  m.set(term, stem);
  return stem;
}

/**
 * The index term of a folded word of an article in language `lang` (its metadata). The script
 * decides first: an English name inside a Russian article is stemmed as English, a Cyrillic word in
 * an article of unknown language as Russian (the most common language of the region's press).
 * Words with digits are kept whole (dates, numbers, "covid19").
 */
export function stemTerm(term: string, lang: string | undefined): string {
  if (/\p{N}/u.test(term)) return term;
  if (LATIN.test(term)) return stemWith('en', term);
  if (CYRILLIC.test(term)) {
    const l = stemLanguage(lang);
    return stemWith(l && l !== 'en' ? l : 'ru', term);
  }
  return term;
}

/**
 * What a query word may be indexed as: a query does not know each article's language, so a
 * Cyrillic word is stemmed as Russian, Ukrainian and Belarusian and matches any of those stems.
 */
export function queryStems(term: string): string[] {
  if (/\p{N}/u.test(term) || !CYRILLIC.test(term)) return [stemTerm(term, 'en')];
  return [...new Set(CYRILLIC_LANGS.map((l) => stemTerm(term, l)))];
}
