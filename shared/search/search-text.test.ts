import { describe, expect, it } from 'vitest';
import { foldTerm } from './normalise.ts';
import { tokenise, words } from './tokenise.ts';
import { queryStems, stemTerm } from './stem.ts';
import { stemBelarusian } from './stem-be.ts';
import { indexTerms } from './analyse.ts';

/** True when a query word finds `form` in an article of `lang` (the index's rule). */
function finds(query: string, form: string, lang: string): boolean {
  const indexed = stemTerm(foldTerm(form), lang);
  return queryStems(foldTerm(query)).includes(indexed);
}

describe('foldTerm', () => {
  it('folds case, ё and every apostrophe', () => {
    expect(foldTerm('ЁЛКА')).toBe('елка');
    expect(foldTerm('Пʼять')).toBe("п'ять");
    expect(foldTerm('п’ять')).toBe("п'ять");
    expect(foldTerm("П'ЯТЬ")).toBe("п'ять");
  });
  it('composes to NFC', () => {
    expect(foldTerm('e\u0301te')).toBe('éte');
    expect(foldTerm('Йод'.normalize('NFD'))).toBe('йод');
  });
});

describe('tokenise', () => {
  it('gives UTF-16 offsets into the original text', () => {
    const text = '😀 Лукашенко, «Зеленський» и O’Brien.';
    const toks = tokenise(text);
    expect(toks.map((t) => t.term)).toEqual(['лукашенко', 'зеленський', 'и', "o'brien"]);
    for (const t of toks) expect(foldTerm(text.slice(t.start, t.end))).toBe(t.term);
    expect(toks[0]?.start).toBe(3); // after a surrogate pair and a space
  });
  it('splits hyphenated words into their parts', () => {
    expect(words('северо-западный, well-known')).toEqual(['северо', 'западный', 'well', 'known']);
  });
  it('keeps apostrophes inside words only', () => {
    expect(words("'м'ясо' пʼять об’єкт")).toEqual(["м'ясо", "п'ять", "об'єкт"]);
  });
  it('keeps digits as words', () => {
    expect(words('COVID-19 в 2024 году')).toEqual(['covid', '19', 'в', '2024', 'году']);
  });
});

describe('stemming: inflected queries find inflected forms', () => {
  it('Russian', () => {
    expect(finds('Лукашенко', 'Лукашенку', 'ru')).toBe(true);
    expect(finds('Лукашенку', 'Лукашенко', 'ru')).toBe(true);
    expect(finds('Путин', 'Путина', 'ru')).toBe(true);
    expect(finds('ёлка', 'ЕЛКИ', 'ru')).toBe(true);
    expect(finds('Путин', 'путешествие', 'ru')).toBe(false);
  });
  it('Ukrainian, with any apostrophe', () => {
    expect(finds('Зеленський', 'Зеленського', 'uk')).toBe(true);
    expect(finds('Зеленський', 'Зеленському', 'uk')).toBe(true);
    expect(finds("м'ясо", 'мʼяса', 'uk')).toBe(true);
    expect(finds('Україна', 'України', 'uk')).toBe(true);
  });
  it('Belarusian', () => {
    expect(finds('Лукашэнка', 'Лукашэнку', 'be')).toBe(true);
    expect(finds('Лукашэнка', 'Лукашэнкам', 'be')).toBe(true);
    expect(finds('беларускі', 'беларускай', 'be')).toBe(true);
    expect(stemBelarusian('мова')).toBe('мов');
    expect(stemBelarusian('дом')).toBe('дом'); // too short to strip
  });
  it('English', () => {
    expect(finds('elections', 'election', 'en')).toBe(true);
    expect(finds('running', 'runs', 'en')).toBe(true);
    expect(finds('Lukashenko', "Lukashenko's", 'en')).toBe(true);
  });
  it('by script: a Latin name in a Russian article, a Cyrillic word of unknown language', () => {
    expect(finds('Reuters', 'Reuters', 'ru')).toBe(true);
    expect(finds('Лукашенко', 'Лукашенку', '')).toBe(true);
  });
  it('indexTerms joins the stems of a text', () => {
    expect(indexTerms('Лукашенку сказали', 'ru').split(' ')).toEqual([stemTerm('лукашенку', 'ru'), stemTerm('сказали', 'ru')]);
  });
});
