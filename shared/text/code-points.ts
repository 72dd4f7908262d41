/**
 * UTF-16 code units (what JavaScript strings and the app's stored offsets count) ↔ Unicode code
 * points (what exports, Python's `str` indexing and the W3C TextPositionSelector count).
 *
 * Only well-formed surrogate pairs count as one code point; a lone surrogate counts as one code
 * point too, exactly as `[...text]` and Python (surrogateescape aside) see it.
 * An offset that falls between the two halves of a pair maps to the code point after the pair's
 * start (the pair is counted as already begun), so a half-open range never loses its first char.
 */

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function checkRange(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is outside 0..${max}`);
  }
}

/** Number of code points that begin before UTF-16 offset `offset`. Linear in `offset`. */
export function utf16ToCodePoint(text: string, offset: number): number {
  checkRange(offset, text.length, 'UTF-16 offset');
  let cp = 0;
  for (let i = 0; i < offset; i++) {
    cp++;
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) i++;
  }
  return cp;
}

/** UTF-16 offset where code point number `cpOffset` begins (or text.length at the end). */
export function codePointToUtf16(text: string, cpOffset: number): number {
  if (!Number.isInteger(cpOffset) || cpOffset < 0) throw new RangeError(`code point offset ${cpOffset} is negative or not an integer`);
  let i = 0;
  for (let cp = 0; cp < cpOffset; cp++) {
    if (i >= text.length) throw new RangeError(`code point offset ${cpOffset} is past the end of the text`);
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) i += 2;
    else i += 1;
  }
  return i;
}

/** Number of code points in `text` (same as `[...text].length`, without the array). */
export function codePointLength(text: string): number {
  return utf16ToCodePoint(text, text.length);
}

export interface OffsetConverter {
  /** UTF-16 offset → code point offset. O(log p), p = number of astral characters. */
  toCodePoint(utf16: number): number;
  /** Code point offset → UTF-16 offset. O(log p). */
  toUtf16(cp: number): number;
  /** Length of the text in code points. */
  readonly codePointLength: number;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A converter for many offsets into one text: one linear scan, then a binary search per offset,
 * so exporting a million annotations stays O(n log p) instead of O(n · text length).
 */
export function makeOffsetConverter(text: string): OffsetConverter {
  const len = text.length;
  if (!SURROGATE.test(text)) {
    // The common case (Latin, Cyrillic, CJK in the BMP): both counts are the same.
    return {
      toCodePoint(n) {
        checkRange(n, len, 'UTF-16 offset');
        return n;
      },
      toUtf16(n) {
        checkRange(n, len, 'code point offset');
        return n;
      },
      codePointLength: len,
    };
  }
  // UTF-16 start of every well-formed pair, and the code point index of that pair.
  const unitStarts: number[] = [];
  for (let i = 0; i < len - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      unitStarts.push(i);
      i++;
    }
  }
  const cpStarts = unitStarts.map((u, k) => u - k);
  const cpLen = len - unitStarts.length;
  /** Count of values in sorted `arr` that are < x. */
  const countBelow = (arr: number[], x: number): number => {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((arr[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    toCodePoint(n) {
      checkRange(n, len, 'UTF-16 offset');
      // Every pair whose second unit lies before n has consumed one extra unit.
      return n - countBelow(unitStarts, n - 1);
    },
    toUtf16(c) {
      checkRange(c, cpLen, 'code point offset');
      return c + countBelow(cpStarts, c);
    },
    codePointLength: cpLen,
  };
}
