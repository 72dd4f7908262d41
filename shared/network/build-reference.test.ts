/**
 * The fast network construction (typed arrays, a day index for time windows) against a
 * straightforward transcription of the formulas in docs/networks.md, on seeded random
 * statements: every type, qualifier, normalisation and duplicates setting, whole period and
 * windows. The hand-computed cases are in build.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { UNKNOWN_ACTOR, type Statement, type StatementSet } from '../statements/statement.ts';
import { buildNetwork, networkMatrix, type Network, type NetworkOptions, type Normalisation, type Qualifier } from './build.ts';
import { filterStatements, type StatementFilter } from './filter.ts';

function randomSet(seed: number, scale = { min: -1, max: 1 }): StatementSet {
  const rng = xoroshiro128plus(seed);
  const int = (a: number, b: number) => uniformInt(rng, a, b);
  const statements: Statement[] = [];
  for (let n = 0; n < 300; n++) {
    const issues = [...new Set(Array.from({ length: int(0, 2) }, () => `i${int(0, 6)}`))];
    const dated = int(0, 9) > 0;
    statements.push({
      id: `s${n}`,
      articleId: `art${n >> 2}`,
      outlet: int(0, 4) === 0 ? null : `outlet${int(0, 2)}`,
      date: dated ? `2026-0${int(1, 6)}-${String(int(1, 28)).padStart(2, '0')}${int(0, 1) ? 'T10:00:00Z' : ''}` : null,
      claimant: int(0, 15) === 0 ? UNKNOWN_ACTOR : `a${int(0, 24)}`,
      claimantMention: null,
      addressees: [],
      objects: [],
      source: null,
      issues,
      position: int(0, 6) === 0 ? null : int(scale.min, scale.max) + (int(0, 30) === 0 ? 5 : 0),
      quoteType: null,
      quote: '',
      coder: `c${int(0, 2)}`,
    });
  }
  const actors = new Map(Array.from({ length: 25 }, (_, i) => [`a${i}`, { id: `a${i}`, name: `Actor ${String.fromCharCode(90 - (i % 26))}${i}`, kind: null }]));
  const issues = new Map(Array.from({ length: 7 }, (_, j) => [`i${j}`, { id: `i${j}`, name: `Issue ${6 - j}` }]));
  return { statements, actors, issues, scale };
}

/** The filter as its documentation says, statement by statement. */
function plainFilter(statements: readonly Statement[], f: StatementFilter): Statement[] {
  const kept = statements.filter((s) => {
    if (!f.includeUnknown && s.claimant === UNKNOWN_ACTOR) return false;
    if (f.coders?.length && !f.coders.includes(s.coder)) return false;
    if (f.outlets?.length && (s.outlet === null || !f.outlets.includes(s.outlet))) return false;
    if (f.from !== undefined || f.to !== undefined) {
      if (s.date === null) return false;
      const day = s.date.slice(0, 10);
      if ((f.from !== undefined && day < f.from) || (f.to !== undefined && day > f.to)) return false;
    }
    return true;
  });
  const min = f.minStatements ?? 0;
  return kept.filter((s) => kept.filter((t) => t.claimant === s.claimant).length >= min);
}

/** x[actor][issue][level] with level = the position (null: no position), per the cuboid's definition. */
function counts(set: StatementSet, statements: readonly Statement[], collapse: boolean): Map<string, Map<string, Map<number | null, number>>> {
  const x = new Map<string, Map<string, Map<number | null, number>>>();
  for (const s of statements) {
    for (const j of s.issues) {
      const p = s.position === null ? null : Math.round(s.position);
      const level = p !== null && p >= set.scale.min && p <= set.scale.max ? p : null;
      const byIssue = x.get(s.claimant) ?? x.set(s.claimant, new Map()).get(s.claimant)!;
      const cell = byIssue.get(j) ?? byIssue.set(j, new Map()).get(j)!;
      cell.set(level, collapse ? 1 : (cell.get(level) ?? 0) + 1);
    }
  }
  return x;
}

/** Weights keyed by "row label|column label", from the fast path's matrix. */
function weights(net: Network): Map<string, number> {
  const m = networkMatrix(net);
  const out = new Map<string, number>();
  net.rows.forEach((r, ri) => net.cols.forEach((c, ci) => out.set(`${net.nodes[r]!.id}|${net.nodes[c]!.id}`, m[ri * net.cols.length + ci]!)));
  return out;
}

/** Cells that differ (beyond rounding), as text: one expect per network, not per cell (thousands of cells). */
function expectWeights(net: Network, expected: Map<string, number>, what: string): void {
  const got = weights(net);
  const wrong: string[] = [];
  for (const [key, v] of got) if (Math.abs(v - (expected.get(key) ?? 0)) > 1e-12) wrong.push(`${key}: ${v} ≠ ${expected.get(key)}`);
  for (const [key, v] of expected) if (v !== 0 && !got.has(key)) wrong.push(`${key} missing`);
  expect(wrong, what).toEqual([]);
}

function referenceOneMode(set: StatementSet, statements: readonly Statement[], type: 'congruence' | 'conflict', normalisation: Normalisation, collapse: boolean) {
  const x = counts(set, statements, collapse);
  const range = set.scale.max - set.scale.min;
  const actors = [...x.keys()];
  const activity = new Map(actors.map((a) => [a, [...x.get(a)!.values()].reduce((n, cell) => n + [...cell].filter(([k]) => k !== null).reduce((m, [, c]) => m + c, 0), 0)]));
  const w = new Map<string, number>();
  const issues = new Map<string, number>();
  for (const [n, a] of actors.entries()) {
    for (const b of actors.slice(n + 1)) {
      let raw = 0;
      let eqProduct = 0;
      let eqA = 0;
      let eqB = 0;
      let tied = 0;
      for (const [j, cellA] of x.get(a)!) {
        const cellB = x.get(b)!.get(j);
        if (!cellB) continue;
        let tie = false;
        for (const [k, ca] of cellA) {
          for (const [k2, cb] of cellB) {
            if (k === null || k2 === null) continue;
            const diff = range === 0 ? 0 : Math.abs(k - k2) / range;
            const s = type === 'congruence' ? 1 - diff : diff;
            raw += ca * cb * s;
            if (s > 0) tie = true;
            if (k === k2) {
              eqProduct += ca * cb;
              eqA += ca;
              eqB += cb;
            }
          }
        }
        if (tie) tied++;
      }
      const ta = activity.get(a)!;
      const tb = activity.get(b)!;
      const norm = normalisation === 'average' ? (ta + tb) / 2 : normalisation === 'jaccard' ? ta - eqA + (tb - eqB) + eqProduct : normalisation === 'cosine' ? ta * tb : 1;
      for (const key of [`actor:${a}|actor:${b}`, `actor:${b}|actor:${a}`]) {
        w.set(key, raw === 0 || norm === 0 ? 0 : raw / norm);
        if (raw !== 0) issues.set(key, tied);
      }
    }
  }
  return { w, issues };
}

function referenceTwoMode(set: StatementSet, statements: readonly Statement[], qualifier: Qualifier, normalisation: Normalisation, collapse: boolean): Map<string, number> {
  const x = counts(set, statements, collapse);
  const levels: number[] = [];
  for (let v = set.scale.min; v <= set.scale.max; v++) levels.push(v);
  const cell = new Map<string, { w: number; coded: number }>();
  for (const [a, byIssue] of x) {
    for (const [j, c] of byIssue) {
      let w = 0;
      let codedCount = 0;
      for (const [k, n] of c) {
        if (k !== null) codedCount += n;
        if (qualifier === 'ignore') w += n;
        else if (k !== null && qualifier === 'subtract') w += k * n;
        else if (k !== null) w += 2 ** (levels.length - 1 - levels.indexOf(k));
      }
      cell.set(`actor:${a}|issue:${j}`, { w, coded: codedCount });
    }
  }
  const out = new Map<string, number>();
  const denom = new Map<string, number>();
  const side = (key: string) => (normalisation === 'activity' ? key.split('|')[0]! : key.split('|')[1]!);
  for (const [key, c] of cell) denom.set(side(key), (denom.get(side(key)) ?? 0) + (qualifier === 'ignore' ? c.w : qualifier === 'combine' ? (c.w > 0 ? 1 : 0) : c.coded));
  for (const [key, c] of cell) {
    const d = normalisation === 'none' ? 1 : denom.get(side(key))!;
    out.set(key, d === 0 ? 0 : c.w / d);
  }
  return out;
}

const FILTERS: StatementFilter[] = [{}, { from: '2026-02-10', to: '2026-04-20' }, { from: '2026-03-01' }, { to: '2026-02-01', coders: ['c0', 'c1'] }, { from: '2026-05-05', to: '2026-05-05' }, { from: '2026-07-01' }, { outlets: ['outlet1'], minStatements: 3 }, { includeUnknown: true, from: '2026-01-15', to: '2026-06-15', minStatements: 2 }];

describe('fast network construction against the reference', () => {
  for (const seed of [1, 2, 3]) {
    const set = seed === 3 ? randomSet(seed, { min: 1, max: 5 }) : randomSet(seed);

    it(`filters: the day index selects what a plain filter does (seed ${seed})`, () => {
      for (const f of FILTERS) expect(filterStatements(set.statements, f).map((s) => s.id)).toEqual(plainFilter(set.statements, f).map((s) => s.id));
    });

    it(`congruence and conflict, every normalisation (seed ${seed})`, { timeout: 60_000 }, () => {
      for (const f of FILTERS) {
        for (const type of ['congruence', 'conflict'] as const) {
          for (const normalisation of ['none', 'average', 'jaccard', 'cosine'] as const) {
            for (const collapse of [false, true]) {
              const opts: NetworkOptions = { ...f, type, normalisation, duplicates: collapse ? 'collapse' : 'include' };
              const net = buildNetwork(set, opts);
              const ref = referenceOneMode(set, plainFilter(set.statements, f), type, normalisation, collapse);
              expectWeights(net, ref.w, JSON.stringify(opts));
              expect(net.edges.filter((e) => e.attrs.issues !== ref.issues.get(`${net.nodes[e.source]!.id}|${net.nodes[e.target]!.id}`)), JSON.stringify(opts)).toEqual([]);
              expect(net.edges.every((e, n) => n === 0 || net.edges[n - 1]!.source < e.source || (net.edges[n - 1]!.source === e.source && net.edges[n - 1]!.target < e.target))).toBe(true);
            }
          }
        }
      }
    });

    it(`two-mode, every qualifier and normalisation (seed ${seed})`, { timeout: 60_000 }, () => {
      for (const f of FILTERS) {
        for (const qualifier of ['ignore', 'subtract', 'combine'] as const) {
          for (const normalisation of ['none', 'activity', 'prominence'] as const) {
            for (const collapse of [false, true]) {
              const opts: NetworkOptions = { ...f, type: 'two-mode', qualifier, normalisation, duplicates: collapse ? 'collapse' : 'include' };
              expectWeights(buildNetwork(set, opts), referenceTwoMode(set, plainFilter(set.statements, f), qualifier, normalisation, collapse), JSON.stringify(opts));
            }
          }
        }
      }
    });
  }
});
