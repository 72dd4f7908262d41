import { describe, expect, it } from 'vitest';
import { layerSegments } from './compare-segments.ts';

describe('layerSegments', () => {
  it('cuts the text at every span and focus boundary, listing the spans covering each piece', () => {
    const segs = layerSegments(10, [{ id: 'a', start: 0, end: 5 }, { id: 'b', start: 3, end: 8 }], { start: 4, end: 6 });
    expect(segs.map((s) => [s.start, s.end, s.spans.map((x) => x.id).join(''), s.focus])).toEqual([
      [0, 3, 'a', false],
      [3, 4, 'ab', false],
      [4, 5, 'ab', true],
      [5, 6, 'b', true],
      [6, 8, 'b', false],
      [8, 10, '', false],
    ]);
  });

  it('an empty layer is one plain segment; spans past the end are clamped', () => {
    expect(layerSegments(4, [], null)).toEqual([{ start: 0, end: 4, spans: [], focus: false }]);
    expect(layerSegments(4, [{ id: 'x', start: 2, end: 9 }], null).map((s) => [s.start, s.end])).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });
});
