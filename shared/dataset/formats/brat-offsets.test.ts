import { describe, expect, it, vi } from 'vitest';
import * as codePoints from '../../text/code-points.ts';
import { buildDataset } from '../dataset.ts';
import { bratFiles, bratFragments } from './brat.ts';
import { fixtureInput } from '../fixtures/fixture-project.ts';

vi.mock('../../text/code-points.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof codePoints>();
  return { ...actual, makeOffsetConverter: vi.fn(actual.makeOffsetConverter) };
});

describe('brat offsets', () => {
  it('maps each article once, not once per annotation', () => {
    const ds = buildDataset(fixtureInput());
    const annotations = ds.articles.reduce((n, a) => n + a.annotations.length, 0);
    expect(annotations).toBeGreaterThan(ds.articles.length);
    vi.mocked(codePoints.makeOffsetConverter).mockClear();
    bratFiles(ds);
    expect(vi.mocked(codePoints.makeOffsetConverter)).toHaveBeenCalledTimes(ds.articles.length);
  });

  it('cuts the same fragments as a count over the spread text', () => {
    const text = '😀 ab\n\n 𝔸x\r\ny 😀\nz';
    const cps = [...text];
    const reference = (start: number, end: number): [number, number][] => {
      const out: [number, number][] = [];
      let line = start;
      for (let i = start; i <= end; i++) {
        if (i === end || cps[i] === '\n' || cps[i] === '\r') {
          let s = line;
          let e = i;
          while (s < e && /\s/.test(cps[s]!)) s++;
          while (e > s && /\s/.test(cps[e - 1]!)) e--;
          if (e > s) out.push([s, e]);
          line = i + 1;
        }
      }
      return out;
    };
    for (let s = 0; s <= cps.length; s++) for (let e = s; e <= cps.length; e++) expect(bratFragments(text, s, e)).toEqual(reference(s, e));
  });
});
