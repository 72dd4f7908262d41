import { positiveTerms, type QueryNode } from './query.ts';
import { queryStems, stemTerm } from './stem.ts';
import { tokenise, type Token } from './tokenise.ts';

/** One occurrence of a query word or phrase in a text: UTF-16 offsets, half-open. */
export interface Hit {
  start: number;
  end: number;
}

/** Index of the first token of each occurrence of `phrase` (folded words) among `tokens`. */
export function phraseStarts(tokens: readonly Token[], phrase: readonly string[]): number[] {
  const out: number[] = [];
  if (phrase.length === 0) return out;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let ok = true;
    for (let j = 0; j < phrase.length; j++) {
      if (tokens[i + j]?.term !== phrase[j]) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(i);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A quick test that can only say "no" wrongly never: the phrase's words, case-insensitive, with any
 * non-word characters between them. Tokenising a whole text is far slower, so it runs only where
 * this matches (a common phrase's candidates are thousands of articles).
 */
const probes = new Map<string, RegExp>();
function phraseProbe(phrase: readonly string[]): RegExp {
  const key = phrase.join(' ');
  let re = probes.get(key);
  if (!re) {
    if (probes.size > 1000) probes.clear();
    probes.set(key, (re = buildProbe(phrase)));
  }
  return re;
}

function buildProbe(phrase: readonly string[]): RegExp {
  const word = (w: string) => escape(w).replace(/е/g, '[её]').replace(/'/g, "['\u02bc\u2019\u2018`]");
  return new RegExp(phrase.map(word).join('[^\\p{L}\\p{M}\\p{N}]+'), 'giu');
}

/**
 * True when the text holds the phrase (folded words, in order, adjacent). Only the stretches the
 * probe finds are tokenised, each widened to white space on both sides (no word spans white
 * space, so its tokens are the text's own there): a common phrase's candidates are thousands of
 * articles, and tokenising each whole text was most of a phrase query's time.
 */
export function hasPhrase(text: string, phrase: readonly string[]): boolean {
  const re = phraseProbe(phrase);
  const nfc = text.normalize('NFC');
  re.lastIndex = 0;
  for (let m = re.exec(nfc); m; m = re.exec(nfc)) {
    const from = lastSpaceBefore(nfc, m.index);
    const to = firstSpaceFrom(nfc, m.index + m[0].length);
    if (phraseStarts(tokenise(nfc.slice(from, to)), phrase).length > 0) return true;
    // Overlapping occurrences ("a a a" for "a a"): the next try starts one character on.
    re.lastIndex = m.index + 1;
  }
  return false;
}

const SPACE = /\s/;

function lastSpaceBefore(text: string, i: number): number {
  let k = i;
  while (k > 0 && !SPACE.test(text[k - 1] as string)) k--;
  return k;
}

function firstSpaceFrom(text: string, i: number): number {
  let k = i;
  while (k < text.length && !SPACE.test(text[k] as string)) k++;
  return k;
}

/**
 * Every occurrence in `text` (an article of language `lang`) of the query's positive words and
 * phrases, by the same rules the index matches them, sorted and without overlaps: what the
 * results' snippets, the hit count, the find bar and KWIC show.
 */
export function findHits(text: string, lang: string | undefined, query: QueryNode | null): Hit[] {
  const terms = positiveTerms(query);
  if (terms.length === 0) return [];
  const tokens = tokenise(text);
  const found: Hit[] = [];
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const t of terms) {
    if (t.kind === 'phrase') {
      for (const i of phraseStarts(tokens, t.words)) found.push({ start: (tokens[i] as Token).start, end: (tokens[i + t.words.length - 1] as Token).end });
    } else if (t.prefix) {
      prefixes.push(t.word, ...queryStems(t.word));
    } else {
      for (const s of queryStems(t.word)) exact.add(s);
    }
  }
  if (exact.size > 0 || prefixes.length > 0) {
    for (const tok of tokens) {
      const stem = stemTerm(tok.term, lang);
      if (exact.has(stem) || prefixes.some((p) => tok.term.startsWith(p) || stem.startsWith(p))) found.push({ start: tok.start, end: tok.end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of found) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      last.end = Math.max(last.end, h.end);
    } else out.push({ ...h });
  }
  return out;
}

/** A window of text around a hit, cut at word boundaries, for a results list or a KWIC line. */
export interface Snippet {
  before: string;
  hit: string;
  after: string;
  /** Text was cut before `before` / after `after`. */
  cutBefore: boolean;
  cutAfter: boolean;
}

export function snippetAt(text: string, hit: Hit, context = 80): Snippet {
  let from = Math.max(0, hit.start - context);
  let to = Math.min(text.length, hit.end + context);
  // Move inwards to a space so the snippet starts and ends with whole words.
  if (from > 0) {
    const sp = text.indexOf(' ', from);
    if (sp >= 0 && sp < hit.start) from = sp + 1;
  }
  if (to < text.length) {
    const sp = text.lastIndexOf(' ', to);
    if (sp >= hit.end) to = sp;
  }
  const flat = (s: string) => s.replace(/\n+/g, ' ');
  return { before: flat(text.slice(from, hit.start)), hit: flat(text.slice(hit.start, hit.end)), after: flat(text.slice(hit.end, to)), cutBefore: from > 0, cutAfter: to < text.length };
}
