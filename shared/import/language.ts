/**
 * Language of an article as a BCP-47 primary tag. Cyrillic languages of the region are told
 * apart by their distinctive letters first (more reliable than trigrams on short news items),
 * everything else by franc restricted to a whitelist. Unsure → undefined.
 */
import { franc } from 'franc';

/** ISO 639-3 (franc) → BCP-47 for the languages we accept. */
const ISO3_TO_BCP47: Record<string, string> = {
  eng: 'en', rus: 'ru', ukr: 'uk', bel: 'be', pol: 'pl', deu: 'de', fra: 'fr', spa: 'es',
  ita: 'it', por: 'pt', nld: 'nl', lit: 'lt', lvs: 'lv', ekk: 'et', ces: 'cs', slk: 'sk',
  bul: 'bg', srp: 'sr', hrv: 'hr', ron: 'ro', hun: 'hu', fin: 'fi', swe: 'sv', tur: 'tr',
  kaz: 'kk', kat: 'ka', hye: 'hy', azj: 'az', ell: 'el',
};
const WHITELIST = Object.keys(ISO3_TO_BCP47);

// Shorter texts give unreliable guesses; the article body is usually far longer.
const MIN_LETTERS = 40;

/** Matches of a global regex, counted without building the array of matches. */
function count(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

function eastSlavic(lower: string): string | undefined {
  const cyr = count(lower, /\p{Script=Cyrillic}/gu);
  const letters = count(lower, /\p{L}/gu);
  if (letters === 0 || cyr / letters < 0.6) return undefined;
  const ua = count(lower, /[їєґ]/g);
  const by = count(lower, /ў/g);
  const ru = count(lower, /[ъэ]/g);
  const i = count(lower, /і/g);
  const y = count(lower, /ы/g);
  const cyrI = count(lower, /и/g);
  const per = (n: number) => n / cyr;
  // ў and і with ы but (almost) no и: Belarusian. ї/є/ґ, or і without ы: Ukrainian.
  if (per(by) > 0.002 || (per(i) > 0.01 && per(y) > 0.005 && per(cyrI) < 0.005)) return 'be';
  if (per(ua) > 0.001 || (per(i) > 0.01 && per(y) < 0.001 && per(ru) < 0.001)) return 'uk';
  if ((per(y) > 0.002 || per(ru) > 0.001) && per(i) < 0.001) return 'ru';
  return undefined;
}

// A few hundred characters of news prose decide as well as the whole text (tests over every
// fixture language agree), at a fraction of the cost: detection was half of a text file's import.
const SAMPLE_CHARS = 400;
// The script census reads further than the sample: counting letters is cheap, franc is not.
const CENSUS_CHARS = 20_000;

const CYRILLIC_LANGUAGES = new Set(['rus', 'ukr', 'bel', 'bul', 'srp', 'kaz']);
const LATIN_LANGUAGES = new Set(WHITELIST.filter((c) => !CYRILLIC_LANGUAGES.has(c) && !['kat', 'hye', 'ell'].includes(c)));
// Serbian is written in both scripts; franc's Serbian model is Cyrillic, Croatian covers Latin.
const ONLY_CYRILLIC = WHITELIST.filter((c) => CYRILLIC_LANGUAGES.has(c));
const ONLY_LATIN = WHITELIST.filter((c) => LATIN_LANGUAGES.has(c));

type Script = 'cyrillic' | 'latin' | 'other';

function scriptOf(text: string): Script | undefined {
  const cyr = count(text, /\p{Script=Cyrillic}/gu);
  const lat = count(text, /\p{Script=Latin}/gu);
  const all = count(text, /\p{L}/gu);
  if (all === 0) return undefined;
  if (cyr * 2 > all) return 'cyrillic';
  if (lat * 2 > all) return 'latin';
  return 'other';
}

/**
 * Up to SAMPLE_CHARS of the body's prose in its main script: paragraphs in another script (an
 * English credit line on a Russian story, a quoted slogan) or without words (URLs, datelines)
 * are skipped, so a short sample cannot be dominated by them.
 */
function prose(text: string, script: Script): string {
  let sample = '';
  for (const paragraph of text.split(/\n+/)) {
    if (sample.length >= SAMPLE_CHARS) break;
    const words = paragraph.replace(/\S*(https?:\/\/|www\.|@)\S*/g, ' ');
    if (scriptOf(words) !== script) continue;
    sample += `${words} `;
  }
  return (sample.trim() || text).slice(0, SAMPLE_CHARS);
}

/**
 * The language of an article body (cleaned text, not markup). The script of the whole body
 * bounds the answer: a mostly Cyrillic text is never given a Latin-script language, nor the
 * reverse, whatever a short sample suggests.
 */
export function detectLanguage(fullText: string): string | undefined {
  const census = fullText.slice(0, CENSUS_CHARS);
  const script = scriptOf(census);
  if (!script) return undefined;
  const text = prose(census, script);
  const letters = count(text, /\p{L}/gu);
  if (letters < MIN_LETTERS) return undefined;
  if (script === 'cyrillic') {
    const slavic = eastSlavic(text.toLowerCase());
    if (slavic) return slavic;
  }
  const only = script === 'cyrillic' ? ONLY_CYRILLIC : script === 'latin' ? ONLY_LATIN : WHITELIST;
  const code = franc(text, { only, minLength: MIN_LETTERS });
  return ISO3_TO_BCP47[code];
}

// Serbian (sr) is written in both scripts, so it fits either.
const CYRILLIC_BCP47 = new Set(['ru', 'uk', 'be', 'bg', 'kk', 'mk', 'mn', 'ky', 'tg']);

/**
 * The declared language, when detection is unsure — unless it contradicts the text's script
 * (a Russian feed that says `<language>en</language>`).
 */
export function declaredLanguageFits(text: string, tag: string | undefined): string | undefined {
  const declared = languageFromTag(tag);
  if (!declared) return undefined;
  const script = scriptOf(text.slice(0, CENSUS_CHARS));
  if (script === 'cyrillic' && !CYRILLIC_BCP47.has(declared) && declared !== 'sr') return undefined;
  if (script === 'latin' && CYRILLIC_BCP47.has(declared)) return undefined;
  return declared;
}

/** A declared language tag (`ru-RU`, `en_GB`, `uk`) reduced to its BCP-47 primary subtag, if valid. */
export function languageFromTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
