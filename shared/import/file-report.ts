/**
 * What the pipeline found in one file and what cleaning removed, for the import report: a
 * researcher checking a corpus wants to see that a feed was read as a feed, in KOI8-R, in
 * Russian, and that three furniture lines were dropped — not only a total.
 */
import { plural } from '../text/plural.ts';
import type { CleanStats } from './clean.ts';

export interface FileReport {
  file: string;
  /** "HTML page", "RSS feed", "CSV", "plain text"… */
  format: string;
  /** Text encoding the bytes were read in (text formats only). */
  encoding?: string;
  /** Articles the parser found in the file (batch rows, feed items), before cleaning. */
  items: number;
  /** Articles that came out of cleaning (before duplicate detection). */
  articles: number;
  /** Detected language → number of articles. */
  languages: Record<string, number>;
  /** What cleaning removed, summed over the file's articles. */
  removed: CleanStats;
  /** Things worth knowing that are not problems (fields of a feed that were not imported). */
  notes: string[];
}


/** "RSS feed · KOI8-R · 12 items → 11 articles · ru" */
export function describeDetection(r: FileReport): string {
  const parts = [r.format];
  if (r.encoding) parts.push(r.encoding.toUpperCase());
  const articles = plural(r.articles, 'article', 'articles');
  parts.push(r.items === r.articles ? articles : `${plural(r.items, 'item', 'items')} → ${articles}`);
  const langs = Object.entries(r.languages).sort((a, b) => b[1] - a[1]);
  if (langs.length === 1 && r.articles > 0) parts.push(langs[0]?.[0] ?? '');
  else if (langs.length > 1) parts.push(langs.map(([lang, n]) => `${lang} ${n}`).join(', '));
  return parts.join(' · ');
}

/** "repeated headline, run-on copy, 3 furniture lines", or '' when nothing was removed. */
export function describeRemoved(removed: CleanStats): string {
  const parts: string[] = [];
  if (removed.headline > 0) parts.push(removed.headline === 1 ? 'repeated headline' : `repeated headline ×${removed.headline}`);
  if (removed.runOn > 0) parts.push(removed.runOn === 1 ? 'run-on copy' : `${removed.runOn} run-on copies`);
  if (removed.duplicates > 0) parts.push(plural(removed.duplicates, 'duplicate paragraph', 'duplicate paragraphs'));
  if (removed.furniture > 0) parts.push(plural(removed.furniture, 'furniture line', 'furniture lines'));
  return parts.join(', ');
}

export function addStats(into: CleanStats, add: CleanStats): void {
  into.headline += add.headline;
  into.runOn += add.runOn;
  into.duplicates += add.duplicates;
  into.furniture += add.furniture;
}
