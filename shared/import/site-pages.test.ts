/**
 * Issue #14, item 11: furniture and wrong metadata that survived on real pages, reproduced in
 * small invented pages (fixtures/pages/) with the same structure.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../model/types.ts';
import { cleanAuthor } from './byline.ts';
import { importFile } from './pipeline.ts';
import { isSiteTitle } from './parsers/html.ts';

const page = async (name: string) => {
  const r = await importFile({ name: `${name}.html`, bytes: new Uint8Array(readFileSync(new URL(`./fixtures/pages/${name}.html`, import.meta.url))) });
  expect(r.problems).toEqual([]);
  expect(r.drafts).toHaveLength(1);
  return { draft: r.drafts[0] as Draft, report: r.report };
};
const paragraphs = (d: Draft) => d.text.split('\n\n');

// Generous timeouts: Readability and linkedom load on first use, slow on a busy machine.
describe('site furniture on real page shapes', { timeout: 30_000 }, () => {
  it('Folha: the newsletter box inside the story and the subscribe/login lines after it go', async () => {
    const { draft, report } = await page('folha');
    expect(paragraphs(draft)).toHaveLength(4);
    expect(draft.text).not.toMatch(/Receba no seu email|Carregando|Inscreva-se|Cadastre-se|Assine a Folha|assinante/);
    expect(paragraphs(draft)[3]).toMatch(/^A licitação para escolher/);
    expect(report.removed.furniture).toBe(6);
  });

  it('The Verge: the subscription offer with its price goes', async () => {
    const { draft } = await page('verge');
    expect(paragraphs(draft)).toHaveLength(4);
    expect(draft.text).not.toMatch(/\$7|digest|subscriber/i);
  });

  it('NYT: "Order Reprints | Today\'s Paper | Subscribe" and the print-edition note go', async () => {
    const { draft } = await page('nyt');
    expect(paragraphs(draft)).toHaveLength(4);
    expect(draft.text).not.toMatch(/Reprints|appears in print/);
  });

  it('Breitbart: "SIGN UP FOR OUR NEWSLETTER" between paragraphs goes; the byline is the name only', async () => {
    const { draft } = await page('breitbart');
    expect(paragraphs(draft)).toHaveLength(4);
    expect(draft.text).not.toMatch(/newsletter/i);
    expect(draft.meta.author).toBe('Lucas Nolan');
    expect(draft.meta.extra?.byline).toBe('by Lucas Nolan22 Dec 2016651');
  });

  it('Seattle Times: a date in the author field is no author (kept as the byline as written)', async () => {
    const { draft } = await page('seattletimes');
    expect(draft.meta.author).toBeUndefined();
    expect(draft.meta.extra?.byline).toBe('April 28, 2019 at 6:01 am Updated April 28, 2019 at 9:00 pm');
  });

  it("Yahoo: the site's title gives way to the article's headline", async () => {
    const { draft } = await page('yahoo');
    expect(draft.title).toBe('County approves flood barrier after two-year debate');
    // The <h1> is then the repeated headline, not a first paragraph.
    expect(paragraphs(draft)[0]).toMatch(/^The county council approved/);
  });
});

describe('cleanAuthor', () => {
  it.each([
    ['by Lucas Nolan22 Dec 2016651', 'Lucas Nolan', true],
    ['April 28, 2019 at 6:01 am Updated April 28, 2019 at 9:00 pm', undefined, true],
    ['By Jane Doe | March 3, 2020', 'Jane Doe', true],
    ['Jane Doe Dec 22, 2016', 'Jane Doe', true],
    ['By Ruth Adler', 'Ruth Adler', false],
    ['Анна Петрова', 'Анна Петрова', false],
    ['Por Maria Souza', 'Maria Souza', false],
    ['May Lee and Mark Stone', 'May Lee and Mark Stone', false],
    ['Updated 5 min ago', undefined, true],
  ])('%s → %s', (raw, author, changed) => {
    expect(cleanAuthor(raw)).toEqual({ author, changed });
  });
});

describe('isSiteTitle', () => {
  it('tells the site name or tagline from a headline', () => {
    expect(isSiteTitle('Yahoo News - Latest News & Headlines', 'Yahoo News', undefined)).toBe(true);
    expect(isSiteTitle('Latest News & Headlines', undefined, 'https://news.yahoo.com/x')).toBe(false);
    expect(isSiteTitle('Yahoo - Latest News', undefined, 'https://news.yahoo.com/x')).toBe(true);
    expect(isSiteTitle('Folha de S.Paulo', 'Folha de S.Paulo', undefined)).toBe(true);
    expect(isSiteTitle('Yahoo shares fall after earnings miss', 'Yahoo News', 'https://news.yahoo.com/x')).toBe(false);
    expect(isSiteTitle('County approves flood barrier', 'The Seattle Times', undefined)).toBe(false);
  });
});
