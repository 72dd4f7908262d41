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

  // Candidate edges, reused from article to article (typed arrays: an article has thousands).
  let cap = 1024;
  let edgeI = new Int32Array(cap);
  let edgeJ = new Int32Array(cap);
  let edgeExact = new Uint8Array(cap);
  let edgeOverlap = new Float64Array(cap);
  let edgeShift = new Float64Array(cap);
  for (const [articleId, list] of byArticle) {
    const coderOf = Int32Array.from(list, (x) => coderIndex.get(x.coder) as number);
    // Sorted by start, end, coder; ties keep the input order.
    const sortedIdx = Int32Array.from(list, (_, i) => i).sort((x, y) => (list[x] as S).start - (list[y] as S).start || (list[x] as S).end - (list[y] as S).end || (coderOf[x] as number) - (coderOf[y] as number) || x - y);
    const sorted = Array.from(sortedIdx, (i) => list[i] as S);
    const coder = Int32Array.from(sortedIdx, (i) => coderOf[i] as number);
    let E = 0;
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i] as S;
      for (let j = i + 1; j < sorted.length && (sorted[j] as S).start < a.end; j++) {
        const b = sorted[j] as S;
        if (coder[i] === coder[j]) continue;
        const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
        if (overlap <= 0) continue;
        if (E === cap) {
          cap *= 2;
          const grow = <T extends Int32Array | Uint8Array | Float64Array>(x: T, make: (n: number) => T) => {
            const y = make(cap);
            y.set(x);
            return y;
          };
          edgeI = grow(edgeI, (n) => new Int32Array(n));
          edgeJ = grow(edgeJ, (n) => new Int32Array(n));
          edgeExact = grow(edgeExact, (n) => new Uint8Array(n));
          edgeOverlap = grow(edgeOverlap, (n) => new Float64Array(n));
          edgeShift = grow(edgeShift, (n) => new Float64Array(n));
        }
        edgeI[E] = i;
        edgeJ[E] = j;
        edgeExact[E] = a.start === b.start && a.end === b.end ? 1 : 0;
        edgeOverlap[E] = overlap;
        edgeShift[E] = Math.abs(a.start - b.start) + Math.abs(a.end - b.end);
        E++;
      }
    }
    const edges = Int32Array.from({ length: E }, (_, k) => k).sort(
      (x, y) =>
        (edgeExact[y] as number) - (edgeExact[x] as number) ||
        (edgeOverlap[y] as number) - (edgeOverlap[x] as number) ||
        (edgeShift[x] as number) - (edgeShift[y] as number) ||
        (edgeI[x] as number) - (edgeI[y] as number) ||
        (edgeJ[x] as number) - (edgeJ[y] as number),
    );
    const parent = Int32Array.from(sorted, (_, i) => i);
    // Each group's coders (a group holds at most one span per coder, so a short list).
    const coderSets: number[][] = Array.from(coder, (c) => [c]);
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x] as number] as number;
        x = parent[x] as number;
      }
      return x;
    };
    for (const e of edges) {
      const ri = find(edgeI[e] as number);
      const rj = find(edgeJ[e] as number);
      if (ri === rj) continue;
      const si = coderSets[ri] as number[];
      const sj = coderSets[rj] as number[];
      if (sj.some((c) => si.includes(c))) continue;
      const [big, small] = si.length >= sj.length ? [ri, rj] : [rj, ri];
      parent[small] = big;
      for (const c of coderSets[small] as number[]) (coderSets[big] as number[]).push(c);
    }
    const members = new Map<number, S[]>();
    sorted.forEach((s, i) => {
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
