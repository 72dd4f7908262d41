import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDataset, type Dataset } from '@shared/dataset/dataset.ts';
import { exportChunksAsync } from '@shared/dataset/app-stream.ts';
import { parseQdc, refiCodebookXml } from '@shared/dataset/formats/refi-qda.ts';
import { fixtureInput } from '@shared/dataset/fixtures/fixture-project.ts';
import { db } from './db.ts';
import { createProject } from './projects.ts';
import { planExport, readExportArticles } from './export-reader.ts';
import { applyMerge, mergeIsEmpty, planCodebookImport, planMerge, restoreDataset, revertMerge } from './dataset-import.ts';

function fixtureDataset(): Dataset {
  return buildDataset(fixtureInput());
}

async function exportDataset(projectId: string): Promise<Dataset> {
  const plan = await planExport(projectId, { kind: 'project' });
  let json = '';
  for await (const c of exportChunksAsync('json', plan.header, readExportArticles(plan, 2))) json += String(c);
  return JSON.parse(json) as Dataset;
}

/** The dataset with ids and timestamps replaced by what they refer to, to compare two exports. */
function comparable(ds: Dataset) {
  const tagName = new Map(ds.codebook.tags.map((t) => [t.id, t.name]));
  const actorName = new Map(ds.actors.map((a) => [a.id, a.name]));
  return {
    categories: ds.codebook.categories,
    tags: ds.codebook.tags.map((t) => ({ name: t.name, category: t.category, parent: t.parent ? tagName.get(t.parent) : null, color: t.color, description: t.description, shortcut: t.shortcut, order: t.order })),
    actors: ds.actors.map(({ id: _id, ...rest }) => rest),
    articles: ds.articles.map((a) => {
      const quoteOf = new Map(a.annotations.map((x) => [x.id, x.quote]));
      return {
        title: a.title,
        text: a.text,
        meta: a.meta,
        status: a.status,
        labels: a.labels.map((l) => tagName.get(l)),
        annotations: a.annotations.map(({ id: _id, tag, actor, ...rest }) => ({ ...rest, tag: tagName.get(tag), actor: actor && actorName.get(actor) })),
        relations: a.relations.map((r) => ({ type: r.type, from: quoteOf.get(r.from), to: quoteOf.get(r.to), coder: r.coder, createdAt: r.createdAt })),
      };
    }),
  };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('restoreDataset', () => {
  it('restores everything as a new project; exporting it again gives the same dataset', async () => {
    const original = fixtureDataset();
    const progress: number[] = [];
    const result = await restoreDataset(original, (written) => progress.push(written));
    expect(result.orphans).toEqual([]);
    expect(result.articles).toBe(original.articles.length);
    expect(result.annotations).toBe(original.articles.reduce((n, a) => n + a.annotations.length, 0));
    expect(progress.at(-1)).toBeGreaterThan(0);
    const again = await exportDataset(result.projectId);
    expect(again.project.name).toBe(original.project.name);
    expect(comparable(again)).toEqual(comparable(original));
    // Fresh ids: the restored project does not share records with the original.
    expect(again.articles[0]?.id).not.toBe(original.articles[0]?.id);
  });

  it('names a second restore apart and reports annotations whose quote is missing', async () => {
    await restoreDataset(fixtureDataset());
    const broken = fixtureDataset();
    const first = broken.articles[0]!.annotations[0]!;
    first.quote = 'a sentence that is not in the article';
    const result = await restoreDataset(broken);
    expect(result.projectName).toBe(`${broken.project.name} (restored)`);
    expect(result.orphans.map((o) => o.annotationId)).toEqual([first.id]);
    expect(await db.annotations.where('projectId').equals(result.projectId).count()).toBe(result.annotations);
    // The relations of the orphan cannot be kept either: reported, not dropped silently.
    const lost = broken.articles[0]!.relations.filter((r) => r.from === first.id || r.to === first.id);
    expect(lost.length).toBeGreaterThan(0);
    expect(result.dropped).toEqual(lost.map((r) => expect.stringContaining(`relation “${r.type}” not kept: its annotation “a sentence that is not in the article” could not be placed`)));
    expect(await db.relations.where('projectId').equals(result.projectId).count()).toBe(result.relations);
  });
});

describe('restore is all or nothing', () => {
  it('writes nothing when a record cannot be stored', async () => {
    const ds = fixtureDataset();
    // Two articles with one id: the second write fails inside the transaction.
    ds.articles[1]!.id = ds.articles[0]!.id;
    ds.articles[1]!.annotations = [];
    ds.articles[1]!.relations = [];
    await expect(restoreDataset(ds)).rejects.toThrow();
    expect(await db.projects.count()).toBe(0);
    expect(await db.tags.count()).toBe(0);
    expect(await db.articles.count()).toBe(0);
  });
});

describe('merge', () => {
  it('adds another coder’s annotations on matched articles, skips duplicates, and reverts exactly', async () => {
    const restored = await restoreDataset(fixtureDataset());
    const before = await exportDataset(restored.projectId);
    const incoming = fixtureDataset();
    const plan = await planMerge(restored.projectId, incoming, { coder: 'carol' });
    expect(plan.matched).toHaveLength(incoming.articles.length);
    expect(plan.articlesToAdd).toEqual([]);
    expect(plan.tagsToAdd).toEqual([]);
    expect(plan.annotationsToAdd).toHaveLength(restored.annotations);
    expect(plan.orphans).toEqual([]);
    await applyMerge(restored.projectId, plan);
    const after = await exportDataset(restored.projectId);
    const carol = after.articles.flatMap((a) => a.annotations.filter((x) => x.coder === 'carol').map((x) => ({ a, x })));
    expect(carol).toHaveLength(restored.annotations);
    for (const { a, x } of carol) expect([...a.text].slice(x.start, x.end).join('')).toBe(x.quote);
    // The same work again is recognised as already there.
    const again = await planMerge(restored.projectId, incoming, { coder: 'carol' });
    expect(again.duplicates).toBe(restored.annotations);
    expect(mergeIsEmpty(again)).toBe(true);
    await revertMerge(restored.projectId, plan);
    expect(comparable(await exportDataset(restored.projectId))).toEqual(comparable(before));
  });

  it('re-anchors shifted annotations, adds unknown tags and new articles, reports orphans', async () => {
    const restored = await restoreDataset(fixtureDataset());
    const incoming = fixtureDataset();
    const art = incoming.articles[0]!;
    // Their offsets point elsewhere; the quote is still in our text.
    art.annotations[1]!.start += 3;
    art.annotations[1]!.end += 3;
    art.annotations[2]!.quote = 'words nobody wrote';
    art.annotations[2]!.prefix = '';
    art.annotations[2]!.suffix = '';
    incoming.codebook.tags.push({ ...incoming.codebook.tags[0]!, id: 'tag-new', name: 'Hedge', parent: null });
    art.annotations[3]!.tag = 'tag-new';
    incoming.articles.push({ ...incoming.articles[2]!, id: 'art-extra', text: 'A brand new article about grain.', contentHash: '', title: 'Extra', annotations: [], relations: [] });
    const plan = await planMerge(restored.projectId, incoming, { coder: 'dan' });
    expect(plan.reanchored).toBeGreaterThanOrEqual(1);
    expect(plan.orphans.map((o) => o.annotationId)).toEqual([art.annotations[2]!.id]);
    expect(plan.tagsToAdd.map((t) => t.name)).toEqual(['Hedge']);
    expect(plan.articlesToAdd.map((a) => a.title)).toEqual(['Extra']);
    await applyMerge(restored.projectId, plan);
    const after = await exportDataset(restored.projectId);
    expect(after.articles.map((a) => a.title)).toContain('Extra');
    expect(after.codebook.tags.map((t) => t.name)).toContain('Hedge');
    for (const a of after.articles) for (const x of a.annotations) expect([...a.text].slice(x.start, x.end).join('')).toBe(x.quote);
  });
});

describe('codebook import', () => {
  it('adds the codes of a .qdc that the project lacks, with hierarchy and colours', async () => {
    const project = await createProject('Fresh');
    const parsed = parseQdc(refiCodebookXml(fixtureDataset()));
    const plan = await planCodebookImport(project.id, parsed);
    const names = plan.tagsToAdd.map((t) => t.name).sort();
    // The default codebook already has Claim, Source and Actor; Spin (under Claim) and the topic tags are new.
    expect(names).toEqual(['Economy', 'Spin', 'War']);
    expect(plan.categoriesToAdd.map((c) => c.name)).toEqual(['Topic']);
    await applyMerge(project.id, plan);
    const tags = await db.tags.where('projectId').equals(project.id).toArray();
    const spin = tags.find((t) => t.name === 'Spin')!;
    expect(tags.find((t) => t.id === spin.parentId)?.name).toBe('Claim');
    expect(spin.color).toBe('#c77d14');
    expect(mergeIsEmpty(await planCodebookImport(project.id, parsed))).toBe(true);
  });
});
