import { describe, expect, it } from 'vitest';
import { htmlFragmentToParagraphs, looksLikeHtml } from './html-blocks.ts';
import { declaredCharset, parseHtml, stripSiteName } from './html.ts';

const body = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the invented story about the harbour, long enough to be kept by the extractor.</p>`).join('\n');

// Generous timeouts: Readability and linkedom load on first use, slow on a busy machine.
describe('parseHtml metadata', { timeout: 30_000 }, () => {
  it('reads Open Graph, article:*, canonical URL, author and language', () => {
    const html = `<!doctype html><html lang="uk-UA"><head>
      <title>Ferry news | Harbour Herald</title>
      <meta property="og:title" content="Ferry news">
      <meta property="og:site_name" content="Harbour Herald">
      <meta name="author" content="Mira Holm">
      <meta property="article:published_time" content="2024-11-01T08:30:00Z">
      <meta property="article:section" content="Local">
      <meta property="article:tag" content="ferry"><meta property="article:tag" content="harbour">
      <link rel="canonical" href="https://herald.example/ferry">
      </head><body><article>${body(3)}</article></body></html>`;
    const a = parseHtml(html);
    if ('error' in a) throw new Error(a.error);
    expect(a.title).toBe('Ferry news');
    expect(a.meta).toMatchObject({
      url: 'https://herald.example/ferry',
      outlet: 'Harbour Herald',
      author: 'Mira Holm',
      publishedAt: '2024-11-01T08:30:00Z',
      extra: { section: 'Local', keywords: 'ferry, harbour' },
    });
    expect(a.declaredLanguage).toBe('uk-UA');
    expect(a.paragraphs).toHaveLength(3);
  });

  it('reads JSON-LD (in @graph, author object, publisher, date, url)', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'ignored' },
        {
          '@type': 'NewsArticle',
          headline: 'Pier vote',
          datePublished: '2024-03-05',
          author: [{ '@type': 'Person', name: 'Ann Lee' }, { '@type': 'Person', name: 'Bo Chen' }],
          publisher: { '@type': 'Organization', name: 'Saltmere Gazette' },
          mainEntityOfPage: { '@id': 'https://gazette.example/pier' },
          inLanguage: 'en-GB',
        },
      ],
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script>
      <script type="application/ld+json">{ broken json </script></head><body>${body(2)}</body></html>`;
    const a = parseHtml(html);
    if ('error' in a) throw new Error(a.error);
    expect(a.title).toBe('Pier vote');
    expect(a.meta).toMatchObject({ author: 'Ann Lee, Bo Chen', outlet: 'Saltmere Gazette', publishedAt: '2024-03-05', url: 'https://gazette.example/pier' });
    expect(a.declaredLanguage).toBe('en-GB');
  });

  it('ignores JSON-LD entities without a name instead of printing them', () => {
    const ld = { '@type': 'NewsArticle', headline: 'Pier vote', author: { '@id': 'https://x.example/#author' }, publisher: { '@id': '#org' } };
    const a = parseHtml(`<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>${body(2)}</body></html>`);
    if ('error' in a) throw new Error(a.error);
    expect(a.meta.author).toBeUndefined();
    expect(a.meta.outlet).toBeUndefined();
  });

  it('extracts the article, not navigation or footer, and never runs scripts', () => {
    const html = `<html><head><title>T</title><script>globalThis.__pressworkRan = true;</script></head>
      <body><nav><a href="/">Home</a><a href="/news">News</a></nav>
      <div class="content"><h1>Ferry news</h1>${body(4)}<script>globalThis.__pressworkRan = true;</script></div>
      <footer>Footer links and a long list of things nobody reads at the bottom of every page</footer>
      <img src="https://tracker.example/pixel.gif" onerror="globalThis.__pressworkRan = true"></body></html>`;
    const a = parseHtml(html);
    if ('error' in a) throw new Error(a.error);
    const text = (a.paragraphs ?? []).join('\n');
    expect(text).toContain('Paragraph 1 of the invented story');
    expect(text).toContain('Paragraph 4 of the invented story');
    expect(text).not.toMatch(/Home|Footer links|__pressworkRan/);
    expect((globalThis as { __pressworkRan?: boolean }).__pressworkRan).toBeUndefined();
  });

  it('is not misled by a large inline script into taking the whole page', () => {
    const state = `<script>window.__STATE__ = ${JSON.stringify({ items: Array.from({ length: 400 }, (_, i) => `item number ${i}`) })};</script>`;
    const html = `<html><body><nav><a>Home</a> <a>World</a> <a>Sport</a></nav>${state}
      <div class="sidebar"><a>Other story one</a> <a>Other story two</a></div>
      <article>${body(5)}</article></body></html>`;
    const a = parseHtml(html);
    if ('error' in a) throw new Error(a.error);
    expect(a.paragraphs).toHaveLength(5);
  });

  it('falls back to the page body for short pages Readability rejects', () => {
    const a = parseHtml('<html><body><p>Short note one.</p><p>Short note two.</p></body></html>');
    if ('error' in a) throw new Error(a.error);
    expect(a.paragraphs).toEqual(['Short note one.', 'Short note two.']);
  });

  it('reads fragments without <html> or <body>, and plain text saved as .html', () => {
    for (const [html, expected] of [
      ['<p>First paragraph here.</p><p>Second one.</p>', ['First paragraph here.', 'Second one.']],
      ['<div>Only <b>one</b> line</div>', ['Only one line']],
      ['plain text in an html file', ['plain text in an html file']],
      ['<html><p>Paragraph in html without body.</p></html>', ['Paragraph in html without body.']],
      ['<!doctype html><html><head><title>T</title></head><p>No body tag.</p></html>', ['No body tag.']],
      ['<!doctype html><title>T</title><p>Neither html nor body tags.</p>', ['Neither html nor body tags.']],
    ] as const) {
      const a = parseHtml(html);
      if ('error' in a) throw new Error(a.error);
      expect(a.paragraphs).toEqual(expected);
    }
  });

  it('reports a page without text', () => {
    expect(parseHtml('<html><body><script>x()</script></body></html>')).toEqual({ error: 'no article text found in the HTML page' });
  });
});

describe('HTML helpers', { timeout: 30_000 }, () => {
  it('splits blocks and <br> into paragraphs and keeps inline text together', () => {
    expect(htmlFragmentToParagraphs('<p>One <b>bold</b>&nbsp;word</p><div>Two<br>Three</div><ul><li>Four</li></ul>')).toEqual([
      'One bold word',
      'Two',
      'Three',
      'Four',
    ]);
  });

  it('recognises HTML markup but not prose', () => {
    expect(looksLikeHtml('<p>Text</p>')).toBe(true);
    expect(looksLikeHtml('Line<br>break')).toBe(true);
    expect(looksLikeHtml('x < y and y > z')).toBe(false);
  });

  it('strips the outlet name from a title', () => {
    expect(stripSiteName('Pier vote | Saltmere Gazette', 'Saltmere Gazette')).toBe('Pier vote');
    expect(stripSiteName('Saltmere Gazette - Pier vote', 'Saltmere Gazette')).toBe('Pier vote');
    expect(stripSiteName('Мост закрыт — Вести Заречья', 'Вести Заречья')).toBe('Мост закрыт');
    expect(stripSiteName('Pier vote: what next', 'Saltmere Gazette')).toBe('Pier vote: what next');
    expect(stripSiteName('Pier vote - Saltmere Gazette', undefined)).toBe('Pier vote - Saltmere Gazette');
  });

  it('finds the declared charset', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(declaredCharset(enc('<meta charset="windows-1251">'))).toBe('windows-1251');
    expect(declaredCharset(enc('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'))).toBe('koi8-r');
    expect(declaredCharset(enc('<p>none</p>'))).toBeUndefined();
  });
});
