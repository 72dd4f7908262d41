/**
 * An HTML page → one article: main text by @mozilla/readability (on linkedom, never executing
 * anything), metadata from <meta>, Open Graph, article:*, JSON-LD and the document itself.
 */
import { Readability } from '@mozilla/readability';
import type { ArticleMeta } from '../../model/types.ts';
import { normaliseInline } from '../../text/normalise.ts';
import { cleanAuthor } from '../byline.ts';
import { toIsoDate } from '../dates.ts';
import { valueToString } from '../fields.ts';
import type { RawArticle } from '../raw-article.ts';
import { blocksToParagraphs, parseDocument, type DomNode } from './html-blocks.ts';

/** The parts of a linkedom element we use; structural, see DomNode. */
interface El extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  remove(): void;
}

interface Doc {
  documentElement: El | null;
  body: El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}

const PAGE_CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD']);

/** Charset declared in the first bytes of an HTML page (`<meta charset>` or http-equiv). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // The markup is ASCII: a lenient UTF-8 decode of the first bytes is enough (and fast).
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m?.[1];
}

function attr(doc: Doc, selector: string, name = 'content'): string | undefined {
  const v = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return v ? normaliseInline(v) : undefined;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|Report|ScholarlyArticle|LiveBlogPosting|WebPage)$/;

type Json = Record<string, unknown>;

/** The JSON-LD object that describes the article (NewsArticle & co.), if any. */
function jsonLdArticle(doc: Doc): Json | undefined {
  const found: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      const types = ([] as unknown[]).concat(o['@type'] ?? []);
      if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) found.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]?.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common on real pages; the other metadata still counts.
    }
  }
  // A specific article type wins over a generic WebPage.
  return found.find((o) => !String(o['@type']).includes('WebPage')) ?? found[0];
}

/** A JSON-LD node as text: strings as they are, entities by their name (never as raw JSON). */
function ldText(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    const parts = v.map(ldText).filter((p): p is string => p !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (v && typeof v === 'object') {
    const o = v as Json;
    return typeof o.name === 'string' ? o.name : undefined;
  }
  return valueToString(v);
}

function ld(o: Json | undefined, key: string): string | undefined {
  if (!o) return undefined;
  const v = o[key];
  if (key === 'mainEntityOfPage' && v && typeof v === 'object') return valueToString((v as Json)['@id']);
  const s = ldText(v)?.trim();
  return s ? normaliseInline(s) : undefined;
}

function notUrl(v: string | undefined): string | undefined {
  return v && !/^https?:\/\//i.test(v) ? v : undefined;
}

/** "Headline | Outlet" → "Headline" when the tail (or head) is the outlet's name. */
export function stripSiteName(title: string, outlet: string | undefined): string {
  if (!outlet) return title;
  const o = outlet.toLowerCase();
  const parts = title.split(/\s+[|–—:·•»-]\s+/);
  if (parts.length < 2) return title;
  const last = parts.at(-1)?.toLowerCase();
  const first = parts[0]?.toLowerCase();
  if (last === o) return title.slice(0, title.toLowerCase().lastIndexOf(o)).replace(/\s+[|–—:·•»-]\s*$/, '').trim();
  if (first === o) return title.slice(outlet.length).replace(/^\s*[|–—:·•»-]\s+/, '').trim();
  return title;
}

/** "yahoo" for news.yahoo.com, "folha" for www1.folha.uol.com.br: the brand in a page's address. */
function brandOf(url: string | undefined): string | undefined {
  const host = url ? /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() : undefined;
  if (!host) return undefined;
  const labels = host.split('.').filter((l) => !/^(www\d*|m|amp|news|edition|mobile)$/.test(l));
  // Skip second-level public suffixes (co.uk, com.br, uol.com.br keeps "folha").
  const meaningful = labels.filter((l) => !/^(com|co|org|net|gov|edu|ac|uol)$/.test(l));
  return meaningful.length >= 2 ? meaningful.at(-2) : meaningful[0];
}

// What a site calls its home page: a title made of these and the site's name is no headline.
const GENERIC_TITLE =
  /^(latest|breaking|top|today'?s)? ?(news|headlines|stories)( (and|&) (headlines|videos|analysis|opinion))?$|^(latest|breaking|top) .{0,30}$|^home( ?page)?$|^(главная|новости|последние новости|главные новости|головна|новини|останні новини|últimas notícias|notícias|últimas noticias|noticias|actualités|dernières nouvelles|nachrichten|aktuelle nachrichten)$/i;

/**
 * A title that names the site rather than the article ("Yahoo News - Latest News & Headlines"):
 * once the site's name is taken out, nothing or a home-page tagline is left.
 */
export function isSiteTitle(title: string, outlet: string | undefined, url: string | undefined): boolean {
  let rest = title.toLowerCase();
  const names = [outlet, brandOf(url)].filter((n): n is string => !!n && n.length >= 3).map((n) => n.toLowerCase());
  if (!names.some((n) => rest.includes(n))) return false;
  for (const n of names) rest = rest.split(n).join(' ');
  rest = rest.replace(/[|–—:·•»-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return rest === '' || GENERIC_TITLE.test(rest);
}

function firstDefined(...values: (string | undefined)[]): string | undefined {
  return values.find((v) => v !== undefined && v !== '');
}

/**
 * Where the page's text is: <body>, or the whole document when text sits outside any <body>
 * ("<html><p>…</p></html>": browsers move it into a body, linkedom does not). <head> is skipped
 * by the block walker either way.
 */
function contentRoot(doc: Doc): El | null {
  const body = doc.body;
  if (body && normaliseInline(body.textContent ?? '') !== '') return body;
  return doc.documentElement ?? body;
}

export function parseHtml(source: string): RawArticle | { error: string } {
  let html = source;
  let doc = parseDocument<Doc>(html);
  // linkedom, unlike a browser, does not invent <html> and <body> around a fragment (its root is
  // then the first element, or nothing for bare text, and reading `body` may throw).
  if (doc.documentElement?.nodeName.toUpperCase() !== 'HTML') {
    html = `<!doctype html><html><body>${source}</body></html>`;
    doc = parseDocument<Doc>(html);
  }
  const jsonLd = jsonLdArticle(doc);

  const meta: ArticleMeta = {};
  const extra: Record<string, string> = {};
  const outlet = firstDefined(attr(doc, 'meta[property="og:site_name"]'), ldText(jsonLd?.publisher), attr(doc, 'meta[name="application-name"]'));
  const authorCandidates = [
    attr(doc, 'meta[name="author"]'),
    notUrl(attr(doc, 'meta[property="article:author"]')),
    ld(jsonLd, 'author'),
    attr(doc, 'meta[name="byl"]'),
  ];
  const dateRaw = firstDefined(
    attr(doc, 'meta[property="article:published_time"]'),
    ld(jsonLd, 'datePublished'),
    attr(doc, 'meta[itemprop="datePublished"]'),
    attr(doc, 'meta[name="pubdate"]'),
    attr(doc, 'meta[name="publishdate"]'),
    attr(doc, 'meta[name="date"]'),
    attr(doc, 'meta[name="dc.date"]'),
    attr(doc, 'meta[name="DC.date.issued"]'),
    attr(doc, 'meta[name="parsely-pub-date"]'),
    attr(doc, 'time[datetime]', 'datetime'),
  );
  const url = firstDefined(attr(doc, 'link[rel="canonical"]', 'href'), attr(doc, 'meta[property="og:url"]'), ld(jsonLd, 'url'), ld(jsonLd, 'mainEntityOfPage'));
  const declaredLanguage = firstDefined(
    doc.documentElement?.getAttribute('lang') ?? undefined,
    attr(doc, 'meta[http-equiv="content-language"]'),
    attr(doc, 'meta[property="og:locale"]'),
    ld(jsonLd, 'inLanguage'),
  );
  const section = firstDefined(attr(doc, 'meta[property="article:section"]'), ld(jsonLd, 'articleSection'));
  const description = firstDefined(attr(doc, 'meta[property="og:description"]'), attr(doc, 'meta[name="description"]'));
  const metaTitle = firstDefined(attr(doc, 'meta[property="og:title"]'), ld(jsonLd, 'headline'), attr(doc, 'meta[name="twitter:title"]'));

  if (url) meta.url = url;
  if (outlet) meta.outlet = outlet;
  if (dateRaw) {
    const iso = toIsoDate(dateRaw);
    if (iso) meta.publishedAt = iso;
    else extra.date = dateRaw;
  }
  const tagNodes = doc.querySelectorAll('meta[property="article:tag"]');
  const tags: string[] = [];
  for (let i = 0; i < tagNodes.length; i++) {
    const t = tagNodes[i]?.getAttribute('content')?.trim();
    if (t) tags.push(normaliseInline(t));
  }
  const keywords = tags.length > 0 ? tags.join(', ') : firstDefined(attr(doc, 'meta[name="keywords"]'), ld(jsonLd, 'keywords'));
  if (section) extra.section = section;
  if (keywords) extra.keywords = keywords;
  if (description) extra.description = description;

  const docTitle = normaliseInline(doc.querySelector('title')?.textContent ?? '') || undefined;
  // Read before Readability rewrites the document.
  const headline = normaliseInline(doc.querySelector('article h1, main h1, h1')?.textContent ?? '') || undefined;
  // Visible text only: inline scripts and styles (analytics, JSON state) can outweigh the article.
  const root = contentRoot(doc);
  let pageTextLength = normaliseInline(root?.textContent ?? '').length;
  const invisible = root?.querySelectorAll('script, style, noscript, template') ?? [];
  for (let i = 0; i < invisible.length; i++) pageTextLength -= invisible[i]?.textContent?.length ?? 0;
  let article: ReturnType<Readability<string[]>['parse']>;
  try {
    // linkedom's document is DOM-compatible enough for Readability. The serializer hands back
    // paragraphs straight from the DOM, instead of HTML we would parse a second time.
    article = new Readability<string[]>(doc as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 100,
      serializer: (node) => blocksToParagraphs(node as unknown as DomNode),
    }).parse();
  } catch {
    // Readability failing on odd markup still leaves the whole-body fallback.
    article = null;
  }
  let paragraphs = article?.content ?? [];
  // Readability gives up on short pages or picks a fragment: fall back to the whole body
  // without page chrome when it found much less text than the page has. Readability has
  // rewritten the document by now, so the page is parsed again (rare path).
  const length = (ps: string[]) => ps.reduce((n, p) => n + p.length + 1, 0);
  if (length(paragraphs) < 0.3 * pageTextLength) {
    const fresh = contentRoot(parseDocument<Doc>(html));
    const fallback = fresh ? blocksToParagraphs(fresh, PAGE_CHROME) : [];
    if (length(fallback) > length(paragraphs)) paragraphs = fallback;
  }
  const jsonLdBody = ld(jsonLd, 'articleBody');
  if (paragraphs.length === 0 && jsonLdBody) paragraphs = [jsonLdBody];
  if (paragraphs.length === 0) return { error: 'no article text found in the HTML page' };

  // Bylines carry dates and counts run into the name, or are a date only: the first that has a name wins.
  authorCandidates.push(article?.byline ? normaliseInline(article.byline) : undefined);
  const firstRaw = authorCandidates.find((a) => a !== undefined && a !== '');
  for (const raw of authorCandidates) {
    const author = raw ? cleanAuthor(raw).author : undefined;
    if (author) {
      meta.author = author;
      break;
    }
  }
  // What was cut is kept as written: the researcher can still see the page's own byline.
  if (firstRaw && (meta.author === undefined || cleanAuthor(firstRaw).changed)) extra.byline = firstRaw;
  if (!meta.outlet && article?.siteName) meta.outlet = normaliseInline(article.siteName);
  if (!meta.publishedAt && article?.publishedTime) {
    const iso = toIsoDate(article.publishedTime);
    if (iso) meta.publishedAt = iso;
  }
  if (Object.keys(extra).length > 0) meta.extra = extra;

  const raw: RawArticle = { paragraphs, meta };
  const titles = [metaTitle, article?.title ? normaliseInline(article.title) : undefined, docTitle].filter((t): t is string => !!t);
  // The site's own name or tagline is no headline: the article's <h1> is, when the page has one.
  const candidates = titles.length > 0 && titles.every((t) => isSiteTitle(t, meta.outlet, url)) && headline && !isSiteTitle(headline, meta.outlet, url) ? [headline] : titles.filter((t) => !isSiteTitle(t, meta.outlet, url));
  const title = candidates[0] ?? titles[0];
  if (title) raw.title = stripSiteName(title, meta.outlet);
  const lang = declaredLanguage ?? (article?.lang || undefined);
  if (lang) raw.declaredLanguage = lang;
  return raw;
}
