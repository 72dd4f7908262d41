import { describe, expect, it } from 'vitest';
import { buildDataset, datasetJsonChunks } from './dataset.ts';
import { scanDatasetBytes } from './dataset-scan.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

const enc = new TextEncoder();

describe('scanDatasetBytes', () => {
  it('splits a dataset into its header and articles, pretty or compact, with a BOM or not', () => {
    const ds = buildDataset(fixtureInput());
    for (const indent of [2, 0]) {
      const json = [...datasetJsonChunks(ds, { indent })].join('');
      for (const text of [json, '\uFEFF' + json]) {
        const scanned = scanDatasetBytes(enc.encode(text));
        expect(scanned.articleCount).toBe(ds.articles.length);
        expect(scanned.header).toEqual({ ...ds, articles: [] });
        expect([...scanned.articles()]).toEqual(ds.articles);
      }
    }
  });

  it('is not fooled by brackets, quotes and "articles" inside strings, or by key order', () => {
    const tricky = {
      articles: [
        { id: 'a', title: 'the "articles": [ ] {x} \\ ', text: 'ends with a backslash \\', annotations: [], relations: [] },
        { id: 'c', title: 'escaped \\"quote\\" and \\\\', text: '\\\\"', annotations: [], relations: [] },
        { id: 'b', title: '😀 ]],', text: '"articles"', annotations: [{ nested: [[], {}] }], relations: [] },
      ],
      format: 'presswork-dataset',
      project: { name: '"articles": [1, 2]' },
    };
    const scanned = scanDatasetBytes(enc.encode(JSON.stringify(tricky, null, 1)));
    expect(scanned.header).toEqual({ ...tricky, articles: [] });
    expect([...scanned.articles()]).toEqual(tricky.articles);
  });

  it('handles an empty articles array', () => {
    const scanned = scanDatasetBytes(enc.encode('{"format":"presswork-dataset","articles":[ ]}'));
    expect(scanned.articleCount).toBe(0);
    expect([...scanned.articles()]).toEqual([]);
  });

  it('refuses what it cannot split', () => {
    expect(() => scanDatasetBytes(enc.encode('{"format":"x"}'))).toThrow(/no top-level "articles" array/);
    expect(() => scanDatasetBytes(enc.encode('{"articles": 5}'))).toThrow(/not an array/);
    expect(() => scanDatasetBytes(enc.encode('{"articles": [1,,2]}'))).toThrow(/empty element/);
    expect(() => scanDatasetBytes(enc.encode('{"articles": ["open'))).toThrow(/unterminated string/);
    expect(() => [...scanDatasetBytes(enc.encode('{"articles": [{"a": }]}')).articles()]).toThrow();
    // A nested "articles" key is not the top-level one.
    expect(() => scanDatasetBytes(enc.encode('{"project": {"articles": []}}'))).toThrow(/no top-level/);
  });
});

describe('openDatasetBytes', () => {
  it('scans a dataset, and parses other JSON whole so validation can describe it', async () => {
    const { openDatasetBytes } = await import('./dataset-scan.ts');
    const ds = buildDataset(fixtureInput());
    expect([...openDatasetBytes(enc.encode(JSON.stringify(ds))).articles()]).toEqual(ds.articles);
    const notADataset = openDatasetBytes(enc.encode('[1, 2]'));
    expect(notADataset.header).toEqual([1, 2]);
    expect([...notADataset.articles()]).toEqual([]);
    expect(() => openDatasetBytes(enc.encode('{ not json'))).toThrow(SyntaxError);
  });
});
