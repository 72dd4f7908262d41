/**
 * Which annotations to offer as the target of a link, and in what order: the categories that fit
 * the relation first (who made a claim is an actor or a source, not another claim), then the
 * rest, nearest in the text first; filtered by what the coder types (quote or tag name).
 */
import { foldForSearch, matchRank } from '../text/search-fold.ts';

/** The exported relation type names (the dataset's words) and the words the UI shows for them. */
export const RELATION_UI_LABELS: Record<string, string> = { claimant: 'claimed by', addressee: 'addressed to', 'according-to': 'according to', about: 'about' };

/** The categories that fit the target of each relation type, best first. */
export const FITTING_CATEGORIES: Record<string, readonly string[]> = {
  claimant: ['actor', 'source'],
  addressee: ['actor', 'source'],
  'according-to': ['source', 'actor'],
  about: ['actor'],
};

export interface LinkCandidate {
  id: string;
  category: string;
  tagName: string;
  quote: string;
  start: number;
  end: number;
}

export interface RankedTarget<C extends LinkCandidate> {
  candidate: C;
  /** True when the target's category fits the relation type. */
  fitting: boolean;
}

/**
 * Targets for a link of `type` from `from`, fitting categories first, each group ordered by
 * match quality then distance in the text. At most `limit` results.
 */
export function rankLinkTargets<C extends LinkCandidate>(candidates: readonly C[], from: LinkCandidate, type: string, query: string, limit = 100): RankedTarget<C>[] {
  const fitting = FITTING_CATEGORIES[type] ?? [];
  const q = foldForSearch(query);
  const distance = (x: LinkCandidate) => Math.max(0, x.start - from.end, from.start - x.end);
  const scored: { candidate: C; group: number; rank: number; distance: number }[] = [];
  for (const c of candidates) {
    if (c.id === from.id) continue;
    const quoteRank = matchRank(foldForSearch(c.quote), q);
    const tagRank = matchRank(foldForSearch(c.tagName), q);
    const rank = Math.min(quoteRank ?? Infinity, tagRank ?? Infinity);
    if (rank === Infinity) continue;
    const at = fitting.indexOf(c.category);
    scored.push({ candidate: c, group: at < 0 ? fitting.length : at, rank, distance: distance(c) });
  }
  scored.sort((a, b) => a.group - b.group || a.rank - b.rank || a.distance - b.distance || a.candidate.start - b.candidate.start);
  return scored.slice(0, limit).map((s) => ({ candidate: s.candidate, fitting: s.group < fitting.length }));
}
