import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset.ts';
import { jsonlChunks } from './jsonl.ts';
import { fixtureInput } from '../fixtures/fixture-project.ts';

describe('jsonlChunks', () => {
  it('matches the golden file', async () => {
    await expect([...jsonlChunks(buildDataset(fixtureInput()))].join('')).toMatchFileSnapshot('../fixtures/golden/dataset.jsonl');
  });

  it('writes one article per line, the same objects as the dataset', () => {
    const ds = buildDataset(fixtureInput());
    const lines = [...jsonlChunks(ds)].join('').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(ds.articles.length);
    expect(lines.map((l) => JSON.parse(l))).toEqual(ds.articles);
    // Texts hold paragraph breaks, yet each article stays on one line.
    expect(ds.articles[0]!.text).toContain('\n\n');
  });
});
