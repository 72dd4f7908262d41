/**
 * Maps the fields of a batch record (JSON object, CSV row) to an article by common names.
 * Unmapped fields are kept as `meta.extra`, as they were.
 */
import type { ArticleMeta } from '../model/types.ts';
import { toIsoDate } from './dates.ts';
import { htmlFragmentToParagraphs, looksLikeHtml } from './parsers/html-blocks.ts';
import type { RawArticle } from './raw-article.ts';

type Field = 'title' | 'text' | 'url' | 'date' | 'outlet' | 'author' | 'language';

/** Accepted names per field, compared without case, spaces, `_` or `-`; first match wins. */
export const FIELD_NAMES: Record<Field, readonly string[]> = {
  title: ['title', 'headline', 'heading', 'subject'],
  text: ['text', 'body', 'content', 'articlebody', 'fulltext', 'article', 'maintext', 'bodytext', 'articletext'],
  url: ['url', 'link', 'canonicalurl', 'permalink', 'sourceurl', 'href', 'uri'],
  date: ['date', 'published', 'publishedat', 'publicationdate', 'pubdate', 'datepublished', 'publishdate', 'datetime', 'time', 'created', 'createdat'],
  outlet: ['outlet', 'source', 'site', 'sitename', 'publication', 'publisher', 'media', 'newspaper', 'domain'],
  author: ['author', 'byline', 'authors', 'creator', 'writer'],
  language: ['language', 'lang', 'locale', 'inlanguage'],
};

export const TEXT_FIELD_NAMES = FIELD_NAMES.text;

export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** Which input column each field comes from; a column maps to at most one field. */
export function mapColumns(columns: readonly string[]): Partial<Record<Field, string>> {
  const mapping: Partial<Record<Field, string>> = {};
  const used = new Set<string>();
  for (const field of Object.keys(FIELD_NAMES) as Field[]) {
    for (const name of FIELD_NAMES[field]) {
      const column = columns.find((c) => !used.has(c) && fieldKey(c) === name);
      if (column !== undefined) {
        mapping[field] = column;
        used.add(column);
        break;
      }
    }
  }
  return mapping;
}

/** A field value as text: strings as they are, names of objects (`{name}`), lists joined. */
export function valueToString(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(valueToString).filter((v): v is string => v !== undefined && v.trim() !== '');
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (typeof value === 'object') {
    const named = (value as Record<string, unknown>).name;
    if (typeof named === 'string') return named;
    return JSON.stringify(value);
  }
  return undefined;
}

export type RecordResult = { article: RawArticle } | { error: string };

/** One record → a raw article, or an error naming what is missing. */
export function recordToArticle(record: Record<string, unknown>, mapping = mapColumns(Object.keys(record))): RecordResult {
  const get = (field: Field): string | undefined => {
    const column = mapping[field];
    if (column === undefined) return undefined;
    const v = valueToString(record[column])?.trim();
    return v === '' ? undefined : v;
  };
  const text = get('text');
  if (text === undefined) {
    const column = mapping.text;
    return { error: column === undefined ? `no text field (expected one of: ${TEXT_FIELD_NAMES.join(', ')})` : `empty "${column}"` };
  }
  const meta: ArticleMeta = {};
  const url = get('url');
  if (url) meta.url = url;
  const outlet = get('outlet');
  if (outlet) meta.outlet = outlet;
  const author = get('author');
  if (author) meta.author = author;
  const extra: Record<string, string> = {};
  const date = get('date');
  if (date) {
    const iso = toIsoDate(date);
    if (iso) meta.publishedAt = iso;
    // Kept as written when unreadable, so nothing the researcher had is lost.
    else if (mapping.date) extra[mapping.date] = date;
  }
  const mapped = new Set(Object.values(mapping));
  for (const [key, value] of Object.entries(record)) {
    if (mapped.has(key)) continue;
    const v = valueToString(value);
    if (v !== undefined && v !== '') extra[key] = v;
  }
  if (Object.keys(extra).length > 0) meta.extra = extra;
  const title = get('title');
  const language = get('language');
  const article: RawArticle = { meta };
  if (title !== undefined) article.title = title;
  if (language !== undefined) article.declaredLanguage = language;
  if (looksLikeHtml(text)) article.paragraphs = htmlFragmentToParagraphs(text);
  else article.text = text;
  return { article };
}
