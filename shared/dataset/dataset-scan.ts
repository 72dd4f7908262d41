/**
 * Reading a dataset file article by article. A million annotations make a JSON file of several
 * hundred megabytes, more than the longest string a JavaScript engine allows (V8: 2^29 - 24
 * characters), so `JSON.parse` of the whole file is impossible. The bytes are scanned once for
 * the top-level "articles" array (JSON's structural characters are ASCII, so they never occur
 * inside UTF-8 sequences); the header and each article are then parsed on their own.
 */

import { runSteps, type Steps } from './steps.ts';
import { errorMessage } from '../errors.ts';

export interface ScannedDataset {
  /** Every top-level field, with `articles: []`. */
  header: unknown;
  articleCount: number;
  /** Parses the articles one at a time, each time it is called. */
  articles(): Generator<unknown>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const ARTICLES = [...'"articles"'].map((c) => c.charCodeAt(0));

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** One article of a scanned dataset is not valid JSON (e.g. `NaN`, which JSON does not have). */
export class ArticleSyntaxError extends SyntaxError {
  constructor(
    readonly index: number,
    reason: string,
  ) {
    super(`articles[${index}] is not valid JSON (${reason})`);
  }
}

/** Throws when the bytes are not a JSON object with a top-level "articles" array. */
export function scanDatasetBytes(bytes: Uint8Array): ScannedDataset {
  return runSteps(scanDatasetSteps(bytes));
}

/** Bytes scanned between two steps (a 200 MB file is a second of scanning). */
const SCAN_STEP = 1 << 20;

/** scanDatasetBytes as steps (see steps.ts). */
export function* scanDatasetSteps(bytes: Uint8Array): Steps<ScannedDataset> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const begin = i;
  const n = bytes.length;
  let depth = 0;
  let arrayStart = -1;
  let arrayEnd = -1;
  // Element boundaries inside the articles array, as [start, end) pairs.
  const bounds: number[] = [];
  let elementStart = -1;
  let nextStep = i + SCAN_STEP;
  for (; i < n; i++) {
    if (i >= nextStep) {
      yield;
      nextStep = i + SCAN_STEP;
    }
    const b = bytes[i]!;
    if (b === QUOTE) {
      const stringStart = i;
      // Jump to the closing quote: one not preceded by an odd number of backslashes.
      for (;;) {
        i = bytes.indexOf(QUOTE, i + 1);
        if (i === -1) throw new Error('unterminated string');
        let slashes = 0;
        while (bytes[i - 1 - slashes] === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
      }
      if (depth === 1 && arrayStart === -1 && i - stringStart + 1 === ARTICLES.length && ARTICLES.every((c, k) => bytes[stringStart + k] === c)) {
        let j = i + 1;
        while (j < n && isSpace(bytes[j]!)) j++;
        if (bytes[j] === COLON) {
          j++;
          while (j < n && isSpace(bytes[j]!)) j++;
          if (bytes[j] !== OPEN_BRACKET) throw new Error('"articles" is not an array');
          arrayStart = j;
          i = j;
          depth++;
          continue;
        }
      }
      if (depth === 2 && arrayStart !== -1 && arrayEnd === -1 && elementStart === -1) elementStart = stringStart;
      continue;
    }
    if (isSpace(b)) continue;
    const inArray = arrayStart !== -1 && arrayEnd === -1 && depth === 2;
    if (inArray && elementStart === -1 && b !== COMMA && b !== CLOSE_BRACKET) elementStart = i;
    if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
    else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
      if (depth === 1 && arrayStart !== -1 && arrayEnd === -1) {
        if (elementStart !== -1) bounds.push(elementStart, lastNonSpace(bytes, i) + 1);
        elementStart = -1;
        arrayEnd = i;
      }
    } else if (b === COMMA && inArray) {
      if (elementStart === -1) throw new Error('empty element in "articles"');
      bounds.push(elementStart, lastNonSpace(bytes, i) + 1);
      elementStart = -1;
    }
  }
  if (arrayStart === -1 || arrayEnd === -1) throw new Error('no top-level "articles" array');
  const header: unknown = JSON.parse(decoder.decode(bytes.subarray(begin, arrayStart)) + '[]' + decoder.decode(bytes.subarray(arrayEnd + 1)));
  return {
    header,
    articleCount: bounds.length / 2,
    *articles() {
      for (let k = 0; k < bounds.length; k += 2) {
        const text = decoder.decode(bytes.subarray(bounds[k], bounds[k + 1]));
        let article: unknown;
        try {
          article = JSON.parse(text);
        } catch (e) {
          // Say which article: the parser's position is relative to the article's own text.
          throw new ArticleSyntaxError(k / 2, errorMessage(e));
        }
        yield article;
      }
    },
  };
}

function lastNonSpace(bytes: Uint8Array, before: number): number {
  let j = before - 1;
  while (j >= 0 && isSpace(bytes[j]!)) j--;
  return j;
}

/**
 * A dataset file's bytes as header + articles: scanned when it has the dataset's layout,
 * otherwise parsed whole, so that broken JSON gets the parser's exact message and a wrong
 * shape is described by validation. Throws a SyntaxError for bytes that are not JSON.
 */
export function openDatasetBytes(bytes: Uint8Array): ScannedDataset {
  return runSteps(openDatasetSteps(bytes));
}

/** openDatasetBytes as steps. */
export function* openDatasetSteps(bytes: Uint8Array): Steps<ScannedDataset> {
  try {
    return yield* scanDatasetSteps(bytes);
  } catch {
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const list = typeof json === 'object' && json !== null && Array.isArray((json as { articles?: unknown }).articles) ? (json as { articles: unknown[] }).articles : null;
    return {
      header: list ? { ...(json as object), articles: [] } : json,
      articleCount: list?.length ?? 0,
      *articles() {
        if (list) yield* list;
      },
    };
  }
}
