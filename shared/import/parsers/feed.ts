/**
 * XML feeds and exports → articles: RSS 2.0 / 0.9x, RSS 1.0 (RDF), Atom, and other XML exports
 * that hold a list of records (each record mapped like a JSON object by fields.ts).
 * Parsed by fast-xml-parser (no DTD fetching, no external entities); HTML inside text fields goes
 * through the same HTML-to-paragraphs path as HTML pages (linkedom: data only, never executed).
 */
import { plural } from '../../text/plural.ts';
import { XMLParser, type X2jOptions } from 'fast-xml-parser';
import type { ArticleMeta } from '../../model/types.ts';
import { normaliseInline, splitParagraphs } from '../../text/normalise.ts';
import { cleanAuthor } from '../byline.ts';
import { toIsoDate } from '../dates.ts';
import { mapColumns, recordToArticle, TEXT_FIELD_NAMES } from '../fields.ts';
import { NUL_RECORD, type ParseResult, type RawArticle } from '../raw-article.ts';
import { htmlFragmentToParagraphs } from './html-blocks.ts';
import { errorMessage } from '../../errors.ts';

type Node = Record<string, unknown>;

export type XmlKind = 'rss' | 'rdf' | 'atom' | 'xml';

export const XML_KIND_NAMES: Record<XmlKind, string> = {
  rss: 'RSS feed',
  rdf: 'RSS 1.0 feed',
  atom: 'Atom feed',
  xml: 'XML export',
};

/**
 * What an XML document is, from its first element (after the prolog, comments, processing
 * instructions and a doctype); undefined when the text is not XML or is an (X)HTML page.
 */
export function sniffXml(text: string): XmlKind | undefined {
  const head = text.slice(0, 4096).replace(/^\ufeff/, '');
  const m = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<([A-Za-z_][\w.:-]*)[\s>/]/.exec(head);
  const root = m?.[1]?.toLowerCase();
  if (!root || root === 'html') return undefined;
  if (root === 'rss') return 'rss';
  if (root === 'rdf:rdf') return 'rdf';
  if (root === 'feed' || root.endsWith(':feed')) return 'atom';
  // A bare root element without a prolog could be an HTML fragment: only a prolog makes it XML.
  return /^\s*<\?xml\s/.test(head) ? 'xml' : undefined;
}

const ARRAYS = new Set(['item', 'entry', 'category', 'link', 'author', 'dc:creator', 'dc:subject', 'contributor']);

const OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Values stay text: "2024" is a title, not a number.
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // Feeds written by HTML tools use &nbsp; &mdash; &laquo; without declaring them.
  htmlEntities: true,
  trimValues: true,
  // Atom content of type "xhtml" is markup: kept raw and read as HTML.
  stopNodes: ['feed.entry.content', 'feed.entry.summary'],
  isArray: (name: string) => ARRAYS.has(name),
};

const parser = new XMLParser(OPTIONS);
const unescaper = new XMLParser({ ...OPTIONS, stopNodes: [], isArray: () => false });

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The text of an element: a string, or its #text next to attributes. */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return textOf(v[0]);
  if (isNode(v)) {
    const t = v['#text'];
    return typeof t === 'string' ? t : undefined;
  }
  return undefined;
}

function field(node: Node, ...names: string[]): unknown {
  for (const name of names) if (node[name] !== undefined && node[name] !== '') return node[name];
  return undefined;
}

const ANY_TAG = /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i;

/**
 * Text of a feed field → paragraphs. HTML (RSS allows entity-encoded HTML in descriptions) goes
 * through the HTML path; plain text keeps its line structure. Either way entities left after XML
 * decoding (`&quot;` in double-escaped feeds) are decoded once more, as every feed reader does.
 */
export function feedTextToParagraphs(text: string, html = ANY_TAG.test(text)): string[] {
  if (html) return htmlFragmentToParagraphs(text);
  const paragraphs = splitParagraphs(text);
  if (!paragraphs.some((p) => p.includes('&'))) return paragraphs;
  return htmlFragmentToParagraphs(paragraphs.map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`).join(''));
}

function inlineText(text: string | undefined, html = false): string | undefined {
  if (text === undefined) return undefined;
  const s = normaliseInline(feedTextToParagraphs(text, html).join(' '));
  return s === '' ? undefined : s;
}

/** Raw Atom text construct (a stop node) → paragraphs, by its `type`. */
function atomText(v: unknown): string[] {
  const raw = textOf(v);
  if (raw === undefined || raw.trim() === '') return [];
  const type = isNode(v) ? String(v['@_type'] ?? 'text').toLowerCase() : 'text';
  if (type === 'xhtml' || type.includes('xhtml')) return htmlFragmentToParagraphs(raw);
  const parsed: unknown = unescaper.parse(`<x>${raw}</x>`);
  const text = isNode(parsed) ? textOf(parsed.x) : undefined;
  if (text === undefined) return [];
  return feedTextToParagraphs(text, type === 'html' || type.includes('html') ? true : undefined);
}

function atomInline(v: unknown): string | undefined {
  const type = isNode(v) ? String(v['@_type'] ?? 'text').toLowerCase() : 'text';
  return inlineText(textOf(v), type.includes('html'));
}

/** "editor@site.ru (Анна Петрова)" → "Анна Петрова"; a bare address is kept as it is. */
function rssAuthor(v: string): string {
  const named = /^\s*\S+@\S+\s*\((.+)\)\s*$/.exec(v);
  return (named?.[1] ?? v).trim();
}

function listText(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => (isNode(x) && typeof x.name === 'string' ? x.name : textOf(x))).filter((x): x is string => x !== undefined && x.trim() !== '');
}

interface FeedContext {
  kind: XmlKind;
  outlet?: string;
  language?: string;
  /** Item fields we could not keep, with how many items had them. */
  skipped: Map<string, number>;
}

// Fields read into the article (or deliberately left: they repeat the feed or the item).
const RSS_KNOWN = new Set([
  'title', 'link', 'description', 'content:encoded', 'yandex:full-text', 'pubDate', 'dc:date', 'author', 'dc:creator',
  'guid', 'category', 'dc:subject', 'enclosure', 'comments', 'source', 'dc:language', 'pdalink', 'amplink', 'yandex:genre',
  '@_rdf:about', 'dc:format', 'dc:publisher', 'rdf:about',
]);
const ATOM_KNOWN = new Set(['title', 'link', 'id', 'content', 'summary', 'published', 'updated', 'author', 'contributor', 'category', '@_xml:lang', 'rights', 'source']);

/** Unmapped fields: plain text ones are kept in meta.extra, structured ones are counted for the report. */
function keepRest(item: Node, known: Set<string>, extra: Record<string, string>, ctx: FeedContext) {
  for (const [key, value] of Object.entries(item)) {
    if (known.has(key)) continue;
    if (key.startsWith('@_')) continue;
    const text = typeof value === 'string' ? inlineText(value) : undefined;
    if (text !== undefined) extra[key] = text;
    else ctx.skipped.set(key, (ctx.skipped.get(key) ?? 0) + 1);
  }
}

function setDate(meta: ArticleMeta, extra: Record<string, string>, raw: string | undefined) {
  if (!raw) return;
  const iso = toIsoDate(raw);
  if (iso) meta.publishedAt = iso;
  else extra.date = raw;
}

function setAuthor(meta: ArticleMeta, extra: Record<string, string>, raw: string | undefined) {
  if (!raw) return;
  const { author, changed } = cleanAuthor(raw);
  if (author) meta.author = author;
  if (changed) extra.byline = raw;
}

type ItemResult = { article: RawArticle } | { error: string };

function rssItem(item: Node, ctx: FeedContext): ItemResult {
  const meta: ArticleMeta = {};
  const extra: Record<string, string> = {};
  const title = inlineText(textOf(item.title));
  // The fullest text the feed offers; the short description is kept as the lead when it is not the body.
  const full = textOf(field(item, 'yandex:full-text', 'content:encoded'));
  const description = textOf(item.description);
  const body = full ?? description;
  const paragraphs = body ? feedTextToParagraphs(body) : [];
  if (full && description) {
    const lead = inlineText(description);
    if (lead) extra.description = lead;
  }
  const links = listText(item.link);
  const guid = textOf(item.guid);
  const permalink = isNode(item.guid) && String(item.guid['@_isPermaLink']).toLowerCase() === 'false' ? undefined : guid;
  const url = links[0] ?? (permalink && /^https?:\/\//i.test(permalink) ? permalink : undefined) ?? (typeof item['@_rdf:about'] === 'string' ? item['@_rdf:about'] : undefined);
  if (url) meta.url = url.trim();
  if (guid && guid.trim() !== meta.url) extra.guid = guid.trim();
  if (ctx.outlet) meta.outlet = ctx.outlet;
  const authors = [...listText(item.author).map(rssAuthor), ...listText(item['dc:creator'])];
  setAuthor(meta, extra, authors.length > 0 ? [...new Set(authors)].join(', ') : undefined);
  setDate(meta, extra, textOf(field(item, 'pubDate', 'dc:date')));
  const categories = [...listText(item.category), ...listText(item['dc:subject'])];
  if (categories.length > 0) extra.categories = categories.join(', ');
  const enclosure = isNode(item.enclosure) ? item.enclosure['@_url'] : undefined;
  if (typeof enclosure === 'string') extra.enclosure = enclosure;
  keepRest(item, RSS_KNOWN, extra, ctx);
  if (paragraphs.length === 0) return { error: `no text (description, content:encoded and yandex:full-text are ${body ? 'empty' : 'missing'})` };
  if (Object.keys(extra).length > 0) meta.extra = extra;
  const article: RawArticle = { paragraphs, meta };
  if (title) article.title = title;
  const language = textOf(item['dc:language']) ?? ctx.language;
  if (language) article.declaredLanguage = language;
  return { article };
}

function atomItem(entry: Node, ctx: FeedContext): ItemResult {
  const meta: ArticleMeta = {};
  const extra: Record<string, string> = {};
  const title = atomInline(entry.title);
  const content = atomText(entry.content);
  const summary = atomText(entry.summary);
  const paragraphs = content.length > 0 ? content : summary;
  if (content.length > 0 && summary.length > 0) extra.description = normaliseInline(summary.join(' '));
  const links = (Array.isArray(entry.link) ? entry.link : []).filter(isNode);
  const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
  const href = alternate?.['@_href'];
  if (typeof href === 'string') meta.url = href.trim();
  const id = textOf(entry.id);
  if (id && id !== meta.url) extra.id = id;
  if (ctx.outlet) meta.outlet = ctx.outlet;
  const authors = listText(entry.author);
  setAuthor(meta, extra, authors.length > 0 ? authors.join(', ') : undefined);
  const published = textOf(entry.published);
  setDate(meta, extra, published ?? textOf(entry.updated));
  if (published && textOf(entry.updated)) extra.updated = textOf(entry.updated) as string;
  const categories = (Array.isArray(entry.category) ? entry.category : []).map((c) => (isNode(c) ? (c['@_label'] ?? c['@_term']) : c)).filter((c): c is string => typeof c === 'string');
  if (categories.length > 0) extra.categories = categories.join(', ');
  keepRest(entry, ATOM_KNOWN, extra, ctx);
  if (paragraphs.length === 0) return { error: `no text (content and summary are ${entry.content ?? entry.summary ? 'empty' : 'missing'})` };
  if (Object.keys(extra).length > 0) meta.extra = extra;
  const article: RawArticle = { paragraphs, meta };
  if (title) article.title = title;
  const language = typeof entry['@_xml:lang'] === 'string' ? entry['@_xml:lang'] : ctx.language;
  if (language) article.declaredLanguage = language;
  return { article };
}

function hasNul(node: Node): boolean {
  return JSON.stringify(node).includes('\\u0000');
}

/** Items of a feed → parse result, naming each as people count them ("item 3", from 1). */
function collect(items: Node[], noun: string, read: (item: Node) => ItemResult): ParseResult {
  const result: ParseResult = { articles: [], problems: [] };
  items.forEach((item, index) => {
    const title = inlineText(textOf(item.title));
    const where = `${noun} ${index + 1}${title ? ` ("${title.length > 60 ? `${title.slice(0, 59)}…` : title}")` : ''}`;
    // Text normalisation would drop the NULs silently: an item holding binary junk is named instead.
    const r = hasNul(item) ? { error: NUL_RECORD } : read(item);
    if ('error' in r) result.problems.push({ index, message: `${where}: ${r.error}` });
    else result.articles.push({ ...r.article, index, where });
  });
  return result;
}

/** Records of another XML export: the largest list of like elements that has a text field. */
function genericRecords(root: Node): Node[] | undefined {
  let best: Node[] | undefined;
  const visit = (node: Node, depth: number) => {
    for (const value of Object.values(node)) {
      const list = (Array.isArray(value) ? value : [value]).filter(isNode);
      if (list.length === 0) continue;
      const flat = list.map((n) => Object.fromEntries(Object.entries(n).map(([k, v]) => [k, textOf(v)])));
      if (mapColumns(Object.keys(flat[0] ?? {})).text !== undefined && list.length > (best?.length ?? 0)) best = flat as Node[];
      if (depth < 3) for (const n of list) visit(n, depth + 1);
    }
  };
  visit(root, 0);
  return best;
}

function skippedNote(ctx: FeedContext): string[] {
  if (ctx.skipped.size === 0) return [];
  const parts = [...ctx.skipped].map(([name, n]) => `${name} (${plural(n, 'item')})`);
  return [`fields not imported: ${parts.join(', ')}`];
}

export interface FeedParseResult extends ParseResult {
  kind: XmlKind;
  notes: string[];
}

export function parseXmlFeed(text: string, kind: XmlKind): FeedParseResult {
  let doc: unknown;
  try {
    doc = parser.parse(text, true);
  } catch (error) {
    const reason = errorMessage(error);
    return { kind, notes: [], articles: [], problems: [{ message: `not well-formed XML: ${reason}` }] };
  }
  if (!isNode(doc)) return { kind, notes: [], articles: [], problems: [{ message: 'empty XML document' }] };
  const ctx: FeedContext = { kind, skipped: new Map() };
  if (kind === 'rss' || kind === 'rdf') {
    const root = isNode(doc.rss) ? doc.rss : isNode(doc['rdf:RDF']) ? doc['rdf:RDF'] : {};
    const channel = isNode(root.channel) ? root.channel : {};
    ctx.outlet = inlineText(textOf(channel.title));
    ctx.language = textOf(field(channel, 'language', 'dc:language'));
    const items = ([] as unknown[]).concat(channel.item ?? [], root.item ?? []).filter(isNode);
    if (items.length === 0) return { kind, notes: [], articles: [], problems: [{ message: 'feed has no items' }] };
    return { ...collect(items, 'item', (item) => rssItem(item, ctx)), kind, notes: skippedNote(ctx) };
  }
  if (kind === 'atom') {
    const rootKey = Object.keys(doc).find((k) => k === 'feed' || k.endsWith(':feed'));
    const feed = rootKey && isNode(doc[rootKey]) ? doc[rootKey] : {};
    ctx.outlet = atomInline(feed.title);
    ctx.language = typeof feed['@_xml:lang'] === 'string' ? feed['@_xml:lang'] : undefined;
    const entries = ([] as unknown[]).concat(feed.entry ?? []).filter(isNode);
    if (entries.length === 0) return { kind, notes: [], articles: [], problems: [{ message: 'feed has no entries' }] };
    return { ...collect(entries, 'entry', (entry) => atomItem(entry, ctx)), kind, notes: skippedNote(ctx) };
  }
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  const root = rootName ? doc[rootName] : undefined;
  const records = isNode(root) ? genericRecords(root) : undefined;
  if (!records) {
    return {
      kind,
      notes: [],
      articles: [],
      problems: [{ message: `XML <${rootName ?? '?'}> is neither an RSS/Atom feed nor a list of records with a text field (expected one of: ${TEXT_FIELD_NAMES.join(', ')})` }],
    };
  }
  const result: ParseResult = { articles: [], problems: [] };
  records.forEach((record, index) => {
    const where = `record ${index + 1}`;
    const r = hasNul(record) ? { error: NUL_RECORD } : recordToArticle(record);
    if ('error' in r) result.problems.push({ index, message: `${where}: ${r.error}` });
    else result.articles.push({ ...r.article, index, where });
  });
  return { ...result, kind, notes: [] };
}
