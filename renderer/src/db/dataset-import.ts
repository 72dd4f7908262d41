/**
 * Bringing datasets back into the store: a whole dataset as a new project (backup/restore), and
 * another coder's dataset or a REFI-QDA codebook merged into an existing project. Planning is
 * separate from writing so the UI can show what will happen before anything changes; every
 * write is one transaction, and a merge can be reverted exactly (undo).
 */
import { datasetToRecordsSteps, type Dataset, type RecordsOrphan } from '@shared/dataset/dataset.ts';
import { runStepsSliced } from '@shared/dataset/steps.ts';
import { mergeDataset, type DatasetMergePlan } from '@shared/dataset/merge.ts';
import { codebookAsDataset } from '@shared/dataset/app-read.ts';
import type { ParsedCodebook } from '@shared/dataset/formats/refi-qda.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import type { Article, Id } from '@shared/model/types.ts';
import { db } from './db.ts';
import type { ArticleRecord } from './schema.ts';
import { codersChanged } from './coders.ts';

export interface RestoreResult {
  projectId: Id;
  projectName: string;
  articles: number;
  annotations: number;
  relations: number;
  tags: number;
  actors: number;
  /** Annotations whose quote is not in their article's text: not stored, listed for the user. */
  orphans: RecordsOrphan[];
  /** Relations and links that could not be kept (see DatasetRecords.dropped): listed for the user. */
  dropped: string[];
}

/** Rows per bulk write inside the restore transaction (progress is reported between them). */
const WRITE_BATCH = 2000;

function splitText(articles: Article[]): { records: ArticleRecord[]; texts: { articleId: Id; text: string }[] } {
  const records: ArticleRecord[] = [];
  const texts: { articleId: Id; text: string }[] = [];
  for (const { text, ...record } of articles) {
    records.push(record);
    texts.push({ articleId: record.id, text });
  }
  return { records, texts };
}

/** A name not yet used by another project: “Name”, else “Name (restored)”, “Name (restored 2)”… */
export async function freeProjectName(name: string): Promise<string> {
  const taken = new Set((await db.projects.toArray()).map((p) => p.name));
  if (!taken.has(name)) return name;
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? `${name} (restored)` : `${name} (restored ${i})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Stores the dataset as a new project with fresh ids (restoring a backup next to the project it
 * came from must not collide with it), in one transaction: all of it or nothing.
 */
export async function restoreDataset(dataset: Dataset, onProgress?: (written: number, total: number) => void): Promise<RestoreResult> {
  const projectName = await freeProjectName(dataset.project.name);
  // In slices: turning 40,000 articles into records takes seconds of work.
  const records = await runStepsSliced(datasetToRecordsSteps(dataset, { projectName, makeId: newId }));
  const now = nowIso();
  records.project.updatedAt = now;
  const { records: articleRecords, texts } = splitText(records.articles);
  const rows: [{ bulkAdd(items: never[]): Promise<unknown> }, unknown[]][] = [
    [db.tags, records.tags],
    [db.actors, records.actors],
    [db.articles, articleRecords],
    [db.articleTexts, texts],
    [db.annotations, records.annotations],
    [db.relations, records.relations],
    [db.samples, records.samples],
  ];
  const total = rows.reduce((n, [, items]) => n + items.length, 0);
  let written = 0;
  await db.transaction('rw', [db.projects, db.tags, db.actors, db.articles, db.articleTexts, db.annotations, db.relations, db.samples], async () => {
    await db.projects.add(records.project);
    for (const [table, items] of rows) {
      for (let i = 0; i < items.length; i += WRITE_BATCH) {
        const slice = items.slice(i, i + WRITE_BATCH);
        await table.bulkAdd(slice as never[]);
        written += slice.length;
        onProgress?.(written, total);
      }
    }
  });
  return {
    projectId: records.project.id,
    projectName,
    articles: records.articles.length,
    annotations: records.annotations.length,
    relations: records.relations.length,
    tags: records.tags.length,
    actors: records.actors.length,
    orphans: records.orphans,
    dropped: records.dropped,
  };
}

// ---------------------------------------------------------------------------------------------
// Merge (another coder's dataset) and codebook import

/** What `mergeDataset` would add to the project; nothing is written yet. */
export async function planMerge(projectId: Id, dataset: Dataset, opts: { coder?: string } = {}): Promise<DatasetMergePlan> {
  const [project, records, tags, actors, annotations] = await Promise.all([
    db.projects.get(projectId),
    db.articles.where('projectId').equals(projectId).toArray(),
    db.tags.where('projectId').equals(projectId).toArray(),
    db.actors.where('projectId').equals(projectId).toArray(),
    db.annotations.where('projectId').equals(projectId).toArray(),
  ]);
  if (!project) throw new Error('This project no longer exists.');
  // Matching by content needs every text; articles are compared one by one, not kept twice.
  const texts = await db.articleTexts.bulkGet(records.map((r) => r.id));
  const articles: Article[] = records.flatMap((r, i) => {
    const t = texts[i];
    return t ? [{ ...r, text: t.text }] : [];
  });
  return mergeDataset({ project, articles, annotations, tags, actors }, dataset, { makeId: newId, ...(opts.coder ? { coder: opts.coder } : {}) });
}

/** The codes of a `.qdc` as tags to add (existing categories and tags are matched by name). */
export async function planCodebookImport(projectId: Id, parsed: ParsedCodebook): Promise<DatasetMergePlan> {
  const [project, tags] = await Promise.all([db.projects.get(projectId), db.tags.where('projectId').equals(projectId).toArray()]);
  if (!project) throw new Error('This project no longer exists.');
  return mergeDataset({ project, articles: [], annotations: [], tags }, codebookAsDataset(parsed, nowIso()), { makeId: newId });
}

/** True when applying the plan would change nothing. */
export function mergeIsEmpty(plan: DatasetMergePlan): boolean {
  return (
    plan.categoriesToAdd.length +
      plan.tagsToAdd.length +
      plan.actorsToAdd.length +
      plan.articlesToAdd.length +
      plan.annotationsToAdd.length +
      plan.relationsToAdd.length +
      plan.labelsToAdd.length ===
    0
  );
}

const MERGE_TABLES = () => [db.projects, db.tags, db.actors, db.articles, db.articleTexts, db.annotations, db.relations];

/** Writes a planned merge in one transaction. Written with put, so a redo after undo works. */
export async function applyMerge(projectId: Id, plan: DatasetMergePlan): Promise<void> {
  const { records, texts } = splitText(plan.articlesToAdd);
  await db.transaction('rw', MERGE_TABLES(), async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new Error('This project no longer exists.');
    const known = new Set(project.categories.map((c) => c.id));
    const categories = [...project.categories, ...plan.categoriesToAdd.filter((c) => !known.has(c.id))];
    await db.projects.update(projectId, { categories, updatedAt: nowIso() });
    await db.tags.bulkPut(plan.tagsToAdd);
    await db.actors.bulkPut(plan.actorsToAdd);
    await db.articles.bulkPut(records);
    await db.articleTexts.bulkPut(texts);
    await db.annotations.bulkPut(plan.annotationsToAdd);
    await db.relations.bulkPut(plan.relationsToAdd);
    for (const { articleId, tagIds } of plan.labelsToAdd) {
      const article = await db.articles.get(articleId);
      if (!article) continue;
      await db.articles.update(articleId, { labels: [...article.labels, ...tagIds.filter((t) => !article.labels.includes(t))] });
    }
  });
  codersChanged();
}

/** Removes exactly what `applyMerge(plan)` added (the undo of a merge). */
export async function revertMerge(projectId: Id, plan: DatasetMergePlan): Promise<void> {
  await db.transaction('rw', MERGE_TABLES(), async () => {
    const added = new Set(plan.categoriesToAdd.map((c) => c.id));
    const project = await db.projects.get(projectId);
    if (project) await db.projects.update(projectId, { categories: project.categories.filter((c) => !added.has(c.id)), updatedAt: nowIso() });
    for (const { articleId, tagIds } of plan.labelsToAdd) {
      const article = await db.articles.get(articleId);
      if (article) await db.articles.update(articleId, { labels: article.labels.filter((l) => !tagIds.includes(l)) });
    }
    await db.relations.bulkDelete(plan.relationsToAdd.map((r) => r.id));
    await db.annotations.bulkDelete(plan.annotationsToAdd.map((a) => a.id));
    const articleIds = plan.articlesToAdd.map((a) => a.id);
    await db.articleTexts.bulkDelete(articleIds);
    await db.articles.bulkDelete(articleIds);
    await db.actors.bulkDelete(plan.actorsToAdd.map((a) => a.id));
    await db.tags.bulkDelete(plan.tagsToAdd.map((t) => t.id));
  });
  codersChanged();
}
