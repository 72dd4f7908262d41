import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeStudy } from './study.ts';
import { randomStudy } from './study-random.ts';

/**
 * The figures of `computeStudy` on the seeded random studies of `study-random.ts`, in a form that
 * can be stored and compared: every row's result, interval, note and disagreement count as they
 * are, plus a SHA-256 of the whole output (the disagreement lists, per-article uα) with keys in a
 * canonical order. `__fixtures__/study-before.json` holds these figures as computed by the
 * implementation before the agreement screen was made fast (commit 01733a4).
 */
const EQUIVALENCE_CASES = [
  { name: 'three coders, tokens', seed: 7, coders: ['ann', 'bob', 'cy'], unit: 'token' },
  { name: 'three coders, sentences', seed: 7, coders: ['ann', 'bob', 'cy'], unit: 'sentence' },
  { name: 'two coders, tokens', seed: 11, coders: ['ann', 'bob'], unit: 'token' },
  { name: 'two coders, sentences', seed: 11, coders: ['ann', 'bob'], unit: 'sentence' },
] as const;

function canonical(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canonical);
  if (x && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, canonical((x as Record<string, unknown>)[k])]));
  return x;
}

function equivalenceFigures() {
  return EQUIVALENCE_CASES.map((c) => {
    const result = computeStudy(randomStudy(c.seed, { articles: 60, coders: c.coders, perCoder: 6 }), { seed: 3, replicates: 200, unit: c.unit, maxDisagreements: 1000 });
    return {
      name: c.name,
      rows: result.rows.map((r) => canonical({ key: r.key, result: r.result, ci: r.ci, note: r.note, disagreementCount: r.disagreementCount })),
      sha256: createHash('sha256').update(JSON.stringify(canonical(result))).digest('hex'),
    };
  });
}

// The stored figures (written by `equivalenceFigures()` run at that commit) were computed by the implementation before the fast path (commit 01733a4);
// the fast path must give them exactly: every value, n, interval, note and (by the hash) every
// disagreement and per-article figure, on seeded random studies built to reach the awkward cases.
const before = JSON.parse(readFileSync(new URL('./__fixtures__/study-before.json', import.meta.url), 'utf8')) as ReturnType<typeof equivalenceFigures>;

describe('the agreement screen gives exactly the figures of the implementation before it was made fast', () => {
  const now = equivalenceFigures();
  before.forEach((b, i) => {
    it(b.name, () => {
      const n = now[i] as (typeof now)[number];
      expect(n.rows).toEqual(b.rows);
      expect(n.sha256).toBe(b.sha256);
    });
  });
});
