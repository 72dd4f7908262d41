import { drawSample, type SampleDefinition, type SampleSet } from '@shared/analysis/sample.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import type { Id } from '@shared/model/types.ts';
import { addSample } from '../../db/samples.ts';
import type { ArticleRecord } from '../../db/schema.ts';

/** Draws a sample from the articles the library shows and stores it with its definition and seed. */
export async function drawAndStoreSample(projectId: Id, name: string, definition: SampleDefinition, population: readonly ArticleRecord[], filterText: string): Promise<SampleSet> {
  const result = drawSample(
    population.map((a) => ({ id: a.id, outlet: a.meta?.outlet, publishedAt: a.meta?.publishedAt })),
    definition,
  );
  const set: SampleSet = { id: newId(), projectId, name, definition, population: { filter: filterText, size: population.length }, articleIds: result.ids, strata: result.strata, createdAt: nowIso() };
  await addSample(set);
  return set;
}
