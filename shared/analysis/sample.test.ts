import { describe, expect, it } from 'vitest';
import { drawSample, equalQuotas, proportionalQuotas, stratumKey, type SampleUnit } from './sample.ts';

/** 60 articles of outlet A, 30 of B, 10 of C; months spread over Jan–Apr. */
function population(): SampleUnit[] {
  const out: SampleUnit[] = [];
  const add = (outlet: string, n: number) => {
    for (let i = 0; i < n; i++) out.push({ id: `${outlet}-${String(i).padStart(3, '0')}`, outlet, publishedAt: `2026-0${1 + (i % 4)}-1${i % 10}` });
  };
  add('A', 60);
  add('B', 30);
  add('C', 10);
  return out;
}

function byOutlet(ids: string[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const id of ids) c[id[0] as string] = (c[id[0] as string] ?? 0) + 1;
  return c;
}

describe('drawSample', () => {
  it('the same seed draws the same sample, whatever order the population comes in', () => {
    const pop = population();
    const a = drawSample(pop, { method: 'simple', size: 15, seed: 42 });
    const b = drawSample([...pop].reverse(), { method: 'simple', size: 15, seed: 42 });
    expect(a.ids).toHaveLength(15);
    expect(new Set(a.ids).size).toBe(15);
    expect(b.ids).toEqual(a.ids);
    const s1 = drawSample(pop, { method: 'stratified', size: 20, seed: 7, strata: ['outlet', 'month'], allocation: 'equal' });
    const s2 = drawSample([...pop].reverse(), { method: 'stratified', size: 20, seed: 7, strata: ['outlet', 'month'], allocation: 'equal' });
    expect(s2.ids).toEqual(s1.ids);
  });

  it('another seed draws another sample', () => {
    const pop = population();
    expect(drawSample(pop, { method: 'simple', size: 15, seed: 1 }).ids).not.toEqual(drawSample(pop, { method: 'simple', size: 15, seed: 2 }).ids);
  });

  it('a simple random sample is spread over the population (every unit drawn about equally often over many seeds)', () => {
    const pop = population();
    const hits = new Map<string, number>();
    for (let seed = 0; seed < 400; seed++) for (const id of drawSample(pop, { method: 'simple', size: 10, seed }).ids) hits.set(id, (hits.get(id) ?? 0) + 1);
    // Expected 40 per unit; binomial sd ≈ 6. Every unit drawn, none wildly over.
    expect(hits.size).toBe(100);
    expect(Math.max(...hits.values())).toBeLessThan(70);
    expect(Math.min(...hits.values())).toBeGreaterThan(15);
  });

  it('proportional strata follow the population shares', () => {
    const r = drawSample(population(), { method: 'stratified', size: 20, seed: 3, strata: ['outlet'], allocation: 'proportional' });
    expect(byOutlet(r.ids)).toEqual({ A: 12, B: 6, C: 2 });
    expect(r.strata).toEqual([
      { key: 'A', population: 60, drawn: 12 },
      { key: 'B', population: 30, drawn: 6 },
      { key: 'C', population: 10, drawn: 2 },
    ]);
  });

  it('equal strata draw the same number from each, and a small stratum gives all it has', () => {
    expect(byOutlet(drawSample(population(), { method: 'stratified', size: 24, seed: 3, strata: ['outlet'], allocation: 'equal' }).ids)).toEqual({ A: 8, B: 8, C: 8 });
    expect(byOutlet(drawSample(population(), { method: 'stratified', size: 40, seed: 3, strata: ['outlet'], allocation: 'equal' }).ids)).toEqual({ A: 15, B: 15, C: 10 });
  });

  it('strata by month, and by outlet and month together', () => {
    const r = drawSample(population(), { method: 'stratified', size: 8, seed: 5, strata: ['month'], allocation: 'equal' });
    expect(r.strata.map((s) => [s.key, s.drawn])).toEqual([
      ['2026-01', 2],
      ['2026-02', 2],
      ['2026-03', 2],
      ['2026-04', 2],
    ]);
    const both = drawSample(population(), { method: 'stratified', size: 12, seed: 5, strata: ['outlet', 'month'], allocation: 'equal' });
    expect(both.strata).toHaveLength(12);
    expect(both.strata.every((s) => s.drawn === 1)).toBe(true);
    expect(stratumKey({ id: 'x' }, ['outlet', 'month'])).toBe('(none) · (none)');
  });

  it('N larger than the population takes the whole population', () => {
    const pop = population();
    expect(drawSample(pop, { method: 'simple', size: 500, seed: 1 }).ids).toHaveLength(100);
    expect(drawSample(pop, { method: 'stratified', size: 500, seed: 1, strata: ['outlet'], allocation: 'equal' }).ids).toHaveLength(100);
    expect(drawSample(pop, { method: 'stratified', size: 500, seed: 1, strata: ['outlet'], allocation: 'proportional' }).ids).toHaveLength(100);
    expect(drawSample([], { method: 'simple', size: 5, seed: 1 }).ids).toEqual([]);
  });

  it('refuses a bad seed or size', () => {
    expect(() => drawSample(population(), { method: 'simple', size: 5, seed: -1 })).toThrow(/seed/);
    expect(() => drawSample(population(), { method: 'simple', size: 1.5, seed: 1 })).toThrow(/size/);
  });
});

describe('allocation', () => {
  it('largest remainders add up to the size exactly', () => {
    expect(proportionalQuotas([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(proportionalQuotas([50, 30, 20], 7).reduce((a, b) => a + b)).toBe(7);
    expect(equalQuotas([5, 1, 5], 7)).toEqual([3, 1, 3]);
    expect(equalQuotas([5, 5, 5], 4)).toEqual([2, 1, 1]);
  });
});
