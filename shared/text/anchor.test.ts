import { describe, expect, it } from 'vitest';
import { anchor, quoteContext } from './anchor.ts';

const TEXT = 'The minister 😀 said the plan works. Critics said the plan fails. Later the minister said the plan works again.';

function selectorFor(text: string, quote: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  const sel = quoteContext(text, at, at + quote.length);
  return { start: at, end: at + quote.length, ...sel };
}

describe('quoteContext', () => {
  it('takes up to size units of context on each side', () => {
    const ctx = quoteContext('abcdefghij', 4, 6, 3);
    expect(ctx).toEqual({ quote: 'ef', prefix: 'bcd', suffix: 'ghi' });
  });

  it('never cuts a surrogate pair in half', () => {
    const text = '😀abc😀';
    const ctx = quoteContext(text, 3, 4, 2); // prefix window would start inside the first emoji
    expect(ctx.prefix).toBe('a');
    const ctx2 = quoteContext(text, 2, 3, 3); // suffix window would end inside the last emoji
    expect(ctx2.suffix).toBe('bc');
    expect([...ctx.prefix + ctx2.suffix].every((ch) => ch.length === 1)).toBe(true);
  });
});

describe('anchor', () => {
  it('keeps the stored position when the quote is still there', () => {
    const sel = selectorFor(TEXT, 'said the plan works', 1);
    expect(anchor(TEXT, sel)).toEqual({ start: sel.start, end: sel.end });
  });

  it('finds the quote again after the text shifted (an emoji inserted before it)', () => {
    const sel = selectorFor(TEXT, 'Critics said');
    const shifted = '🇺🇦 ' + TEXT;
    const got = anchor(shifted, sel);
    expect(got).not.toBeNull();
    expect(shifted.slice(got!.start, got!.end)).toBe('Critics said');
    expect(got!.start).toBe(sel.start + '🇺🇦 '.length);
  });

  it('picks the right one of repeated quotes by prefix and suffix', () => {
    const second = selectorFor(TEXT, 'said the plan works', 1);
    // Shift by enough that the stored position points nowhere useful.
    const shifted = 'Intro paragraph. '.repeat(3) + TEXT;
    const got = anchor(shifted, second);
    const expectedStart = shifted.lastIndexOf('said the plan works');
    expect(got).toEqual({ start: expectedStart, end: expectedStart + 'said the plan works'.length });

    const first = selectorFor(TEXT, 'said the plan works', 0);
    const gotFirst = anchor(shifted, first);
    expect(gotFirst!.start).toBe(shifted.indexOf('said the plan works'));
  });

  it('uses distance to the expected position when contexts tie', () => {
    const text = 'x ab x ab x ab x';
    const got = anchor(text, { start: 10, end: 12, quote: 'ab', prefix: '', suffix: '' });
    // "ab" occurs at 2, 7 and 12; the stored 10..12 no longer holds it, and 12 is nearest.
    expect(got!.start).toBe(12);
  });

  it('finds a quote whose white space changed, returning the range as the text has it now', () => {
    const sel = selectorFor(TEXT, 'Critics said the plan fails.');
    const reflowed = TEXT.replace('Critics said the plan', 'Critics  said\nthe plan');
    const got = anchor(reflowed, sel)!;
    expect(reflowed.slice(got.start, got.end)).toBe('Critics  said\nthe plan fails.');
    // Exact matches still win over white-space-tolerant ones.
    expect(anchor('a b a  b', { start: 9, end: 12, quote: 'a  b' })).toEqual({ start: 4, end: 8 });
  });

  it('escapes regular-expression characters in the quote', () => {
    const text = 'Price  (est.)  $5+ fell.';
    expect(anchor(text, { start: 0, end: 16, quote: 'Price (est.) $5+' })).toEqual({ start: 0, end: 18 });
    // Unescaped, "(est.)" would be a group and "$" an anchor: nothing would match.
    expect(anchor('Price est! 5 fell', { start: 0, end: 16, quote: 'Price (est.) $5+' })).toBeNull();
  });

  it('returns null (an orphan) when the quote is gone', () => {
    const sel = selectorFor(TEXT, 'Critics said');
    expect(anchor(TEXT.replace('Critics', 'Experts'), sel)).toBeNull();
  });

  it('does not anchor an empty quote by search, and ignores impossible offsets', () => {
    expect(anchor('abc', { start: 5, end: 9, quote: '' })).toBeNull();
    expect(anchor('abc', { start: 5, end: 9, quote: 'bc' })).toEqual({ start: 1, end: 3 });
  });
});
