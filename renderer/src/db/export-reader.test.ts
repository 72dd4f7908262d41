import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDataset, datasetJsonChunks } from '@shared/dataset/dataset.ts';
import { exportChunksAsync } from '@shared/dataset/app-stream.ts';
import { fixtureInput } from '@shared/dataset/fixtures/fixture-project.ts';
import { db } from './db.ts';
import { planExport, readExportArticles } from './export-reader.ts';

const AT = '2026-01-15T12:00:00.000Z';

/** The shared fixture project, stored the way the app stores it (texts apart). */
async function storeFixture() {
  const input = fixtureInput();
  await db.projects.add(input.project);
  await db.tags.bulkAdd(input.tags);
  await db.actors.bulkAdd(input.actors);
  await db.articles.bulkAdd(input.articles.map(({ text: _text, ...rest }) => rest));
  await db.articleTexts.bulkAdd(input.articles.map((a) => ({ articleId: a.id, text: a.text })));
  await db.annotations.bulkAdd(input.annotations);
  await db.relations.bulkAdd(input.relations);
  return input;
}

async function exportJson(projectId: string, scope: Parameters<typeof planExport>[1], batch = 1): Promise<string> {
  const plan = await planExport(projectId, scope, AT);
  let out = '';
  for await (const c of exportChunksAsync('json', plan.header, readExportArticles(plan, batch))) out += String(c);
  return out;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('export reader', () => {
  it('exports the gold layer by default when there is one, every layer or one coder on request', async () => {
    const input = await storeFixture();
    // A gold copy of the first annotation, and a link between gold annotations.
    const first = input.annotations[0] as (typeof input.annotations)[number];
    const second = input.annotations.find((a) => a.articleId === first.articleId && a.id !== first.id) as (typeof input.annotations)[number];
    await db.annotations.bulkAdd([
      { ...first, id: 'gold-1', coder: 'gold' },
      { ...second, id: 'gold-2', coder: 'gold' },
    ]);
    await db.relations.add({ id: 'gold-r', projectId: first.projectId, articleId: first.articleId, type: 'claimant', fromId: 'gold-1', toId: 'gold-2', coder: 'gold', createdAt: AT });
    const read = async (layer: Parameters<typeof planExport>[3]) => {
      const plan = await planExport(input.project.id, { kind: 'project' }, AT, layer);
      const articles = [];
      for await (const batch of readExportArticles(plan, 2)) articles.push(...batch);
      return { plan, anns: articles.flatMap((a) => a.annotations), rels: articles.flatMap((a) => a.relations) };
    };
    const gold = await read(undefined);
    expect(gold.plan.annotationCount).toBe(2);
    expect(gold.anns.map((a) => a.coder)).toEqual(['gold', 'gold']);
    expect(gold.rels.map((r) => r.id)).toEqual(['gold-r']);
    const all = await read({ mode: 'all' });
    expect(all.anns).toHaveLength(input.annotations.length + 2);
    expect(all.plan.annotationCount).toBe(input.annotations.length + 2);
    const one = await read({ mode: 'coder', coder: first.coder });
    expect(one.anns.every((a) => a.coder === first.coder)).toBe(true);
    expect(one.anns.length).toBe(input.annotations.filter((a) => a.coder === first.coder).length);
  });

  it('reads the whole project in batches into the same dataset as the pure builder', async () => {
    const input = await storeFixture();
    const expected = [...datasetJsonChunks(buildDataset({ ...input, exportedAt: AT }))].join('');
    expect(await exportJson(input.project.id, { kind: 'project' }, 1)).toBe(expected);
    expect(await exportJson(input.project.id, { kind: 'project' }, 2)).toBe(expected);
    const plan = await planExport(input.project.id, { kind: 'project' });
    expect(plan.annotationCount).toBe(input.annotations.length);
  });

  it('limits to selected and to done articles, in library order', async () => {
    const input = await storeFixture();
    const selected = JSON.parse(await exportJson(input.project.id, { kind: 'articles', articleIds: ['art-empty', 'art-grain'] }));
    expect(selected.articles.map((a: { id: string }) => a.id)).toEqual(['art-grain', 'art-empty']);
    const done = JSON.parse(await exportJson(input.project.id, { kind: 'done' }));
    expect(done.articles.map((a: { id: string }) => a.id)).toEqual(input.articles.filter((a) => a.status === 'done').map((a) => a.id));
  });

  it('exports one sample on its own: its articles, and that sample only with its definition and seed', async () => {
    const input = await storeFixture();
    const base = { projectId: input.project.id, population: { filter: 'All articles', size: 3 }, strata: [], createdAt: AT };
    await db.samples.bulkAdd([
      { ...base, id: 's1', name: 'Pilot', definition: { method: 'simple', size: 2, seed: 77 }, articleIds: ['art-empty', 'art-grain'] },
      { ...base, id: 's2', name: 'Other', definition: { method: 'simple', size: 1, seed: 5 }, articleIds: [input.articles[0]!.id] },
    ]);
    const ds = JSON.parse(await exportJson(input.project.id, { kind: 'sample', sampleId: 's1' }));
    expect(ds.articles.map((a: { id: string }) => a.id)).toEqual(['art-grain', 'art-empty']);
    expect(ds.samples).toEqual([expect.objectContaining({ id: 's1', name: 'Pilot', method: 'simple', size: 2, seed: 77, articleIds: ['art-empty', 'art-grain'] })]);
    await expect(planExport(input.project.id, { kind: 'sample', sampleId: 'gone' })).rejects.toThrow('no longer exists');
  });

  it('filters by tag: only those annotations, only articles having any, no dangling relations', async () => {
    const input = await storeFixture();
    const plan = await planExport(input.project.id, { kind: 'tags', tagIds: ['tag-source'] });
    expect(plan.annotationCount).toBe(input.annotations.filter((a) => a.tagId === 'tag-source').length);
    const ds = JSON.parse(await exportJson(input.project.id, { kind: 'tags', tagIds: ['tag-source'] }));
    const anns = ds.articles.flatMap((a: { annotations: { tag: string }[] }) => a.annotations);
    expect(anns.length).toBe(plan.annotationCount);
    expect(anns.every((a: { tag: string }) => a.tag === 'tag-source')).toBe(true);
    expect(ds.articles.every((a: { annotations: unknown[] }) => a.annotations.length > 0)).toBe(true);
    expect(ds.articles.flatMap((a: { relations: unknown[] }) => a.relations)).toEqual([]);
    // The codebook stays whole, so labels and tag ids still resolve.
    expect(ds.codebook.tags).toHaveLength(input.tags.length);
  });

  it('counts a document label as a match for a tag filter', async () => {
    const input = await storeFixture();
    const ds = JSON.parse(await exportJson(input.project.id, { kind: 'tags', tagIds: ['tag-war'] }));
    expect(ds.articles.map((a: { id: string }) => a.id)).toEqual(input.articles.filter((a) => a.labels.includes('tag-war')).map((a) => a.id));
  });
});

describe('export reader batches', () => {
  it('never reads more than one batch of articles at a time', async () => {
    const input = await storeFixture();
    const extra = Array.from({ length: 45 }, (_, i) => ({ ...input.articles[2]!, id: `art-x${i}`, order: 10 + i, contentHash: `x${i}` }));
    await db.articles.bulkAdd(extra.map(({ text: _text, ...rest }) => rest));
    await db.articleTexts.bulkAdd(extra.map((a) => ({ articleId: a.id, text: a.text })));
    const plan = await planExport(input.project.id, { kind: 'project' });
    const sizes: number[] = [];
    for await (const batch of readExportArticles(plan, 20)) sizes.push(batch.length);
    expect(sizes).toEqual([20, 20, 8]);
  });
});

describe('damaged records', () => {
  it('reports annotations left out of the export instead of dropping them silently', async () => {
    const input = await storeFixture();
    const [first, second] = input.annotations;
    await db.annotations.update(first!.id, { tagId: 'tag-deleted' });
    await db.annotations.update(second!.id, { quote: 'nowhere in the text', start: 0, end: 3 });
    const plan = await planExport(input.project.id, { kind: 'project' });
    const skipped: { annotationId: string; reason: string }[] = [];
    let exported = 0;
    for await (const batch of readExportArticles(plan, 2, (s) => skipped.push(s))) for (const a of batch) exported += a.annotations.length;
    expect(skipped.map((s) => s.annotationId).sort()).toEqual([first!.id, second!.id].sort());
    expect(exported).toBe(input.annotations.length - 2);
  });
});
