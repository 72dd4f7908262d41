import { describe, expect, it } from 'vitest';
import { indexFields } from './analyse.ts';
import { evaluate, matchField, ranked, type DocFacts, type SearchIndexView } from './evaluate.ts';
import { MetaTable } from './meta-table.ts';
import { parseQuery, type QueryNode } from './query.ts';
import { buildSegment, lookupPhrase, lookupSegment } from './segment.ts';
import { queryStems } from './stem.ts';

const ARTICLES: { id: string; title: string; text: string; facts: DocFacts }[] = [
  { id: 'a', title: 'Лукашенко заявил', text: 'Вчера Лукашенко заявил журналистам, что переговоры идут.', facts: { outlet: 'Минский Вестник', lang: 'ru', date: '2024-03-05', status: 'done', author: 'Ёлкин' } },
  { id: 'b', title: 'Заява', text: 'Зеленський заявив, що переговори тривають. Лукашенко заявил нет.', facts: { outlet: 'Київський кур’єр', lang: 'uk-UA', date: '2024-06-30T10:00:00Z', status: 'todo' } },
  { id: 'c', title: 'The government said', text: 'The government said sanctions would stay; Lukashenko said nothing.', facts: { outlet: 'Daily Ledger', lang: 'en', date: '2023-12-31', status: 'in-progress', author: 'Ann Lee' } },
  { id: 'd', title: 'Без даты', text: 'Заявил Лукашенко, и правительство ответило: заявил лукашенко журналистам снова.', facts: { outlet: 'Минский вестник', lang: 'ru' } },
];

const field = (text: string) => parseQuery(text) as Extract<QueryNode, { kind: 'field' }>;

describe('MetaTable', () => {
  it('decides every field filter as matchField does on each article', () => {
    const table = new MetaTable(ARTICLES.map((a) => ({ id: a.id, facts: a.facts })));
    for (const q of ['outlet:вестник', 'outlet:"daily ledger"', 'lang:uk', 'lang:ru-RU', 'date:2024-01..2024-06', 'date:2024-06', 'date:..2023', 'status:done', 'author:елкин', 'author:ann']) {
      const node = field(q);
      const test = table.test(node);
      expect(test, q).toBeDefined();
      for (const a of ARTICLES) expect(test!(a.id), `${q} on ${a.id}`).toBe(matchField(node, a.facts));
      expect(test!('unknown')).toBe(false);
    }
  });

  it('leaves tag: and coder: to the per-article facts', () => {
    const table = new MetaTable(ARTICLES.map((a) => ({ id: a.id, facts: a.facts })));
    expect(table.test(field('tag:claim'))).toBeUndefined();
    expect(table.test(field('coder:anna'))).toBeUndefined();
  });
});

describe('the evaluator over word pairs and the metadata table', () => {
  it('finds and ranks as it does by reading texts and facts', async () => {
    const seg = await buildSegment(ARTICLES.map((a) => ({ id: a.id, ...indexFields(a.title, a.text, a.facts.lang) })));
    const byId = new Map(ARTICLES.map((a) => [a.id, a]));
    const table = new MetaTable(ARTICLES.map((a) => ({ id: a.id, facts: a.facts })));
    const plain: SearchIndexView = {
      lookup: (terms, prefix) => lookupSegment(seg, terms, prefix),
      allIds: () => byId.keys(),
      facts: (id) => byId.get(id)?.facts,
      text: async (id) => byId.get(id),
    };
    const fast: SearchIndexView = { ...plain, phrase: (ws) => lookupPhrase(seg, ws, ws.map((w) => queryStems(w))), fieldTest: (node) => table.test(node) };
    const queries = ['"лукашенко заявил"', '"заявил лукашенко журналистам"', '"the government said"', '"the government"', 'outlet:вестник "лукашенко заявил"', '"лукашенко заявил" -outlet:вестник', 'переговоры OR "the government" date:..2024-03', '"лукашенко" lang:ru', 'lukashenko-said', '"заявил лукашенко" OR "government said"'];
    for (const q of queries) {
      const query = parseQuery(q)!;
      const want = await evaluate(plain, query);
      const got = await evaluate(fast, query);
      expect(ranked(got, () => 0), q).toEqual(ranked(want, () => 0));
      for (const [id, s] of want) expect(got.get(id), `${q}: ${id}`).toBeCloseTo(s, 9);
    }
    // Not vacuous: phrases found something, in some articles and not others.
    expect([...(await evaluate(fast, parseQuery('"лукашенко заявил"')!)).keys()].sort()).toEqual(['a', 'b']);
    expect([...(await evaluate(fast, parseQuery('"заявил лукашенко журналистам"')!)).keys()]).toEqual(['d']);
  });
});
