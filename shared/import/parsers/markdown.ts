/**
 * Markdown → paragraphs of plain text. Not a full CommonMark renderer: enough to keep the words
 * and the paragraph structure of articles saved as Markdown (headings, lists, quotes, emphasis,
 * links, images, code, front matter).
 */
import type { ArticleMeta } from '../../model/types.ts';
import { normaliseLineEnds } from '../../text/normalise.ts';
import { toIsoDate } from '../dates.ts';
import { mapColumns } from '../fields.ts';
import type { RawArticle } from '../raw-article.ts';

/** Inline Markdown → text. */
function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '') // images carry no article text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // [text](url)
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // [text][ref]
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '$1')
    // Underscores only at word edges: snake_case_names stay as written.
    .replace(/(^|[^\p{L}\p{N}_])__(?=\S)(.+?)(?<=\S)__(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

/** `---` YAML front matter with simple `key: value` lines. */
function frontMatter(lines: string[]): { fields: Record<string, string>; rest: string[] } {
  if (lines[0]?.trim() !== '---') return { fields: {}, rest: lines };
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0) return { fields: {}, rest: lines };
  const fields: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const m = /^([\w-]+)\s*:\s*(.*)$/.exec(line);
    if (m?.[1] && m[2]) fields[m[1]] = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { fields, rest: lines.slice(end + 1) };
}

export function parseMarkdown(source: string): RawArticle {
  const { fields, rest } = frontMatter(normaliseLineEnds(source).split('\n'));
  const mapping = mapColumns(Object.keys(fields));
  const pick = (f: keyof typeof mapping) => (mapping[f] !== undefined ? fields[mapping[f]] : undefined);
  const fmTitle = pick('title');
  const paragraphs: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  let title: string | undefined;
  const flush = () => {
    const p = inline(current.join(' ')).trim();
    if (p !== '') paragraphs.push(p);
    current = [];
  };
  for (const raw of rest) {
    const line = raw.replace(/\s+$/, '');
    const fenceMark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fence) {
      if (fenceMark === fence) {
        fence = undefined;
        flush();
      } else current.push(line.trim());
      continue;
    }
    if (fenceMark) {
      flush();
      fence = fenceMark;
      continue;
    }
    if (line.trim() === '' || /^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const text = inline(heading[2] ?? '').trim();
      // The first top-level heading before any text is the article's title.
      if (heading[1] === '#' && fmTitle === undefined && title === undefined && paragraphs.length === 0) title = text;
      else if (text !== '') paragraphs.push(text);
      continue;
    }
    // Setext headings ("Title\n=====") end the previous line's paragraph.
    if (/^\s*(=+|-+)\s*$/.test(line) && current.length > 0) {
      const text = inline(current.join(' ')).trim();
      current = [];
      if (/=/.test(line) && fmTitle === undefined && title === undefined && paragraphs.length === 0) title = text;
      else if (text !== '') paragraphs.push(text);
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      // Every list item is its own paragraph.
      flush();
      current.push(item[1] ?? '');
      continue;
    }
    current.push(line.replace(/^\s*(>\s?)+/, '').trim());
  }
  flush();

  const meta: ArticleMeta = {};
  const url = pick('url');
  if (url) meta.url = url;
  const outlet = pick('outlet');
  if (outlet) meta.outlet = outlet;
  const author = pick('author');
  if (author) meta.author = author;
  const date = pick('date');
  const iso = date ? toIsoDate(date) : undefined;
  if (iso) meta.publishedAt = iso;
  const article: RawArticle = { paragraphs, meta };
  if (fmTitle ?? title) article.title = fmTitle ?? title;
  const language = pick('language');
  if (language) article.declaredLanguage = language;
  return article;
}
