/**
 * Cleaning: turns a parsed article (title from metadata if any, raw body text or paragraphs)
 * into a title and a body that satisfies DESIGN.md §3, removing what scrapers add: the
 * headline repeated (also twice on one line), the run-on block (headline and/or every paragraph
 * glued together), duplicate and near-duplicate paragraphs, and site furniture at either end.
 */
import { joinParagraphs, normaliseInline, normaliseText, splitParagraphs } from '../text/normalise.ts';
import { toIsoDate } from './dates.ts';
import { isFurniture, stripFurniture } from './furniture.ts';

export interface CleanInput {
  /** Title from metadata (HTML meta, CSV column…), if the source had one. */
  title?: string;
  /** Body as text (paragraphs separated by blank lines, or one per line). */
  text?: string;
  /** Body as paragraphs, where the parser already knows them (HTML, DOCX, PDF). */
  paragraphs?: readonly string[];
}

export interface CleanResult {
  title: string;
  text: string;
}

/** What cleaning removed from one article, in paragraphs (or header lines) — for the import report. */
export interface CleanStats {
  /** The headline repeated in the body (also twice on one line). */
  headline: number;
  /** Run-on blocks: the body (and headline) glued together once more. */
  runOn: number;
  /** Duplicate and near-duplicate paragraphs. */
  duplicates: number;
  /** Site furniture: comment prompts, share/subscribe lines, navigation, related-posts lists. */
  furniture: number;
}

export const NO_CLEAN_STATS: Readonly<CleanStats> = { headline: 0, runOn: 0, duplicates: 0, furniture: 0 };

// A "short line" that can be a headline.
const MAX_TITLE_LENGTH = 200;
const MAX_TITLE_WORDS = 30;
// Near-duplicate paragraphs: Jaccard similarity of their word sets at or above this
// (one word changed in a 14-word paragraph gives ~0.86; unrelated sentences stay far below).
const NEAR_DUPLICATE = 0.8;
// Paragraphs with fewer words are compared exactly (after normalisation) only.
const MIN_WORDS_FOR_NEAR = 8;
// Share of a paragraph that other paragraphs must cover for it to be a run-on block.
const RUN_ON_COVERAGE = 0.9;
// Both checks compare paragraphs pairwise. An article has tens of paragraphs; a file with
// thousands is a dump, where run-on detection is skipped and near-duplicates are looked for
// among the last few paragraphs only (exact duplicates are always removed).
const MAX_PARAGRAPHS_FOR_RUN_ON = 2000;
const NEAR_DUPLICATE_WINDOW = 300;
const NEAR_DUPLICATE_WINDOW_IN_DUMPS = 50;

const compactCache = new Map<string, string>();

/** Comparison key: case, spaces and punctuation ignored. Memoised: each paragraph is compared many times. */
function compact(text: string): string {
  let key = compactCache.get(text);
  if (key === undefined) {
    key = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    compactCache.set(text, key);
  }
  return key;
}

/**
 * "Headline Headline" or "HeadlineHeadline" (or three or four times, as when the repeated
 * lines of a scraped header end up in one block) → "Headline"; otherwise undefined.
 * The unit must look like a headline (three words or more): "Bora Bora" is a name, not a repeat.
 */
export function undouble(line: string): string | undefined {
  const s = line.trim();
  for (let times = 2; times <= 4; times++) {
    for (const sep of [' ', '']) {
      const unitLength = (s.length - sep.length * (times - 1)) / times;
      if (!Number.isInteger(unitLength) || unitLength < 1) continue;
      const unit = s.slice(0, unitLength);
      if (unit.trim() !== unit || unit.split(' ').length < 3) continue;
      if (Array.from({ length: times }, () => unit).join(sep) === s) return unit;
    }
  }
  return undefined;
}

function isHeadlineLike(line: string): boolean {
  const words = line.split(' ').length;
  return (
    line.length > 0 &&
    line.length <= MAX_TITLE_LENGTH &&
    words <= MAX_TITLE_WORDS &&
    // "without final punctuation": a sentence ends in . ! ? … : ; , — a headline does not
    // (a question headline with "?" is the exception we accept losing).
    !/[.!?…:;,]$/u.test(line) &&
    // A dateline ("05.03.2024 10:15") or a lone number is not a headline.
    /\p{L}{2}/u.test(line) &&
    toIsoDate(line) === undefined
  );
}

/** The headline itself, or the headline repeated, in any case/spacing/punctuation. */
function isTitleRepeat(paragraph: string, titleKey: string): boolean {
  if (titleKey === '') return false;
  const k = compact(paragraph);
  return k.length % titleKey.length === 0 && k.length > 0 && k === titleKey.repeat(k.length / titleKey.length);
}

/**
 * Removes paragraphs made of other paragraphs (and the headline) glued together: at least two
 * other paragraphs occur inside them and together cover nearly all of their text.
 */
function removeRunOns(paragraphs: string[], titleKey: string): string[] {
  if (paragraphs.length > MAX_PARAGRAPHS_FOR_RUN_ON) return paragraphs;
  const keys = paragraphs.map(compact);
  const runOn = new Set<number>();
  keys.forEach((k, i) => {
    if (k.length === 0) return;
    let covered = 0;
    let parts = 0;
    if (titleKey !== '' && k.startsWith(titleKey) && k.length > titleKey.length) covered += titleKey.length;
    const seen = new Set<string>();
    keys.forEach((other, j) => {
      if (j === i || runOn.has(j) || other.length === 0 || other.length >= k.length || seen.has(other)) return;
      if (k.includes(other)) {
        seen.add(other);
        covered += other.length;
        parts++;
      }
    });
    if (parts >= 2 && covered >= RUN_ON_COVERAGE * k.length) runOn.add(i);
  });
  return paragraphs.filter((_, i) => !runOn.has(i));
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

function isNearDuplicate(vocab: Set<string>, kept: { vocab: Set<string> | undefined }[], window: number): boolean {
  for (let i = kept.length - 1; i >= 0 && i >= kept.length - window; i--) {
    const other = kept[i]?.vocab;
    if (other === undefined) continue;
    // Jaccard ≥ t needs the smaller set to be at least t times the larger: skip the rest cheaply.
    const [small, large] = vocab.size <= other.size ? [vocab.size, other.size] : [other.size, vocab.size];
    if (small < NEAR_DUPLICATE * large) continue;
    if (jaccard(vocab, other) >= NEAR_DUPLICATE) return true;
  }
  return false;
}

/** Keeps the first of each group of duplicate or near-duplicate paragraphs. */
function removeDuplicates(paragraphs: string[]): string[] {
  const window = paragraphs.length > MAX_PARAGRAPHS_FOR_RUN_ON ? NEAR_DUPLICATE_WINDOW_IN_DUMPS : NEAR_DUPLICATE_WINDOW;
  const seenKeys = new Set<string>();
  const kept: { text: string; vocab: Set<string> | undefined }[] = [];
  for (const p of paragraphs) {
    const k = compact(p);
    if (k === '' ? seenKeys.has(p) : seenKeys.has(k)) continue;
    seenKeys.add(k === '' ? p : k);
    const words = p.split(' ').length;
    const vocab = words >= MIN_WORDS_FOR_NEAR ? wordSet(p) : undefined;
    if (vocab && isNearDuplicate(vocab, kept, window)) continue;
    kept.push({ text: p, vocab });
  }
  return kept.map((k) => k.text);
}

/**
 * Plain text: the headline is found and its repeats removed line by line, before lines are
 * joined into paragraphs, because a scraped header often uses single line breaks even where
 * the body has blank lines between paragraphs.
 */
function headerPass(text: string, metaTitle: string, stats: CleanStats): { title: string; text: string } {
  const lines = normaliseText(text).split('\n');
  let title = metaTitle;
  let first = 0;
  while (first < lines.length && ((lines[first] ?? '') === '' || isFurniture(lines[first] ?? ''))) {
    if ((lines[first] ?? '') !== '') stats.furniture++;
    first++;
  }
  const rest = lines.slice(first);
  if (title === '') {
    const line = rest[0] ?? '';
    const candidate = undouble(line) ?? line;
    const next = rest[1] ?? '';
    // A next line starting in lower case continues a sentence: the first line is a hard-wrapped
    // fragment of the body, not a headline.
    const continues = /^\p{Ll}/u.test(next);
    if (isHeadlineLike(candidate) && !continues && rest.slice(1).some((l) => l !== '')) title = candidate;
  }
  const titleKey = compact(title);
  const kept = rest.filter((l) => !isTitleRepeat(l, titleKey));
  stats.headline += rest.length - kept.length;
  return { title, text: kept.join('\n') };
}

export function cleanArticle(input: CleanInput): CleanResult {
  const { title, text } = cleanArticleWithStats(input);
  return { title, text };
}

/** cleanArticle, also saying what it removed (the import report shows it per file). */
export function cleanArticleWithStats(input: CleanInput): CleanResult & { removed: CleanStats } {
  // The memo only has to live through one article.
  compactCache.clear();
  const stats: CleanStats = { ...NO_CLEAN_STATS };
  const strip = (ps: string[]) => {
    const kept = stripFurniture(ps);
    stats.furniture += ps.length - kept.length;
    return kept;
  };
  let title = normaliseInline(input.title ?? '');
  title = undouble(title) ?? title;
  let paragraphs: string[];
  if (input.paragraphs !== undefined) {
    paragraphs = strip(input.paragraphs.flatMap((p) => splitParagraphs(p)));
    if (title === '' && paragraphs.length > 1) {
      const first = paragraphs[0] ?? '';
      const candidate = undouble(first) ?? first;
      if (isHeadlineLike(candidate)) title = candidate;
    }
  } else {
    const header = headerPass(input.text ?? '', title, stats);
    title = header.title;
    paragraphs = strip(splitParagraphs(header.text));
  }
  const titleKey = compact(title);

  let before = paragraphs.length;
  paragraphs = paragraphs.filter((p) => !isTitleRepeat(p, titleKey));
  // A first paragraph that is a variant of the headline (the page's <h1> shorter or longer than
  // its og:title) is still the headline repeated.
  const first = paragraphs[0];
  if (first !== undefined && titleKey !== '' && isHeadlineLike(first)) {
    const k = compact(first);
    const overlap = Math.min(k.length, titleKey.length) / Math.max(k.length, titleKey.length);
    if ((titleKey.includes(k) || k.includes(titleKey)) && overlap >= 0.5) paragraphs = paragraphs.slice(1);
  }
  stats.headline += before - paragraphs.length;
  before = paragraphs.length;
  paragraphs = removeRunOns(paragraphs, titleKey);
  stats.runOn += before - paragraphs.length;
  before = paragraphs.length;
  paragraphs = removeDuplicates(paragraphs);
  stats.duplicates += before - paragraphs.length;
  // Removing repeats can expose furniture that sat between them.
  paragraphs = strip(paragraphs);

  // No metadata title and no headline line: the title stays empty rather than repeating the
  // first words of the body (the app shows an excerpt; datasets keep the source's truth).
  return { title, text: joinParagraphs(paragraphs), removed: stats };
}
