import { describe, expect, it } from 'vitest';
import { drawSample, type SampleSet } from '../analysis/sample.ts';
import { buildDataset, datasetJsonChunks, datasetToRecords, readDataset } from './dataset.ts';
import { validateDataset } from './validate.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

function sampleOf(articleIds: string[]): SampleSet {
  const definition = { method: 'stratified' as const, size: 2, seed: 42, strata: ['outlet' as const], allocation: 'equal' as const };
  const drawn = drawSample(
    articleIds.map((id) => ({ id, outlet: id.length % 2 ? 'A' : 'B' })),
    definition,
  );
  return { id: 'smp1', projectId: 'p', name: 'Pilot', definition, population: { filter: 'All articles', size: articleIds.length }, articleIds: drawn.ids, strata: drawn.strata, createdAt: '2026-01-10T00:00:00.000Z' };
}

describe('samples in the dataset', () => {
  it('records each sample with its definition and seed, and the file validates', () => {
    const input = fixtureInput();
    const sample = sampleOf(input.articles.map((a) => a.id));
    const ds = buildDataset({ ...input, samples: [sample] });
    expect(ds.samples).toEqual([
      { id: 'smp1', name: 'Pilot', method: 'stratified', size: 2, seed: 42, strata: ['outlet'], allocation: 'equal', population: { filter: 'All articles', size: input.articles.length }, drawn: sample.strata, articleIds: sample.articleIds, createdAt: '2026-01-10T00:00:00.000Z' },
    ]);
    const json: unknown = JSON.parse([...datasetJsonChunks(ds)].join(''));
    expect(validateDataset(json)).toEqual([]);
    expect(readDataset(json).samples?.[0]?.seed).toBe(42);
    // Drawn again from the definition in the file: the same articles.
    const again = drawSample(
      input.articles.map((a) => ({ id: a.id, outlet: a.id.length % 2 ? 'A' : 'B' })),
      { method: 'stratified', size: 2, seed: 42, strata: ['outlet'], allocation: 'equal' },
    );
    expect(again.ids).toEqual(ds.samples?.[0]?.articleIds);
  });

  it('a project without samples exports no samples key (older datasets stay byte-identical and valid)', () => {
    const ds = buildDataset(fixtureInput());
    expect('samples' in ds).toBe(false);
    expect(validateDataset(JSON.parse([...datasetJsonChunks(ds)].join('')))).toEqual([]);
  });

  it('a sample with a bad seed or method is refused', () => {
    const ds = buildDataset({ ...fixtureInput(), samples: [sampleOf(['x', 'y', 'z'])] });
    const json = JSON.parse([...datasetJsonChunks(ds)].join('')) as { samples: { seed: number; method: string }[] };
    (json.samples[0] as { seed: number }).seed = -3;
    expect(validateDataset(json).join('\n')).toMatch(/seed/);
  });

  it('a restored project keeps its samples, pointing at the restored articles', () => {
    const input = fixtureInput();
    const sample = sampleOf(input.articles.map((a) => a.id));
    const ds = readDataset(JSON.parse([...datasetJsonChunks(buildDataset({ ...input, samples: [sample, { ...sample, id: 'smp2', name: 'Gone', articleIds: ['not-exported'] }] }))].join('')));
    let n = 0;
    const records = datasetToRecords(ds, { makeId: () => `new-${n++}` });
    const titleOf = (ids: string[], list: { id: string; title: string }[]) => ids.map((id) => list.find((a) => a.id === id)?.title).sort();
    expect(records.samples.map((s) => [s.name, s.definition, s.projectId])).toEqual([
      ['Pilot', sample.definition, records.project.id],
      ['Gone', sample.definition, records.project.id],
    ]);
    expect(records.samples[0]?.articleIds.every((id) => id.startsWith('new-'))).toBe(true);
    expect(titleOf(records.samples[0]?.articleIds ?? [], records.articles)).toEqual(titleOf(sample.articleIds, input.articles));
    expect(records.samples[1]?.articleIds).toEqual([]);
  });
});
