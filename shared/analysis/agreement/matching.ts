/**
 * Matching spans between coders, for agreement on the attributes of spans (stance, source
 * type…): an attribute can only be compared where two coders marked "the same" passage.
 *
 * Rule, per article: every pair of overlapping spans by different coders is a candidate; exact
 * matches (same start and end) are taken first, then the remaining candidates by decreasing
 * overlap (ties: smaller boundary difference, then position). A candidate is accepted when
 * neither span's group already holds a span by the other's coder, so a group — one unit of the
 * reliability data — has at most one span per coder. Greedy, deterministic, and for two coders a
 * one-to-one matching. Spans left alone are unmatched and counted per coder.
 */
import { krippendorffAlpha, type AlphaOptions, type AlphaResult } from './alpha.ts';
import type { ReliabilityData, Value } from './types.ts';

export interface MatchableSpan {
  articleId: string;
  coder: string;
  /** Half-open; any consistent unit (code points in Presswork). */
  start: number;
  end: number;
}

export interface SpanGroup<S> {
  articleId: string;
  /** One span per coder, in the order of `coders`. */
  spans: S[];
  /** Every span in the group has the same start and end. */
  exact: boolean;
}

export interface SpanMatching<S> {
  groups: SpanGroup<S>[];
  unmatched: S[];
  /** Unmatched spans per coder (every coder present, 0 included). */
  unmatchedPerCoder: Record<string, number>;
}

export function matchSpans<S extends MatchableSpan>(spans: readonly S[], coders: readonly string[]): SpanMatching<S> {
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  const byArticle = new Map<string, S[]>();
  for (const s of spans) {
    if (!coderIndex.has(s.coder)) continue;
    let list = byArticle.get(s.articleId);
    if (!list) byArticle.set(s.articleId, (list = []));
    list.push(s);
  }
  const groups: SpanGroup<S>[] = [];
  const unmatched: S[] = [];
  const unmatchedPerCoder: Record<string, number> = Object.fromEntries(coders.map((c) => [c, 0]));

  for (const [articleId, list] of byArticle) {
    list.sort((a, b) => a.start - b.start || a.end - b.end || (coderIndex.get(a.coder) as number) - (coderIndex.get(b.coder) as number));
    const edges: { i: number; j: number; exact: boolean; overlap: number; shift: number }[] = [];
    for (let i = 0; i < list.length; i++) {
      const a = list[i] as S;
      for (let j = i + 1; j < list.length && (list[j] as S).start < a.end; j++) {
        const b = list[j] as S;
        if (a.coder === b.coder) continue;
        const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
        if (overlap <= 0) continue;
        edges.push({ i, j, exact: a.start === b.start && a.end === b.end, overlap, shift: Math.abs(a.start - b.start) + Math.abs(a.end - b.end) });
      }
    }
    edges.sort((x, y) => Number(y.exact) - Number(x.exact) || y.overlap - x.overlap || x.shift - y.shift || x.i - y.i || x.j - y.j);
    const parent = list.map((_, i) => i);
    const coderSets = list.map((s) => new Set([coderIndex.get(s.coder) as number]));
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x] as number] as number;
        x = parent[x] as number;
      }
      return x;
    };
    for (const e of edges) {
      const ri = find(e.i);
      const rj = find(e.j);
      if (ri === rj) continue;
      const si = coderSets[ri] as Set<number>;
      const sj = coderSets[rj] as Set<number>;
      let clash = false;
      for (const c of sj) if (si.has(c)) clash = true;
      if (clash) continue;
      const [big, small] = si.size >= sj.size ? [ri, rj] : [rj, ri];
      parent[small] = big;
      for (const c of coderSets[small] as Set<number>) (coderSets[big] as Set<number>).add(c);
    }
    const members = new Map<number, S[]>();
    list.forEach((s, i) => {
      const r = find(i);
      let m = members.get(r);
      if (!m) members.set(r, (m = []));
      m.push(s);
    });
    for (const m of members.values()) {
      if (m.length < 2) {
        const s = m[0] as S;
        unmatched.push(s);
        unmatchedPerCoder[s.coder] = (unmatchedPerCoder[s.coder] as number) + 1;
        continue;
      }
      m.sort((a, b) => (coderIndex.get(a.coder) as number) - (coderIndex.get(b.coder) as number));
      const first = m[0] as S;
      groups.push({ articleId, spans: m, exact: m.every((s) => s.start === first.start && s.end === first.end) });
    }
  }
  return { groups, unmatched, unmatchedPerCoder };
}

export interface AttributeAgreement<S> {
  alpha: AlphaResult;
  matching: SpanMatching<S>;
  /** The reliability data α was computed on: one unit per matched group. */
  data: ReliabilityData;
}

/**
 * α of an attribute over matched spans, at the attribute's level. A span whose attribute is
 * unset is a missing value in its group.
 */
export function attributeAlpha<S extends MatchableSpan>(
  spans: readonly S[],
  coders: readonly string[],
  valueOf: (span: S) => Value | null | undefined,
  options: AlphaOptions = {},
  /** The matching of these spans, when already made (several attributes of one category share it). */
  matched?: SpanMatching<S>,
): AttributeAgreement<S> {
  const matching = matched ?? matchSpans(spans, coders);
  const units = matching.groups.map((g) =>
    coders.map((c) => {
      const s = g.spans.find((x) => x.coder === c);
      if (!s) return null;
      return valueOf(s) ?? null;
    }),
  );
  const data: ReliabilityData = { coders, units };
  return { alpha: krippendorffAlpha(data, options), matching, data };
}
