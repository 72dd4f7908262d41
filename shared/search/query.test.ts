import { describe, expect, it } from 'vitest';
import { fieldsUsed, parseQuery, QueryError } from './query.ts';
import { evaluate, ranked, type DocFacts, type SearchIndexView } from './evaluate.ts';
import { findHits, hasPhrase, snippetAt } from './hits.ts';
import { stemTerm } from './stem.ts';
import { tokenise } from './tokenise.ts';

describe('parseQuery', () => {
  it('reads words as an AND, folded', () => {
    expect(parseQuery('Путин  Лукашенко')).toEqual({
      kind: 'and',
      nodes: [
        { kind: 'term', word: 'путин', prefix: false },
        { kind: 'term', word: 'лукашенко', prefix: false },
      ],
    });
  });
  it('reads phrases, prefixes, exclusions, OR and groups', () => {
    expect(parseQuery('"Лукашенко заявил" президент* -спорт')).toEqual({
      kind: 'and',
      nodes: [
        { kind: 'phrase', words: ['лукашенко', 'заявил'] },
        { kind: 'term', word: 'президент', prefix: true },
        { kind: 'not', node: { kind: 'term', word: 'спорт', prefix: false } },
      ],
    });
    expect(parseQuery('a OR b c')).toEqual({
      kind: 'or',
      nodes: [
        { kind: 'term', word: 'a', prefix: false },
        {
          kind: 'and',
          nodes: [
            { kind: 'term', word: 'b', prefix: false },
            { kind: 'term', word: 'c', prefix: false },
          ],
        },
      ],
    });
    expect(parseQuery('(a OR b) c')).toMatchObject({ kind: 'and', nodes: [{ kind: 'or' }, { kind: 'term', word: 'c' }] });
    expect(parseQuery('«Зеленський заявив»')).toEqual({ kind: 'phrase', words: ['зеленський', 'заявив'] });
  });
  it('reads a hyphenated word as a phrase and keeps a hyphen inside words', () => {
    expect(parseQuery('северо-запад')).toEqual({ kind: 'phrase', words: ['северо', 'запад'] });
  });
  it('reads fields, with quoted values and date ranges', () => {
    expect(parseQuery('outlet:"BBC News" lang:ru')).toEqual({
      kind: 'and',
      nodes: [
        { kind: 'field', field: 'outlet', value: 'BBC News' },
        { kind: 'field', field: 'lang', value: 'ru' },
      ],
    });
    expect(parseQuery('date:2024-01..2024-06')).toEqual({ kind: 'field', field: 'date', value: '2024-01..2024-06', from: '2024-01', to: '2024-06' });
    expect(parseQuery('date:2024')).toEqual({ kind: 'field', field: 'date', value: '2024', from: '2024', to: '2024' });
    expect(parseQuery('date:..2023-12-31')).toEqual({ kind: 'field', field: 'date', value: '..2023-12-31', to: '2023-12-31' });
    expect(parseQuery('status:In_Progress')).toEqual({ kind: 'field', field: 'status', value: 'in-progress' });
    expect(fieldsUsed(parseQuery('x tag:claim -coder:anna'))).toEqual(new Set(['tag', 'coder']));
  });
  it('returns null for a blank query', () => {
    expect(parseQuery('   ')).toBeNull();
  });
  it.each([
    ['"unclosed', /not closed/],
    ['foo:bar', /Unknown field “foo:”/],
    ['date:2024-13', /Cannot read the date/],
    ['date:2024-06..2024-01', /ends before it starts/],
    ['status:maybe', /Unknown status/],
    ['outlet:', /needs a value/],
    ['a OR', /OR/],
    ['OR a', /OR/],
    ['(a b', /not closed/],
    ['a b)', /has no “\(”/],
    ['-sport', /cannot only exclude/],
    ['*', /needs the start of a word/],
  ])('refuses %s with a message', (q, message) => {
    expect(() => parseQuery(q)).toThrow(QueryError);
    expect(() => parseQuery(q)).toThrow(message);
  });
});

interface Doc {
  id: string;
  title: string;
  text: string;
  facts: DocFacts;
}

/** The simplest index: every stem of every doc, scored by occurrences. */
function memoryIndex(docs: Doc[]): SearchIndexView & { textReads: string[] } {
  const postings = new Map<string, Map<string, number>>();
  for (const d of docs) {
    for (const t of [...tokenise(d.title), ...tokenise(d.text)]) {
      const stem = stemTerm(t.term, d.facts.lang);
      const p = postings.get(stem) ?? new Map<string, number>();
      p.set(d.id, (p.get(d.id) ?? 0) + 1);
      postings.set(stem, p);
    }
  }
  const textReads: string[] = [];
  return {
    textReads,
    lookup(terms, prefix) {
      const out = new Map<string, number>();
      for (const [term, p] of postings) {
        if (!terms.some((t) => (prefix ? term.startsWith(t) : term === t))) continue;
        for (const [id, n] of p) out.set(id, Math.max(out.get(id) ?? 0, n));
      }
      return out;
    },
    allIds: () => docs.map((d) => d.id),
    facts: (id) => docs.find((d) => d.id === id)?.facts,
    text: async (id) => {
      textReads.push(id);
      return docs.find((d) => d.id === id);
    },
  };
}

const DOCS: Doc[] = [
  { id: 'ru1', title: 'Встреча в Минске', text: 'Путин встретился с Лукашенко. Лукашенко заявил, что союз крепок.', facts: { lang: 'ru', outlet: 'ТАСС', date: '2024-02-10', status: 'done', tags: ['claim'], coders: ['anna'] } },
  { id: 'ru2', title: 'Санкции', text: 'Евросоюз ввёл санкции против Лукашенки и его окружения. Заявил об этом Боррель.', facts: { lang: 'ru', outlet: 'Meduza', date: '2024-07-01', status: 'todo' } },
  { id: 'uk1', title: 'Звернення', text: 'Президент Зеленський звернувся до народу. Слова Зеленського цитують усі.', facts: { lang: 'uk', outlet: 'Українська правда', date: '2024-03-05', status: 'todo' } },
  { id: 'en1', title: 'Elections in Belarus', text: "Lukashenko's rivals were jailed before the elections. Sports news follows.", facts: { lang: 'en', outlet: 'BBC News', date: '2023-12-31', author: 'Jane Roe', status: 'in-progress', tags: ['source', 'claim'], coders: ['ben'] } },
  { id: 'be1', title: 'Мова', text: 'Лукашэнку не падабаецца беларуская мова.', facts: { lang: 'be', outlet: 'Наша Ніва', date: '2024-01-20', status: 'todo' } },
];

async function run(q: string): Promise<string[]> {
  const node = parseQuery(q);
  if (!node) return [];
  const index = memoryIndex(DOCS);
  const order = (id: string) => DOCS.findIndex((d) => d.id === id);
  return ranked(await evaluate(index, node), order);
}

describe('evaluate', () => {
  it('finds inflected forms', async () => {
    expect((await run('Лукашенку')).sort()).toEqual(['ru1', 'ru2']);
    expect(await run('Зеленський')).toEqual(['uk1']);
    expect(await run('election')).toEqual(['en1']);
    expect(await run('Лукашэнка')).toEqual(['be1']);
  });
  it('ANDs words and ranks by score', async () => {
    expect(await run('Лукашенко заявил')).toEqual(['ru1', 'ru2']);
    expect(await run('Лукашенко Путин')).toEqual(['ru1']);
  });
  it('verifies phrases on the text, in order', async () => {
    expect(await run('"Лукашенко заявил"')).toEqual(['ru1']);
    expect(await run('"заявил Лукашенко"')).toEqual([]);
    // The words are in ru2 too, but apart: the phrase does not hold there.
    const index = memoryIndex(DOCS);
    const found = await evaluate(index, parseQuery('"Лукашенко заявил" outlet:тасс')!);
    expect([...found.keys()]).toEqual(['ru1']);
    expect(index.textReads).toEqual(['ru1']); // the filter narrowed before any text was read
  });
  it('matches prefixes', async () => {
    expect((await run('Лукаш*')).sort()).toEqual(['be1', 'ru1', 'ru2']);
    expect(await run('lukash*')).toEqual(['en1']);
    expect(await run('Зеленсько*')).toEqual(['uk1']);
  });
  it('excludes, ORs and groups', async () => {
    expect(await run('Лукашенко -Путин')).toEqual(['ru2']);
    expect((await run('Зеленський OR Путин')).sort()).toEqual(['ru1', 'uk1']);
    expect((await run('(Зеленський OR Путин) -outlet:тасс'))).toEqual(['uk1']);
    expect(await run('lukashenko -"sports news"')).toEqual([]);
  });
  it('applies field filters alone and with words', async () => {
    expect(await run('outlet:bbc')).toEqual(['en1']);
    expect(await run('author:roe')).toEqual(['en1']);
    expect(await run('lang:uk')).toEqual(['uk1']);
    expect(await run('date:2024-01..2024-06')).toEqual(['ru1', 'uk1', 'be1']);
    expect(await run('date:2023')).toEqual(['en1']);
    expect(await run('date:2024-07..')).toEqual(['ru2']);
    expect(await run('status:todo Лукашенко')).toEqual(['ru2']);
    expect(await run('tag:claim')).toEqual(['ru1', 'en1']);
    expect(await run('coder:ben')).toEqual(['en1']);
  });
});

describe('findHits', () => {
  it('finds inflected forms and phrases with offsets into the text', () => {
    const text = DOCS[0]!.text;
    const hits = findHits(text, 'ru', parseQuery('Лукашенку'));
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Лукашенко', 'Лукашенко']);
    const phrase = findHits(text, 'ru', parseQuery('"лукашенко заявил"'));
    expect(phrase.map((h) => text.slice(h.start, h.end))).toEqual(['Лукашенко заявил']);
  });
  it('matches phrases across ё/е, apostrophes, case and punctuation, never across words', () => {
    expect(hasPhrase('Купили Пʼять Ёлок, — сказал он', ["п'ять", 'елок', 'сказал'])).toBe(true);
    expect(hasPhrase('пять ёлок', ["п'ять", 'елок'])).toBe(false);
    expect(hasPhrase('Путина встретили', ['путин', 'встретили'])).toBe(false);
    // The probe's first match is inside longer words; the phrase stands later in the text.
    expect(hasPhrase('Путина встретили.\n\nПотом «Путин встретили» снова', ['путин', 'встретили'])).toBe(true);
    expect(hasPhrase('aa a a', ['a', 'a'])).toBe(true);
    expect(hasPhrase('aa a', ['a', 'a'])).toBe(false);
    expect(hasPhrase("O'Brien said", ['brien', 'said'])).toBe(false);
  });
  it('ignores excluded words and merges overlaps', () => {
    const text = 'Путин и Путина. Лукашенко.';
    expect(findHits(text, 'ru', parseQuery('Путин -Лукашенко')).map((h) => text.slice(h.start, h.end))).toEqual(['Путин', 'Путина']);
    expect(findHits(text, 'ru', parseQuery('"путин и" путин')).map((h) => text.slice(h.start, h.end))).toEqual(['Путин и', 'Путина']);
  });
  it('cuts snippets at words', () => {
    const text = 'one two three four five six seven eight nine ten';
    const at = text.indexOf('five');
    expect(snippetAt(text, { start: at, end: at + 4 }, 10)).toEqual({ before: 'four ', hit: 'five', after: ' six seven', cutBefore: true, cutAfter: true });
  });
});
