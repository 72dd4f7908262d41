/**
 * Precision and recall of quote suggestions against hand-coded articles (fixtures/quote-articles.ts).
 * A suggested claim matches a gold claim when their spans overlap by at least half of their union
 * (intersection / union ≥ 0.5), one to one, best overlap first. For matched claims, the claimant
 * (source) is right when the suggested span overlaps the gold span.
 */
import type { QuoteArticle } from './fixtures/quote-articles.ts';
import type { QuoteSuggestion, Span } from './quotes.ts';

export interface Score {
  /** Right suggestions, suggestions made, gold items. */
  correct: number;
  suggested: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface QuoteEvaluation {
  claims: Score;
  claimants: Score;
  sources: Score;
  byLanguage: Record<string, Score>;
  /** Gold claims not found and suggestions not in the gold, for reading. */
  missed: string[];
  spurious: string[];
}

function score(correct: number, suggested: number, gold: number): Score {
  const precision = suggested === 0 ? 1 : correct / suggested;
  const recall = gold === 0 ? 1 : correct / gold;
  return { correct, suggested, gold, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function iou(a: Span, b: Span): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

const overlaps = (a: Span | null, b: Span | null) => a !== null && b !== null && a.start < b.end && b.start < a.end;

/** The occurrence of `needle` closest to `near` (gold claimants are written as text). */
function locateNear(text: string, needle: string, near: Span): Span {
  let best: Span | null = null;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const d = Math.min(Math.abs(i - near.end), Math.abs(i + needle.length - near.start), overlaps({ start: i, end: i + needle.length }, near) ? 0 : Infinity);
    const bd = best ? Math.min(Math.abs(best.start - near.end), Math.abs(best.end - near.start), overlaps(best, near) ? 0 : Infinity) : Infinity;
    if (d < bd) best = { start: i, end: i + needle.length };
  }
  if (!best) throw new Error(`gold text not found: ${needle}`);
  return best;
}

export function evaluateQuotes(articles: readonly QuoteArticle[], suggest: (text: string, language: string) => QuoteSuggestion[]): QuoteEvaluation {
  const totals = { claims: [0, 0, 0], claimants: [0, 0, 0], sources: [0, 0, 0] };
  const lang: Record<string, number[]> = {};
  const missed: string[] = [];
  const spurious: string[] = [];
  for (const art of articles) {
    let cursor = 0;
    const gold = art.gold.map((g) => {
      const at = art.text.indexOf(g.claim, cursor);
      if (at < 0) throw new Error(`${art.id}: gold claim not found: ${g.claim}`);
      cursor = at;
      const claim = { start: at, end: at + g.claim.length };
      return { claim, claimant: g.claimant ? locateNear(art.text, g.claimant, claim) : null, source: g.source ? locateNear(art.text, g.source, claim) : null };
    });
    const sugg = suggest(art.text, art.language);
    const pairs: [number, number, number][] = [];
    gold.forEach((g, gi) => sugg.forEach((s, si) => {
      const o = iou(g.claim, s.claim);
      if (o >= 0.5) pairs.push([o, gi, si]);
    }));
    pairs.sort((a, b) => b[0] - a[0]);
    const gUsed = new Map<number, number>();
    const sUsed = new Set<number>();
    for (const [, gi, si] of pairs) {
      if (gUsed.has(gi) || sUsed.has(si)) continue;
      gUsed.set(gi, si);
      sUsed.add(si);
    }
    const l = (lang[art.language] ??= [0, 0, 0]);
    totals.claims[0]! += gUsed.size;
    totals.claims[1]! += sugg.length;
    totals.claims[2]! += gold.length;
    l[0]! += gUsed.size;
    l[1]! += sugg.length;
    l[2]! += gold.length;
    totals.claimants[1]! += sugg.filter((s) => s.claimant).length;
    totals.sources[1]! += sugg.filter((s) => s.source).length;
    gold.forEach((g, gi) => {
      if (g.claimant) totals.claimants[2]!++;
      if (g.source) totals.sources[2]!++;
      const si = gUsed.get(gi);
      if (si === undefined) {
        missed.push(`${art.id}: ${art.text.slice(g.claim.start, g.claim.end)}`);
        return;
      }
      const s = sugg[si]!;
      if (overlaps(g.claimant, s.claimant)) totals.claimants[0]!++;
      if (overlaps(g.source, s.source)) totals.sources[0]!++;
    });
    sugg.forEach((s, si) => {
      if (!sUsed.has(si)) spurious.push(`${art.id}: ${art.text.slice(s.claim.start, s.claim.end)}`);
    });
  }
  const sc = (t: number[]) => score(t[0]!, t[1]!, t[2]!);
  return {
    claims: sc(totals.claims),
    claimants: sc(totals.claimants),
    sources: sc(totals.sources),
    byLanguage: Object.fromEntries(Object.entries(lang).map(([k, v]) => [k, sc(v)])),
    missed,
    spurious,
  };
}
