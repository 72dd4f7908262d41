import { describe, expect, it } from 'vitest';
import { parseDelimited, parseJson, parseJsonLines } from './batch.ts';

describe('parseJson', () => {
  it('reads one article object with mapped and extra fields', () => {
    const r = parseJson(JSON.stringify({ headline: 'H', body: 'B', link: 'https://x.example/1', published_at: '05.03.2024', site: 'Gazette', byline: 'Ann', lang: 'ru', tags: ['a', 'b'], score: 3 }));
    expect(r.problems).toEqual([]);
    expect(r.articles).toEqual([
      {
        title: 'H',
        text: 'B',
        declaredLanguage: 'ru',
        meta: { url: 'https://x.example/1', outlet: 'Gazette', author: 'Ann', publishedAt: '2024-03-05', extra: { tags: 'a, b', score: '3' } },
      },
    ]);
  });

  it('reads an array and {articles: [...]} and names bad items', () => {
    const list = [{ text: 'one' }, { title: 'no text' }, 'not an object', { content: '<p>four</p><p>five</p>' }];
    for (const data of [list, { articles: list }]) {
      const r = parseJson(JSON.stringify(data));
      expect(r.articles.map((a) => [a.index, a.where, a.text ?? a.paragraphs])).toEqual([
        [0, 'item 1', 'one'],
        [3, 'item 4', ['four', 'five']],
      ]);
      expect(r.problems).toEqual([
        { index: 1, message: expect.stringMatching(/^item 2: no text field/) },
        { index: 2, message: 'item 3: not an article object' },
      ]);
    }
  });

  it('reports broken JSON', () => {
    expect(parseJson('{"text": ').problems[0]?.message).toMatch(/^not valid JSON/);
  });

  it('keeps an unreadable date as written', () => {
    expect(parseJson('{"text":"t","date":"last Tuesday"}').articles[0]?.meta).toEqual({ extra: { date: 'last Tuesday' } });
  });
});

describe('parseJsonLines', () => {
  it('imports good lines, names the broken one, skips blank lines', () => {
    const r = parseJsonLines('{"text":"first"}\n{"text": broken\n\n{"text":"third"}\n');
    expect(r.articles.map((a) => [a.index, a.text])).toEqual([
      [0, 'first'],
      [3, 'third'],
    ]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ index: 1, message: expect.stringMatching(/^line 2: not valid JSON/) });
  });
});

describe('parseDelimited', () => {
  it('maps common column names and keeps the rest in extra', () => {
    const csv = 'Headline,Body,URL,Published,Source,Author,Language,Coder note\n"Pier vote","First para.\n\nSecond, with comma.",https://x.example,2024-03-05,Gazette,Ann,en,check\n';
    const r = parseDelimited(csv);
    expect(r.problems).toEqual([]);
    expect(r.articles).toEqual([
      {
        index: 0,
        where: 'row 2',
        title: 'Pier vote',
        text: 'First para.\n\nSecond, with comma.',
        declaredLanguage: 'en',
        meta: { url: 'https://x.example', outlet: 'Gazette', author: 'Ann', publishedAt: '2024-03-05', extra: { 'Coder note': 'check' } },
      },
    ]);
  });

  it('reads TSV', () => {
    const r = parseDelimited('title\ttext\nA\tBody A\nB\tBody B\n', '\t');
    expect(r.articles.map((a) => [a.title, a.text])).toEqual([
      ['A', 'Body A'],
      ['B', 'Body B'],
    ]);
  });

  it('detects a semicolon delimiter (spreadsheet exports in many locales)', () => {
    const r = parseDelimited('title;text;source\nA;Body, with a comma;Gazette\n');
    expect(r.articles.map((a) => [a.title, a.text, a.meta.outlet])).toEqual([['A', 'Body, with a comma', 'Gazette']]);
  });

  it('is a problem without a text column', () => {
    const r = parseDelimited('title,date\nA,2024-01-01\n');
    expect(r.articles).toEqual([]);
    expect(r.problems).toEqual([{ message: expect.stringMatching(/^no text column .*columns found: "title", "date"$/) }]);
  });

  it('names a row with an empty text cell', () => {
    const r = parseDelimited('title,text\nA,Body\nB,\nC,More\n');
    expect(r.articles.map((a) => a.title)).toEqual(['A', 'C']);
    expect(r.problems).toEqual([{ index: 1, message: 'row 3: empty "text"' }]);
  });
});
