import { describe, expect, it } from 'vitest';
import { codePointLength, codePointToUtf16, makeOffsetConverter, utf16ToCodePoint } from './code-points.ts';

// Emoji, a flag (two regional indicators), mathematical bold A, a combining accent, Cyrillic.
const TEXT = 'Hi 😀 from 🇺🇦: 𝐀 is bold, e\u0301 is decomposed, Київ.';

/** Code point offset of every UTF-16 boundary, computed the slow, obvious way. */
function slowCodePoint(text: string, u: number): number {
  return [...text.slice(0, u)].length;
}

describe('utf16ToCodePoint / codePointToUtf16', () => {
  it('agree with Array.from on every code point boundary', () => {
    const cps = [...TEXT];
    let u = 0;
    for (let c = 0; c <= cps.length; c++) {
      expect(utf16ToCodePoint(TEXT, u)).toBe(c);
      expect(codePointToUtf16(TEXT, c)).toBe(u);
      u += cps[c]?.length ?? 0;
    }
  });

  it('counts astral characters once and combining marks separately', () => {
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('🇺🇦')).toBe(2);
    expect(codePointLength('𝐀')).toBe(1);
    expect(codePointLength('e\u0301')).toBe(2);
    expect(codePointLength('Київ')).toBe(4);
  });

  it('maps an offset inside a surrogate pair to the code point after its start', () => {
    expect(utf16ToCodePoint('a😀b', 2)).toBe(2);
  });

  it('treats a lone surrogate as one code point, like [...text]', () => {
    const lone = 'a\uD83Db';
    expect(utf16ToCodePoint(lone, 3)).toBe([...lone].length);
    expect(codePointToUtf16(lone, 2)).toBe(2);
  });

  it('rejects offsets outside the text', () => {
    expect(() => utf16ToCodePoint('abc', 4)).toThrow(RangeError);
    expect(() => codePointToUtf16('a😀', 3)).toThrow(RangeError);
    expect(() => utf16ToCodePoint('abc', -1)).toThrow(RangeError);
  });
});

describe('makeOffsetConverter', () => {
  it('gives the same answers as the linear functions for every offset', () => {
    for (const text of [TEXT, 'plain ascii', '😀😀😀', '', 'x\uDC00y\uD800']) {
      const conv = makeOffsetConverter(text);
      for (let u = 0; u <= text.length; u++) {
        expect(conv.toCodePoint(u)).toBe(slowCodePoint(text, u));
      }
      const n = [...text].length;
      expect(conv.codePointLength).toBe(n);
      for (let c = 0; c <= n; c++) expect(conv.toUtf16(c)).toBe(codePointToUtf16(text, c));
    }
  });

  it('answers every offset of a long text with many astral characters like a linear count', () => {
    const text = 'ab😀 '.repeat(5_000);
    // The reference, built in one pass: an offset inside a surrogate pair counts the pair's start.
    const expected: number[] = [];
    let cp = 0;
    let u = 0;
    for (const ch of text) {
      expected[u] = cp;
      if (ch.length === 2) expected[u + 1] = cp + 1;
      u += ch.length;
      cp++;
    }
    expected[u] = cp;
    const conv = makeOffsetConverter(text);
    expect(Array.from({ length: text.length + 1 }, (_, i) => conv.toCodePoint(i))).toEqual(expected);
    const back = Array.from({ length: cp + 1 }, (_, c) => conv.toCodePoint(conv.toUtf16(c)));
    expect(back).toEqual(Array.from({ length: cp + 1 }, (_, c) => c));
  });

  it('slices the same text in both units', () => {
    const conv = makeOffsetConverter(TEXT);
    const start = TEXT.indexOf('🇺🇦');
    const end = start + '🇺🇦'.length;
    const cps = [...TEXT];
    expect(cps.slice(conv.toCodePoint(start), conv.toCodePoint(end)).join('')).toBe('🇺🇦');
  });
});
