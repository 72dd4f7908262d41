import { describe, expect, it } from 'vitest';
import { assignLanes, segmentSpans, spansAt } from './highlight-layout.ts';

describe('highlight layout', () => {
  it('gives nested and crossing spans different lanes, disjoint ones the same', () => {
    const lanes = assignLanes([
      { id: 'claim', start: 0, end: 40 },
      { id: 'actor', start: 5, end: 10 },
      { id: 'later', start: 50, end: 60 },
      { id: 'cross', start: 30, end: 55 },
    ]);
    expect(lanes.get('claim')).toBe(0);
    expect(lanes.get('actor')).toBe(1);
    expect(lanes.get('cross')).toBe(1);
    expect(lanes.get('later')).toBe(0);
  });

  it('cuts text into segments at every boundary, listing covering spans', () => {
    const segs = segmentSpans([
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 5, end: 15 },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 5, ids: ['a'] },
      { start: 5, end: 10, ids: ['a', 'b'] },
      { start: 10, end: 15, ids: ['b'] },
    ]);
  });

  it('leaves gaps between spans undecorated and ignores empty spans', () => {
    const segs = segmentSpans([
      { id: 'a', start: 0, end: 3 },
      { id: 'e', start: 4, end: 4 },
      { id: 'b', start: 6, end: 8 },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.ids.join()])).toEqual([
      [0, 3, 'a'],
      [6, 8, 'b'],
    ]);
  });

  it('matches a brute-force coverage over random spans', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 50; round++) {
      const spans = Array.from({ length: 12 }, (_, i) => {
        const start = rnd(100);
        return { id: `s${i}`, start, end: start + 1 + rnd(30) };
      });
      const segs = segmentSpans(spans);
      for (let at = 0; at < 140; at++) {
        const expected = spans.filter((s) => s.start <= at && at < s.end).map((s) => s.id).sort();
        const seg = segs.find((s) => s.start <= at && at < s.end);
        expect((seg?.ids ?? []).slice().sort()).toEqual(expected);
      }
    }
  });

  it('lists every span under a point, innermost first', () => {
    const spans = [
      { id: 'outer', start: 0, end: 20 },
      { id: 'inner', start: 2, end: 6 },
    ];
    expect(spansAt(spans, 3).map((s) => s.id)).toEqual(['inner', 'outer']);
    expect(spansAt(spans, 10).map((s) => s.id)).toEqual(['outer']);
    expect(spansAt(spans, 20)).toEqual([]);
  });
});
