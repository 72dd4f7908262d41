import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../model/types.ts';
import { isCleanArticleText } from '../../text/normalise.ts';
import { decodeBytes } from '../decode.ts';
import { encodeSingleByte } from '../fixtures/legacy-encode.ts';
import { importFile } from '../pipeline.ts';
import { sniffXml } from './feed.ts';

const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

function expectClean(drafts: Draft[]) {
  for (const d of drafts) {
    expect(isCleanArticleText(d.text)).toBe(true);
    expect(d.text).not.toMatch(/<\/?[a-z]+[\s>]|&(quot|amp|lt|gt|laquo|raquo|nbsp);|\ufffd/);
    expect(d.title).not.toMatch(/<\?xml|&(quot|amp);/);
  }
}

// Generous timeouts: linkedom and the legacy detector load lazily, slow on a busy machine.
describe('RSS and Atom feeds', { timeout: 30_000 }, () => {
  it('reads a KOI8-R RSS 2.0 feed with yandex:full-text as one article per item', async () => {
    const r = await importFile({ name: 'vesti.xml', bytes: fixtureBytes('ru-feed-koi8-r.xml') });
    expect(r.drafts.map((d) => d.title)).toEqual(['Мэрия утвердила план ремонта "Северного" моста', 'Школы области перейдут на новое расписание']);
    expectClean(r.drafts);
    const [first, second] = r.drafts as [Draft, Draft];
    expect(first.text.split('\n\n')).toHaveLength(3);
    expect(first.text).toMatch(/^Мэрия во вторник утвердила план ремонта "Северного" моста/);
    expect(first.meta).toEqual({
      url: 'https://vesti-prirechya.example/news/most',
      outlet: 'Вести Приречья',
      author: 'Анна Петрова',
      publishedAt: '2024-03-05T07:15:00Z',
      language: 'ru',
      extra: { description: 'Ремонт начнётся в апреле и продлится до конца лета.', guid: 'vp-1001', categories: 'Город' },
    });
    // Double-escaped entities (&amp;quot;) are decoded as a feed reader shows them.
    expect(second.text).toContain('учителей: "Большинство высказалось за перенос".');
    // The item without text is reported by its number and title, not silently dropped.
    expect(r.problems).toEqual([
      { source: { file: 'vesti.xml', index: 2 }, message: 'item 3 ("Фоторепортаж: ледоход на реке"): no text (description, content:encoded and yandex:full-text are missing)' },
    ]);
    expect(r.report).toMatchObject({ format: 'RSS feed', encoding: 'koi8-r', items: 3, articles: 2, languages: { ru: 2 } });
    expect(r.report.notes).toEqual(['fields not imported: media:content (2 items)']);
  });

  it('reads a windows-1251 RSS feed saved as .txt, with HTML in content:encoded (never run)', async () => {
    const r = await importFile({ name: 'oblasna.txt', bytes: fixtureBytes('uk-feed-windows-1251.txt') });
    expect(r.problems).toEqual([]);
    expect(r.drafts.map((d) => d.title)).toEqual(['Рада громади ухвалила бюджет на наступний рік', 'У місті відкрили новий парк']);
    expectClean(r.drafts);
    const [budget, park] = r.drafts as [Draft, Draft];
    expect(budget.text.split('\n\n')).toEqual([
      'Рада громади в четвер ухвалила бюджет на наступний рік, за який проголосували двадцять два депутати з тридцяти.',
      'Найбільше коштів отримають школи й лікарня: їхні видатки зростуть на «чверть», повідомив голова бюджетної комісії.',
      'Депутати також погодили ремонт доріг у трьох селах, який відкладали з минулої весни.',
    ]);
    expect(budget.text).not.toContain('alert');
    expect(budget.meta).toMatchObject({ author: 'Олена Коваль', outlet: 'Обласна газета', language: 'uk', publishedAt: '2024-03-08T07:00:00Z' });
    // Entity-escaped HTML (not CDATA) becomes paragraphs too.
    expect(park.text.split('\n\n')).toHaveLength(2);
    expect(r.report).toMatchObject({ format: 'RSS feed', encoding: 'windows-1251', items: 2, articles: 2, languages: { uk: 2 } });
  });

  it('reads an Atom feed: escaped HTML content, XHTML content and summary-only entries', async () => {
    const r = await importFile({ name: 'herald.atom', bytes: fixtureBytes('en-feed-atom.xml') });
    expect(r.problems).toEqual([]);
    expectClean(r.drafts);
    expect(r.drafts.map((d) => d.title)).toEqual(['Ferry timetable & fares to change in spring', 'Harbour wall repairs finished early', 'Lifeboat station open day on Sunday']);
    const [ferry, wall, lifeboat] = r.drafts as [Draft, Draft, Draft];
    expect(ferry.text).toContain('visitors will pay £2 more');
    expect(ferry.meta).toMatchObject({ url: 'https://harbour-herald.example/ferry', author: 'Mira Holm', outlet: 'Harbour Herald', publishedAt: '2024-11-01T08:30:00Z', language: 'en' });
    expect(wall.text.split('\n\n')).toEqual([
      'Repairs to the old harbour wall were finished a week ahead of schedule, the council announced.',
      'The contractor credited a calm October & dry weather for the early finish.',
    ]);
    // No <published>: the <updated> date stands in.
    expect(wall.meta.publishedAt).toBe('2024-11-02T07:00:00Z');
    expect(lifeboat.text).toMatch(/^The lifeboat station opens its doors/);
    expect(r.report).toMatchObject({ format: 'Atom feed', items: 3, articles: 3 });
  });

  it('honours the declared encoding where byte statistics would pick another code page', async () => {
    const xml = '<?xml version="1.0" encoding="koi8-r"?><rss version="2.0"><channel><item><description>мэр</description></item></channel></rss>';
    const bytes = encodeSingleByte(xml, 'koi8-r');
    // The premise: detection alone reads these few letters as windows-1251.
    const detected = decodeBytes(bytes);
    expect('encoding' in detected && detected.encoding).not.toBe('koi8-r');
    const r = await importFile({ name: 'short.xml', bytes });
    expect(r.drafts.map((d) => d.text)).toEqual(['мэр']);
    expect(r.report.encoding).toBe('koi8-r');
  });

  it('keeps UTF-8 when a feed re-saved as UTF-8 still declares its old code page', async () => {
    const xml = '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><item><title>Новый мост</title><description>Мост откроют весной, сообщили в мэрии города.</description></item></channel></rss>';
    const r = await importFile({ name: 'resaved.xml', bytes: utf8(xml) });
    expect(r.drafts[0]?.title).toBe('Новый мост');
    expect(r.report.encoding).toBe('utf-8');
  });

  it('reads RSS 1.0 (RDF) items, which sit beside the channel', async () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://x.example/"><title>Valley Courier</title></channel>
      <item rdf:about="https://x.example/1"><title>Dam inspection passed</title><link>https://x.example/1</link><dc:date>2024-05-01</dc:date><dc:creator>Jo Park</dc:creator>
      <description>The dam passed its ten-year inspection, the water board said on Wednesday.</description></item></rdf:RDF>`;
    const r = await importFile({ name: 'rdf.xml', bytes: utf8(xml) });
    expect(r.drafts).toHaveLength(1);
    expect(r.drafts[0]).toMatchObject({ title: 'Dam inspection passed', meta: { url: 'https://x.example/1', publishedAt: '2024-05-01', author: 'Jo Park', outlet: 'Valley Courier' } });
    expect(r.report.format).toBe('RSS 1.0 feed');
  });

  it('reads other XML exports as a list of records, mapped like JSON fields', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><export><articles>
      <article><headline>Bakery wins award</headline><body>The corner bakery won the regional bread award on Saturday.</body><date>2024-02-03</date></article>
      <article><headline>Library hours extended</headline><body>The library will stay open until nine on weekdays from March.</body></article>
      <article><headline>Empty one</headline><body></body></article>
    </articles></export>`;
    const r = await importFile({ name: 'export.xml', bytes: utf8(xml) });
    expect(r.drafts.map((d) => d.title)).toEqual(['Bakery wins award', 'Library hours extended']);
    expect(r.drafts[0]?.meta.publishedAt).toBe('2024-02-03');
    expect(r.problems.map((p) => p.message)).toEqual(['record 3: empty "body"']);
    expect(r.report.format).toBe('XML export');
  });

  it('reports broken XML and XML that holds no articles, instead of importing markup as text', async () => {
    const broken = await importFile({ name: 'broken.xml', bytes: utf8('<?xml version="1.0"?><rss><channel><item><title>A</title></channel></rss>') });
    expect(broken.drafts).toEqual([]);
    expect(broken.problems[0]?.message).toMatch(/^not well-formed XML/);
    const config = await importFile({ name: 'settings.txt', bytes: utf8('<?xml version="1.0"?><settings><colour>blue</colour><size>12</size></settings>') });
    expect(config.drafts).toEqual([]);
    expect(config.problems[0]?.message).toMatch(/^XML <settings> is neither an RSS\/Atom feed nor a list of records/);
  });
});

describe('sniffXml', () => {
  it('tells feeds and XML from HTML by the first element', () => {
    expect(sniffXml('<?xml version="1.0" encoding="koi8-r"?>\n<!-- generated -->\n<rss version="2.0">')).toBe('rss');
    expect(sniffXml('\ufeff<rss version="0.91">')).toBe('rss');
    expect(sniffXml('<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><feed xmlns="http://www.w3.org/2005/Atom">')).toBe('atom');
    expect(sniffXml('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html>')).toBeUndefined();
    expect(sniffXml('<?xml version="1.0"?><records><r/></records>')).toBe('xml');
    expect(sniffXml('<p>An HTML fragment</p>')).toBeUndefined();
    expect(sniffXml('Plain text about <rss> feeds')).toBeUndefined();
  });
});
