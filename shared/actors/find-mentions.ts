/**
 * Finds an actor's mentions in a text by its name and aliases, also where the name is inflected:
 * Russian, Ukrainian and Belarusian names decline (Лукашенко / Лукашенку / Лукашенком;
 * Зеленський / Зеленського; Лукашэнка / Лукашэнкам), English adds possessives
 * ("Tsikhanouskaya's") and writes first names as initials ("S. Tsikhanouskaya").
 *
 * How a word of a name matches a word of the text (rules in docs/networks.md, "Finding mentions"):
 * - equal after folding as the search index folds (shared/search/normalise.ts: case, stress
 *   marks, ё → е, one apostrophe);
 * - in Cyrillic, equal stems of the search index's stemmers (shared/search/stem.ts: the Snowball
 *   Russian and Ukrainian stemmers of @orama/stemmers, suffix rules for Belarusian); the article's
 *   language picks the stemmer, an unknown language tries all three;
 * - short words (≤ 3 letters: EU, ЄС, МВФ) and words with digits only match whole;
 * - a capitalised name word only matches a capitalised text word (зеленский "green" is not Зеленский);
 * - English: a possessive 's / ’s after the name is matched but left out of the mention;
 * - any word but the last may be written as an initial with a full stop ("S. Tsikhanouskaya",
 *   "А. Г. Лукашенко": extra initials before the last word are allowed);
 * - for a person, the last word of a multi-word name alone is a mention too (surname).
 *
 * Offsets are UTF-16 code units into the text, as the app stores them. Pure: no DOM, no Node.
 */
import { foldTerm } from '../search/normalise.ts';
import { stemWith } from '../search/stem.ts';

export type StemLanguage = 'ru' | 'uk' | 'be';
const CYRILLIC_LANGUAGES: readonly StemLanguage[] = ['ru', 'uk', 'be'];

export interface ActorNames {
  name: string;
  aliases?: readonly string[];
  /** The registry's kind; a `person` is also found by surname alone. */
  kind?: string | null;
}

export interface MentionMatch {
  /** UTF-16 offsets into the text, end-exclusive. */
  start: number;
  end: number;
  quote: string;
  /** The name or alias that matched (for a surname alone: the full name it is the surname of). */
  alias: string;
}

export interface MatcherOptions {
  /** Match the last word of a multi-word name alone (default: true for kind "person"). */
  surnames?: boolean;
}

const MIN_STEM = 3;

/**
 * A word folded as the search index folds it (shared/search/normalise.ts: case, ё → е, stress
 * marks, one apostrophe), so a name matches what a search for it finds.
 */
export function foldWord(s: string): string {
  return foldTerm(s);
}

/** Belarusian spells у as ў after a vowel, also across words ("на Ўладзіміра"): compare as у. */
function unshortU(lang: StemLanguage, fold: string): string {
  return lang === 'be' && fold.startsWith('ў') ? 'у' + fold.slice(1) : fold;
}

/** The search index's stem of a folded Cyrillic word in one language (memoised there). */
function stemAs(lang: StemLanguage, fold: string): string {
  return stemWith(lang, unshortU(lang, fold));
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const UPPER = /^\p{Lu}/u;

interface Token {
  start: number;
  end: number;
  raw: string;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
  return out;
}

/** Up to `max` words from `at` (a word start), stopping at a gap no name has (more than three characters). */
function tokensAt(text: string, at: number, max: number): Token[] {
  const re = new RegExp(WORD.source, 'gu');
  re.lastIndex = at;
  const out: Token[] = [];
  for (let m = re.exec(text); m && out.length < max; m = re.exec(text)) {
    const prevEnd = out.length === 0 ? at : out[out.length - 1]!.end;
    if (m.index - prevEnd > 3 || (out.length === 0 && m.index !== at)) break;
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}

interface NameWord {
  fold: string;
  /** Only matches a whole word: short words, acronyms with digits. */
  whole: boolean;
  capital: boolean;
  cyrillic: boolean;
  stems: Partial<Record<StemLanguage, string>>;
}

interface Pattern {
  words: NameWord[];
  alias: string;
}

function nameWord(raw: string): NameWord {
  const fold = foldWord(raw);
  const letters = [...fold].length;
  const cyrillic = CYRILLIC.test(fold);
  const whole = letters <= 3 || /\d/.test(fold);
  const stems: NameWord['stems'] = {};
  if (cyrillic && !whole) {
    for (const lang of CYRILLIC_LANGUAGES) {
      const s = stemAs(lang, fold);
      // A stem this short would match unrelated words: such a name word only matches whole.
      if ([...s].length >= MIN_STEM) stems[lang] = s;
    }
  }
  return { fold, whole, capital: UPPER.test(raw), cyrillic, stems };
}

/** A gap between two words of one name: spaces, or one hyphen ("Jean-Claude"). */
const NAME_GAP = /^(?:[ \t\u00a0\u202f]+|[-‐‑])$/u;
/** After an initial: its full stop, then optional spaces ("S. Tsikhanouskaya", "А.Г. Лукашенко"). */
const INITIAL_GAP = /^\.[ \t\u00a0\u202f]*$/u;

export interface ActorMatcher {
  /** Mentions in `text` (UTF-16 offsets), in text order, never overlapping (the longest wins). */
  find(text: string, language?: string | null): MentionMatch[];
}

/** Compiles an actor's names once, to search many texts. */
export function actorMatcher(actor: ActorNames, opts: MatcherOptions = {}): ActorMatcher {
  const surnames = opts.surnames ?? actor.kind === 'person';
  const patterns: Pattern[] = [];
  const seen = new Set<string>();
  const add = (words: NameWord[], alias: string) => {
    const key = words.map((w) => w.fold).join(' ');
    if (words.length === 0 || seen.has(key)) return;
    seen.add(key);
    patterns.push({ words, alias });
  };
  const names = [actor.name, ...(actor.aliases ?? [])].map((n) => n.trim()).filter(Boolean);
  for (const name of names) add(tokenize(name).map((t) => nameWord(t.raw)), name);
  if (surnames) {
    for (const name of names) {
      const words = tokenize(name);
      if (words.length < 2) continue;
      const last = nameWord(words[words.length - 1]!.raw);
      if (!last.whole) add([last], name);
    }
  }
  // Where a mention can start: a word beginning with the first two letters of some name's first
  // word (case-insensitively; е also as ё, у also as ў), or an initial of a first word.
  const heads = new Set<string>();
  const initials = new Set<string>();
  for (const p of patterns) {
    const w = p.words[0]!;
    heads.add([...w.fold].slice(0, 2).join(''));
    if (p.words.length > 1) initials.add([...w.fold][0]!);
  }
  // Each letter as a class of its cases and spellings, without the i and u flags: a case-
  // insensitive Unicode expression scanned the texts about ten times slower (bench/parts/mentions.ts).
  const escape = (ch: string) => ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  const variant = (ch: string) => {
    const forms = new Set([ch, ch.toUpperCase(), ch.toLowerCase(), ...(ch === 'е' ? ['ё', 'Ё'] : ch === 'у' ? ['ў', 'Ў'] : [])]);
    return forms.size === 1 ? escape(ch) : `[${[...forms].map(escape).join('')}]`;
  };
  const alternatives = [...[...heads].map((h) => [...h].map(variant).join('')), ...[...initials].map((c) => `${variant(c)}(?=\\.)`)];
  // Outside the Basic Multilingual Plane a letter is two code units: then the slower Unicode form.
  const bmp = [...heads, ...initials].every((h) => [...h].every((ch) => ch.length === 1 && ch.toUpperCase().length === 1));
  const startPattern = new RegExp(alternatives.join('|') || '(?!)', bmp ? 'g' : 'giu');
  // A name of n words takes at most n tokens, plus initials of a patronymic.
  const maxTokens = Math.max(1, ...patterns.map((p) => p.words.length)) + 3;
  /** How a text word matches a name word: the end of the mention in the word, or -1. */
  function wordMatch(w: NameWord, t: Token, f: string, langs: readonly StemLanguage[]): number {
    if (w.capital && !UPPER.test(t.raw)) return -1;
    if (f === w.fold) return t.end;
    // English possessive: "Tsikhanouskaya's" is a mention of "Tsikhanouskaya" (apostrophe folded to ').
    if (f.endsWith("'s") && f.slice(0, -2) === w.fold) return t.end - 2;
    if (w.whole || !w.cyrillic) return -1;
    for (const lang of langs) {
      const stem = w.stems[lang];
      // Stemmers only remove endings: a word that does not start like the stem cannot match.
      if (stem === undefined || unshortU(lang, f.slice(0, MIN_STEM)) !== stem.slice(0, MIN_STEM)) continue;
      if (stemAs(lang, f) === stem) return t.end;
    }
    return -1;
  }

  function isInitial(t: Token, text: string): boolean {
    return t.raw.length === 1 && UPPER.test(t.raw) && text[t.end] === '.';
  }

  return {
    find(text, language) {
      const lang = (language ?? '').toLowerCase().slice(0, 2);
      const langs = (CYRILLIC_LANGUAGES as readonly string[]).includes(lang) ? [lang as StemLanguage] : CYRILLIC_LANGUAGES;
      const found: MentionMatch[] = [];
      // Only where a word starts as some name does (a regular expression over the whole text,
      // far cheaper than splitting every text into words) are the next few words read and compared.
      const starts = new RegExp(startPattern.source, startPattern.flags);
      for (let m = starts.exec(text); m; m = starts.exec(text)) {
        if (m.index > 0 && WORD_CHAR.test(text[m.index - 1]!)) continue;
        const tokens = tokensAt(text, m.index, maxTokens);
        if (tokens.length === 0) continue;
        starts.lastIndex = tokens[0]!.end;
        const folds: (string | undefined)[] = new Array(tokens.length);
        const foldAt = (i: number) => (folds[i] ??= foldWord(tokens[i]!.raw));
        for (const p of patterns) {
          const end = matchAt(p, tokens, foldAt);
          if (end >= 0) found.push({ start: tokens[0]!.start, end, quote: text.slice(tokens[0]!.start, end), alias: p.alias });
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const out: MentionMatch[] = [];
      for (const m of found) if (out.length === 0 || m.start >= out[out.length - 1]!.end) out.push(m);
      return out;

      /** The end of a mention of `p` starting at the first token, or -1. */
      function matchAt(p: Pattern, tokens: Token[], foldAt: (i: number) => string): number {
        let ti = 0;
        const n = p.words.length;
        for (let k = 0; k < n; k++) {
          const t = tokens[ti];
          if (!t) return -1;
          if (k > 0) {
            const prev = tokens[ti - 1]!;
            const gap = text.slice(prev.end, t.start);
            if (!(isInitial(prev, text) ? INITIAL_GAP : NAME_GAP).test(gap)) return -1;
          }
          const w = p.words[k]!;
          if (k < n - 1 && isInitial(t, text) && foldAt(ti) === [...w.fold][0]) {
            ti++;
            // Further initials (a patronymic) before the last word: "А. Г. Лукашенко".
            if (k === n - 2) {
              while (tokens[ti] && isInitial(tokens[ti]!, text) && INITIAL_GAP.test(text.slice(tokens[ti - 1]!.end, tokens[ti]!.start))) ti++;
            }
            continue;
          }
          const end = wordMatch(w, t, foldAt(ti), langs);
          if (end < 0) return -1;
          if (k === n - 1) return end;
          // A possessive inside a name ("Sviatlana's Tsikhanouskaya") is no name.
          if (end !== t.end) return -1;
          ti++;
        }
        return -1;
      }
    },
  };
}

/** One-off search; compile with `actorMatcher` to search many texts. */
export function findMentions(text: string, actor: ActorNames, language?: string | null, opts: MatcherOptions = {}): MentionMatch[] {
  return actorMatcher(actor, opts).find(text, language);
}
