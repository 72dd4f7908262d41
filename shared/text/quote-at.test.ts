import { describe, expect, it } from 'vitest';
import { quoteAt } from './quote-at.ts';
import { makeOffsetConverter } from './code-points.ts';

describe('quoteAt', () => {
  const text = 'a 😀 b said so';

  it('answers match with UTF-16 offsets, and the same range given in code points', () => {
    expect(quoteAt(text, 5, 6, 'b')).toEqual({ kind: 'match', start: 5, end: 6 });
    expect(quoteAt(text, 4, 5, 'b', makeOffsetConverter(text))).toEqual({ kind: 'match', start: 5, end: 6 });
  });

  it('says what the range holds when it is not the quote', () => {
    expect(quoteAt(text, 4, 5, 'b')).toEqual({ kind: 'mismatch', start: 4, end: 5, covered: ' ' });
    expect(quoteAt(text, 2, 3, '😀', makeOffsetConverter(text))).toEqual({ kind: 'match', start: 2, end: 4 });
  });

  it('refuses ranges that are not in the text, in the unit asked', () => {
    const conv = makeOffsetConverter(text);
    expect(quoteAt(text, 0, text.length, text).kind).toBe('match');
    expect(quoteAt(text, 0, text.length, text, conv)).toEqual({ kind: 'outside', length: text.length - 1 });
    for (const [s, e] of [[-1, 2], [3, 2], [0.5, 2], [0, Number.NaN], [0, 99]] as const) expect(quoteAt(text, s, e, '').kind).toBe('outside');
  });
});
