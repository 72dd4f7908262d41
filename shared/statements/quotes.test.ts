import { describe, expect, it } from 'vitest';
import { suggestQuotes, type QuoteSuggestion } from './quotes.ts';
import { evaluateQuotes } from './quotes-eval.ts';
import { QUOTE_ARTICLES } from './fixtures/quote-articles.ts';
import { QUOTE_HELDOUT } from './fixtures/quote-articles-heldout.ts';

/** Suggestions as text, to read the expectations. */
function read(text: string, language: string): { claim: string; claimant?: string; source?: string; type: string }[] {
  return suggestQuotes(text, language).map((s) => ({
    claim: text.slice(s.claim.start, s.claim.end),
    ...(s.claimant ? { claimant: text.slice(s.claimant.start, s.claimant.end) } : {}),
    ...(s.source ? { source: text.slice(s.source.start, s.source.end) } : {}),
    type: s.quoteType,
  }));
}

describe('quote and attribution rules', () => {
  it('direct quotes with the speaker after or before them', () => {
    expect(read('“We will hold the line,” the mayor said on Monday.', 'en')).toEqual([{ claim: 'We will hold the line', claimant: 'the mayor', type: 'direct' }]);
    expect(read('«Мы готовы к переговорам», — заявил министр в Минске.', 'ru')).toEqual([{ claim: 'Мы готовы к переговорам', claimant: 'министр', type: 'direct' }]);
    expect(read('Посол сказав: „Рішення ухвалено сьогодні“.', 'uk')).toEqual([{ claim: 'Рішення ухвалено сьогодні', claimant: 'Посол', type: 'direct' }]);
  });

  it('a mixed quote starts after the reporting verb', () => {
    expect(read('The envoy said the deal “will not survive the winter.”', 'en')).toEqual([{ claim: 'the deal “will not survive the winter', claimant: 'The envoy', type: 'mixed' }]);
  });

  it('scare quotes and titles without a speaker are not suggested', () => {
    expect(read('The so-called “peace plan” and the film «Граница на замке» were discussed.', 'en')).toEqual([]);
    // The next sentence's verb is not this quotation's speaker.
    expect(read('Фильм «Граница на замке сегодня». Он не уточнил, когда премьера.', 'ru')).toEqual([]);
  });

  it('dash-introduced speech', () => {
    expect(read('— Это наш последний шанс, — сказала она журналистам.', 'ru')).toEqual([{ claim: 'Это наш последний шанс', claimant: 'она', type: 'direct' }]);
  });

  it('attribution phrases: source or claimant by the phrase', () => {
    expect(read('According to Reuters, the talks failed.', 'en')).toEqual([{ claim: 'the talks failed', source: 'Reuters', type: 'indirect' }]);
    expect(read('По словам депутата, закон примут в мае.', 'ru')).toEqual([{ claim: 'закон примут в мае', claimant: 'депутата', type: 'indirect' }]);
    expect(read('За її словами, школи відкриють у вересні.', 'uk')).toEqual([{ claim: 'школи відкриють у вересні', claimant: 'її', type: 'indirect' }]);
    expect(read('Ціни зростуть, за даними НБУ.', 'uk')).toEqual([{ claim: 'Ціни зростуть', source: 'НБУ', type: 'indirect' }]);
  });

  it('reported speech with that / что / що, and after the claim', () => {
    expect(read('Kyiv — The minister told parliament on Friday that tariffs would rise.', 'en')).toEqual([{ claim: 'tariffs would rise', claimant: 'The minister', type: 'indirect' }]);
    expect(read('Премьер заявил журналистам, что бюджет сбалансирован.', 'ru')).toEqual([{ claim: 'бюджет сбалансирован', claimant: 'Премьер', type: 'indirect' }]);
    expect(read('Міст відремонтують до осені, повідомив мер Одеси.', 'uk')).toEqual([{ claim: 'Міст відремонтують до осені', claimant: 'мер Одеси', type: 'indirect' }]);
    // An outlet as the speaker is a source.
    expect(read('The agency Ukrinform reported that two drones were shot down.', 'en')).toEqual([{ claim: 'two drones were shot down', source: 'The agency Ukrinform', type: 'indirect' }]);
  });

  it('offsets are UTF-16 code units, also after emoji', () => {
    const text = '🇺🇦😀 “Every name matters,” she said.';
    const [s] = suggestQuotes(text, 'en') as [QuoteSuggestion];
    expect(s.claim).toEqual({ start: 8, end: 26 });
    expect(text.slice(s.claimant!.start, s.claimant!.end)).toBe('she');
  });

  it('claims never overlap and stay inside the text', () => {
    for (const a of [...QUOTE_ARTICLES, ...QUOTE_HELDOUT]) {
      const list = suggestQuotes(a.text, a.language);
      for (let i = 0; i < list.length; i++) {
        const s = list[i]!;
        expect(s.claim.start).toBeGreaterThanOrEqual(0);
        expect(s.claim.end).toBeLessThanOrEqual(a.text.length);
        if (i > 0) expect(s.claim.start).toBeGreaterThanOrEqual(list[i - 1]!.claim.end);
      }
    }
  });
});

describe('precision and recall on hand-coded articles (figures in bench/parts/quotes.ts)', () => {
  it('the scorer gives 1 to the gold itself and 0 recall to nothing', () => {
    const perfect = evaluateQuotes(QUOTE_ARTICLES, (text) => {
      const art = QUOTE_ARTICLES.find((a) => a.text === text)!;
      let cursor = 0;
      return art.gold.map((g) => {
        const at = text.indexOf(g.claim, cursor);
        cursor = at;
        return { claim: { start: at, end: at + g.claim.length }, claimant: null, source: null, quoteType: 'direct', rule: 'quote' };
      });
    });
    expect(perfect.claims).toMatchObject({ precision: 1, recall: 1 });
    expect(perfect.claimants.recall).toBe(0);
    expect(evaluateQuotes(QUOTE_ARTICLES, () => []).claims.recall).toBe(0);
  });

  it('the articles the rules were written on: claims P ≥ 0.9, R ≥ 0.9; claimants and sources ≥ 0.85', () => {
    const e = evaluateQuotes(QUOTE_ARTICLES, suggestQuotes);
    expect(e.claims.gold).toBe(46);
    expect(e.claims.precision, e.spurious.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(e.claims.recall, e.missed.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(e.claimants.precision).toBeGreaterThanOrEqual(0.85);
    expect(e.claimants.recall).toBeGreaterThanOrEqual(0.85);
    expect(e.sources.precision).toBeGreaterThanOrEqual(0.85);
    expect(e.sources.recall).toBeGreaterThanOrEqual(0.85);
    for (const lang of ['en', 'ru', 'uk']) expect(e.byLanguage[lang]!.f1, lang).toBeGreaterThanOrEqual(0.85);
  });

  it('held-out articles (never tuned on): claims P ≥ 0.85, R ≥ 0.6', () => {
    const e = evaluateQuotes(QUOTE_HELDOUT, suggestQuotes);
    expect(e.claims.gold).toBe(30);
    expect(e.claims.precision, e.spurious.join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(e.claims.recall, e.missed.join('\n')).toBeGreaterThanOrEqual(0.6);
  });
});
