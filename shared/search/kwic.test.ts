import { describe, expect, it } from 'vitest';
import { findHits } from './hits.ts';
import { kwicCsv, kwicLines, sortKwic } from './kwic.ts';
import { parseQuery } from './query.ts';

const A = { id: 'a', title: 'A', outlet: 'Zeta', date: '2024-03-01', text: 'Вчера Лукашенко заявил. Потом Лукашенку ответили. 😀 Наконец Лукашенко ушёл.' };
const B = { id: 'b', title: 'B', outlet: 'Alpha', date: '2023-01-01', text: 'Утром Лукашенко молчал.' };

const lines = () => [A, B].flatMap((a) => kwicLines(a, findHits(a.text, 'ru', parseQuery('Лукашенко')), 20));

describe('KWIC', () => {
  it('gives one line per hit with its context and offsets', () => {
    const l = lines();
    expect(l.map((x) => x.hit)).toEqual(['Лукашенко', 'Лукашенку', 'Лукашенко', 'Лукашенко']);
    expect(l[1]).toMatchObject({ articleId: 'a', left: 'шенко заявил. Потом ', right: ' ответили. 😀 Наконе' });
    // 12 units to the right end inside the emoji: it is left out whole.
    expect(kwicLines(A, [l[1]!], 12)[0]?.right).toBe(' ответили. ');
    for (const x of l) expect((x.articleId === 'a' ? A : B).text.slice(x.start, x.end)).toBe(x.hit);
  });
  it('sorts by the right context word by word, by the left context nearest first, by outlet and date', () => {
    expect(sortKwic(lines(), 'right').map((x) => x.right.trim().split(' ')[0])).toEqual(['заявил.', 'молчал.', 'ответили.', 'ушёл.']);
    expect(sortKwic(lines(), 'left').map((x) => x.left.trim().split(' ').at(-1))).toEqual(['Вчера', 'Наконец', 'Потом', 'Утром']);
    expect(sortKwic(lines(), 'outlet').map((x) => x.articleId)).toEqual(['b', 'a', 'a', 'a']);
    expect(sortKwic(lines(), 'date')[0]?.articleId).toBe('b');
    // Ties keep text order.
    expect(sortKwic(lines(), 'outlet').slice(1).map((x) => x.start)).toEqual(lines().slice(0, 3).map((x) => x.start));
  });
  it('exports CSV with code-point offsets', () => {
    const l = lines().filter((x) => x.articleId === 'a');
    const csv = kwicCsv(l, (id) => (id === 'a' ? A.text : undefined));
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('article_id,title,outlet,date,start,end,left,hit,right');
    const last = rows[3]!.split(',');
    const cps = [...A.text];
    // After the emoji, code points run one behind UTF-16 units.
    expect(cps.slice(Number(last[4]), Number(last[5])).join('')).toBe('Лукашенко');
    expect(Number(last[4])).toBe(l[2]!.start - 1);
  });
});
