import { describe, expect, it } from 'vitest';
import { NONE, textUnits, unitMatrix } from './units.ts';
import { krippendorffAlpha } from './alpha.ts';

describe('textUnits', () => {
  it('tokens are words in code points, across Cyrillic and astral characters', () => {
    const text = 'Мэр 😀 сказал: «нет», it’s 3.5%, Ростов-на-Дону.';
    const units = textUnits(text, 'token');
    const cps = [...text];
    expect(units.map((u) => cps.slice(u.start, u.end).join(''))).toEqual(['Мэр', 'сказал', 'нет', 'it’s', '3.5', 'Ростов-на-Дону']);
    // ICU's word breaks agree, except that they split hyphenated compounds.
    expect(textUnits(text, 'token', { method: 'Intl.Segmenter' }).slice(0, 5)).toEqual(units.slice(0, 5));
  });

  it('sentences, without their trailing white space, one per paragraph at least', () => {
    const text = 'First claim here. Second one!\n\nA new paragraph without a stop';
    const cps = [...text];
    expect(textUnits(text, 'sentence').map((u) => cps.slice(u.start, u.end).join(''))).toEqual([
      'First claim here.',
      'Second one!',
      'A new paragraph without a stop',
    ]);
    expect(textUnits(text, 'sentence', { method: 'regex' })).toEqual(textUnits(text, 'sentence'));
  });
});

describe('unitMatrix', () => {
  const articles = [
    { id: 'a1', text: '😀 Alpha beta gamma delta.', openedBy: ['ann', 'bob', 'cy'] },
    { id: 'a2', text: 'Epsilon zeta.', openedBy: ['ann', 'bob'] },
  ];
  // Code points: 😀=0, space=1, Alpha=2..7, beta=8..12, gamma=13..18, delta=19..24
  const annotations = [
    { articleId: 'a1', coder: 'ann', start: 2, end: 12, tagId: 'claim' },
    { articleId: 'a1', coder: 'bob', start: 8, end: 18, tagId: 'claim' },
    { articleId: 'a1', coder: 'bob', start: 13, end: 14, tagId: 'actor' },
    { articleId: 'a2', coder: 'bob', start: 0, end: 7, tagId: 'source' },
    { articleId: 'a2', coder: 'zed', start: 0, end: 7, tagId: 'source' },
  ];
  const m = unitMatrix({ articles, coders: ['ann', 'bob', 'cy'], annotations }, { unit: 'token' });

  it('value = the tag covering the unit, "none" where nothing does, tags joined where several do', () => {
    expect(m.units.slice(0, 4)).toEqual([
      ['claim', NONE, NONE],
      ['claim', 'claim', NONE],
      [NONE, 'actor+claim', NONE],
      [NONE, NONE, NONE],
    ]);
    expect(m.unitInfo[0]).toEqual({ articleId: 'a1', start: 2, end: 7 });
  });

  it('an article a coder never opened is missing, not "none"', () => {
    expect(m.units.slice(4)).toEqual([
      [NONE, 'source', null],
      [NONE, NONE, null],
    ]);
    expect([...m.clusters]).toEqual([0, 0, 0, 0, 1, 1]);
    // Missing values leave pairable values out of α's n (6 units: 4 × 3 + 2 × 2 values).
    const r = krippendorffAlpha(m);
    expect(r.n.pairableValues).toBe(16);
  });

  it('a coder with annotations in an article counts as having opened it', () => {
    const m2 = unitMatrix({ articles: [{ id: 'a2', text: 'Epsilon zeta.', openedBy: ['ann'] }], coders: ['ann', 'bob'], annotations }, { unit: 'token' });
    expect(m2.units).toEqual([
      [NONE, 'source'],
      [NONE, NONE],
    ]);
  });
});
