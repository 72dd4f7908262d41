import { describe, expect, it } from 'vitest';
import { snapToWords, stepWord, trimRange } from './word-boundaries.ts';

const slice = (t: string, r: { start: number; end: number }) => t.slice(r.start, r.end);

describe('word boundaries', () => {
  it('expands a partial selection to whole words', () => {
    const t = 'The deputy mayor said no.';
    expect(slice(t, snapToWords(t, 6, 13))).toBe('deputy mayor');
  });

  it('trims surrounding white space and keeps punctuation outside words', () => {
    const t = 'said  "Hello there"  today';
    expect(slice(t, snapToWords(t, 5, 21))).toBe('"Hello there"');
    expect(trimRange(t, 4, 7)).toEqual({ start: 6, end: 7 });
  });

  it('keeps Cyrillic, combining marks and emoji whole', () => {
    const t = 'Глава района Виктор Степанов заявил';
    expect(slice(t, snapToWords(t, 15, 22))).toBe('Виктор Степанов');
    const c = 'Cafe\u0301 owners 🇺🇦 protest';
    expect(slice(c, snapToWords(c, 1, 3))).toBe('Cafe\u0301');
    expect(slice(c, snapToWords(c, 2, 5))).toBe('Cafe\u0301');
  });

  it('returns an empty range for a white-space-only selection', () => {
    const t = 'a   b';
    const r = snapToWords(t, 1, 4);
    expect(r.end - r.start).toBe(0);
  });

  it('steps one word left and right', () => {
    const t = 'one two, three';
    expect(stepWord(t, 3, 1)).toBe(7);
    expect(stepWord(t, 7, 1)).toBe(14);
    expect(stepWord(t, 14, -1)).toBe(9);
    expect(stepWord(t, 9, -1)).toBe(4);
  });
});
