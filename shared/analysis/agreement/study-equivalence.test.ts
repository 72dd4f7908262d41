import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { equivalenceFigures } from './study-equivalence.ts';

// The stored figures were computed by the implementation before the fast path (commit 01733a4);
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
