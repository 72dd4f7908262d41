/**
 * Standoff anchoring: an annotation stores offsets plus the quoted text and a little context,
 * so it can be found again when offsets no longer fit (the Hypothesis client's approach:
 * trust the position only if the quote is still there, otherwise search for the quote and rank
 * candidates by context and by distance from where it was). Offsets here are UTF-16, like the app.
 */
import { quoteAt } from './quote-at.ts';

export interface QuoteContext {
  quote: string;
  prefix: string;
  suffix: string;
}

export interface AnchorSelector {
  start: number;
  end: number;
  quote: string;
  prefix?: string;
  suffix?: string;
}

export interface AnchorRange {
  start: number;
  end: number;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The quote of [start, end) with up to `size` UTF-16 units of context, never half a pair. */
export function quoteContext(text: string, start: number, end: number, size = 32): QuoteContext {
  let from = Math.max(0, start - size);
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
  let to = Math.min(text.length, end + size);
  if (to < text.length && isLow(text.charCodeAt(to)) && isHigh(text.charCodeAt(to - 1))) to--;
  return { quote: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** Length of the common suffix of a and b, in UTF-16 units. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

// Weights as in Hypothesis' match-quote: context matters most, position only breaks ties.
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/**
 * Where the selector's quote is in `text` now, or null when it cannot be found (an orphan: the
 * caller reports it, never drops it). An empty quote never anchors by search.
 */
export function anchor(text: string, selector: AnchorSelector): AnchorRange | null {
  const { start, end, quote } = selector;
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  if (quoteAt(text, start, end, quote).kind === 'match') return { start, end };
  if (quote.length === 0) return null;

  const expected = Number.isFinite(start) ? start : 0;
  const exact: AnchorRange[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) exact.push({ start: at, end: at + quote.length });
  // Second chance: the same words with different white space (a text re-imported with other
  // line breaks or spacing). The range returned is what the text holds now.
  const candidates = exact.length > 0 ? exact : whitespaceTolerantMatches(text, quote);
  let best: AnchorRange | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const before = text.slice(Math.max(0, c.start - prefix.length), c.start);
    const after = text.slice(c.end, c.end + suffix.length);
    const prefixScore = prefix.length === 0 ? 1 : commonSuffix(before, prefix) / prefix.length;
    const suffixScore = suffix.length === 0 ? 1 : commonPrefix(after, suffix) / suffix.length;
    const positionScore = 1 - Math.abs(c.start - expected) / Math.max(1, text.length);
    const score = PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

function whitespaceTolerantMatches(text: string, quote: string): AnchorRange[] {
  const words = quote.trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
  const out: AnchorRange[] = [];
  for (const m of text.matchAll(pattern)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
