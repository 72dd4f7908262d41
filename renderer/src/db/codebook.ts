/**
 * The codebook's store operations: categories (on the project record), their attribute
 * definitions, and tags (nested, with colours and shortcuts), plus merge/move/delete.
 *
 * The rules live in shared/codebook (plan.ts decides what an operation writes, rules.ts
 * validates): each operation here loads what the rule reads and writes its plan, in one
 * transaction. It returns a `CodebookChange`: the exact records it touched before and after. The
 * UI pushes `applyCodebookSnapshot(change.before)` as the undo and
 * `applyCodebookSnapshot(change.after)` as the redo, so undo restores records exactly instead of
 * re-deriving them (which would drift after merges and deletes).
 */
import { CodebookError, type TagUsage } from '@shared/codebook/errors.ts';
import {
  assertAttributeExists,
  assertDeletable,
  assertMergeable,
  levelChange,
  moveScope,
  planAddAttribute,
  planAddCategory,
  planAddTag,
  planDeleteAttribute,
  planDeleteCategory,
  planDeleteTag,
  planMergeTags,
  planMoveTag,
  planUpdateAttribute,
  planUpdateCategory,
  planUpdateTag,
  type CategoryPatch,
  type CodebookPlan,
  type NewAttribute,
  type NewCategory,
  type NewTag,
  type Planned,
  type ShortcutResult,
  type TagMergeResult,
  type TagMove,
  type TagPatch,
} from '@shared/codebook/plan.ts';
import type { LevelUse } from '@shared/codebook/rules.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { planApplyTemplate, type CodebookTemplate } from '@shared/codebook/templates.ts';
import type { Annotation, Category, CategoryLevel, Id, Project, Relation, Tag } from '@shared/model/types.ts';
import { db } from './db.ts';

/** The state of every record a change touched; `null` means “did not exist”. */
export interface CodebookSnapshot {
  projectId: Id;
  /** The project's whole category list, when the change touched it. */
  categories?: Category[];
  tags: { id: Id; record: Tag | null }[];
  annotations: { id: Id; record: Annotation | null }[];
  relations: { id: Id; record: Relation | null }[];
  labels: { articleId: Id; labels: Id[] }[];
}

export interface CodebookChange<R = undefined> {
  before: CodebookSnapshot;
  after: CodebookSnapshot;
  /** What the operation wants to tell the user or the caller (new id, counts…). */
  result: R;
}

const TABLES = () => [db.projects, db.tags, db.annotations, db.relations, db.articles];

// ---------------------------------------------------------------------------------------------
// Reading

/** A project's tags, in no particular order (see `tagRows` in shared/codebook for display). */
export function listTags(projectId: Id): Promise<Tag[]> {
  return db.tags.where('projectId').equals(projectId).toArray();
}

/** Annotation counts per tag id for the given tags (counted through the tagId index). */
export async function countAnnotationsByTag(tagIds: Id[]): Promise<Map<Id, number>> {
  const counts = await Promise.all(tagIds.map((id) => db.annotations.where('tagId').equals(id).count()));
  return new Map(tagIds.map((id, i) => [id, counts[i] ?? 0]));
}

/** Article-label counts per tag id, over the project's articles. */
export async function countLabelsByTag(projectId: Id): Promise<Map<Id, number>> {
  const counts = new Map<Id, number>();
  await db.articles.where('projectId').equals(projectId).each((a) => {
    for (const id of a.labels) counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  return counts;
}

export async function tagUsage(tagId: Id): Promise<TagUsage> {
  return usageOf(await getTag(tagId));
}

async function usageOf(tag: Tag): Promise<TagUsage> {
  const [annotations, labels, children] = await Promise.all([
    db.annotations.where('tagId').equals(tag.id).count(),
    db.articles.where('projectId').equals(tag.projectId).filter((a) => a.labels.includes(tag.id)).count(),
    db.tags.where('parentId').equals(tag.id).count(),
  ]);
  return { annotations, labels, children };
}

// ---------------------------------------------------------------------------------------------
// Undo/redo

/** Writes a snapshot back (one transaction): records are put, `null` records deleted. */
export async function applyCodebookSnapshot(s: CodebookSnapshot): Promise<void> {
  await db.transaction('rw', TABLES(), async () => {
    if (s.categories) await db.projects.update(s.projectId, { categories: s.categories, updatedAt: nowIso() });
    await putOrDelete(db.tags, s.tags);
    await putOrDelete(db.annotations, s.annotations);
    await putOrDelete(db.relations, s.relations);
    for (const { articleId, labels } of s.labels) await db.articles.update(articleId, { labels });
  });
}

/** Writes several snapshots back in order, all in one transaction (undo and redo of a multi-operation step). */
export async function applyCodebookSnapshots(list: CodebookSnapshot[]): Promise<void> {
  await db.transaction('rw', TABLES(), async () => {
    for (const s of list) await applyCodebookSnapshot(s);
  });
}

/**
 * Runs codebook operations in order inside one transaction (each operation's own transaction
 * joins it): a refusal or failure in a later one leaves nothing of the earlier ones.
 */
export async function runCodebookOperations(ops: (() => Promise<CodebookChange<unknown>>)[]): Promise<CodebookChange<unknown>[]> {
  return db.transaction('rw', TABLES(), async () => {
    const done: CodebookChange<unknown>[] = [];
    for (const op of ops) done.push(await op());
    return done;
  });
}

async function putOrDelete<T>(table: { bulkPut(items: T[]): Promise<unknown>; bulkDelete(ids: Id[]): Promise<void> }, rows: { id: Id; record: T | null }[]) {
  const puts = rows.flatMap((r) => (r.record ? [r.record] : []));
  const deletes = rows.flatMap((r) => (r.record ? [] : [r.id]));
  if (puts.length) await table.bulkPut(puts);
  if (deletes.length) await table.bulkDelete(deletes);
}

/** Writes a plan, recording the before-state of each touched record. Must run inside a transaction over TABLES(). */
async function commit<R>(project: Project, { plan, result }: Planned<R>): Promise<CodebookChange<R>> {
  const tagIds = [...(plan.putTags ?? []).map((t) => t.id), ...(plan.deleteTags ?? [])];
  const annIds = [...(plan.putAnnotations ?? []).map((a) => a.id), ...(plan.deleteAnnotations ?? [])];
  const relIds = plan.deleteRelations ?? [];
  const articleIds = (plan.labels ?? []).map((l) => l.articleId);
  const [tagsBefore, annsBefore, relsBefore, articlesBefore] = await Promise.all([
    db.tags.bulkGet(tagIds),
    db.annotations.bulkGet(annIds),
    db.relations.bulkGet(relIds),
    db.articles.bulkGet(articleIds),
  ]);
  const before: CodebookSnapshot = {
    projectId: project.id,
    categories: plan.categories ? project.categories : undefined,
    tags: tagIds.map((id, i) => ({ id, record: tagsBefore[i] ?? null })),
    annotations: annIds.map((id, i) => ({ id, record: annsBefore[i] ?? null })),
    relations: relIds.map((id, i) => ({ id, record: relsBefore[i] ?? null })),
    labels: articleIds.map((articleId, i) => ({ articleId, labels: articlesBefore[i]?.labels ?? [] })),
  };
  const after = afterSnapshot(project.id, plan, tagIds, annIds, relIds);
  await applyCodebookSnapshot(after);
  if (!plan.categories) await db.projects.update(project.id, { updatedAt: nowIso() });
  return { before, after, result };
}

function afterSnapshot(projectId: Id, plan: CodebookPlan, tagIds: Id[], annIds: Id[], relIds: Id[]): CodebookSnapshot {
  const deletedTags = new Set(plan.deleteTags ?? []);
  const deletedAnns = new Set(plan.deleteAnnotations ?? []);
  return {
    projectId,
    categories: plan.categories,
    tags: tagIds.map((id) => ({ id, record: deletedTags.has(id) ? null : (plan.putTags ?? []).find((t) => t.id === id) ?? null })),
    annotations: annIds.map((id) => ({ id, record: deletedAnns.has(id) ? null : (plan.putAnnotations ?? []).find((a) => a.id === id) ?? null })),
    relations: relIds.map((id) => ({ id, record: null })),
    labels: plan.labels ?? [],
  };
}

// ---------------------------------------------------------------------------------------------
// Loading inside a transaction

async function getProject(projectId: Id): Promise<Project> {
  const project = await db.projects.get(projectId);
  if (!project) throw new CodebookError('This project no longer exists.');
  return project;
}

async function getTag(tagId: Id): Promise<Tag> {
  const tag = await db.tags.get(tagId);
  if (!tag) throw new CodebookError('This tag no longer exists.');
  return tag;
}

function categoryTags(projectId: Id, categoryId: Id): Promise<Tag[]> {
  return db.tags.where('[projectId+categoryId]').equals([projectId, categoryId]).toArray();
}

async function countAnnotations(tagIds: Id[]): Promise<number> {
  if (tagIds.length === 0) return 0;
  return db.annotations.where('tagId').anyOf(tagIds).count();
}

async function labelledArticles(projectId: Id, tagIds: Id[]) {
  const set = new Set(tagIds);
  return db.articles.where('projectId').equals(projectId).filter((a) => a.labels.some((l) => set.has(l))).toArray();
}

/** What stops `tagIds` moving to level `to`: only the count that level change needs is read. */
async function levelUse(projectId: Id, tagIds: Id[], to: CategoryLevel): Promise<LevelUse> {
  if (to === 'document') return { annotations: await countAnnotations(tagIds), articles: 0 };
  return { annotations: 0, articles: (await labelledArticles(projectId, tagIds)).length };
}

// ---------------------------------------------------------------------------------------------
// Categories

export async function addCategory(projectId: Id, input: NewCategory): Promise<CodebookChange<{ categoryId: Id }>> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    return commit(project, planAddCategory(project, input));
  });
}

/** See `planUpdateCategory`. */
export async function updateCategory(projectId: Id, categoryId: Id, patch: CategoryPatch): Promise<CodebookChange> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    const to = levelChange(project, categoryId, patch);
    const tags = to ? await categoryTags(projectId, categoryId) : [];
    const use = to ? await levelUse(projectId, tags.map((t) => t.id), to) : undefined;
    return commit(project, planUpdateCategory(project, categoryId, patch, tags, use));
  });
}

/** Deletes a user category with its tags. Refused for built-ins and while any of its tags has annotations. */
export async function deleteCategory(projectId: Id, categoryId: Id): Promise<CodebookChange<{ tags: number; labels: number }>> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    const tags = await categoryTags(projectId, categoryId);
    const ids = tags.map((t) => t.id);
    const annotations = await countAnnotations(ids);
    const labelled = annotations > 0 ? [] : await labelledArticles(projectId, ids);
    return commit(project, planDeleteCategory(project, categoryId, tags, annotations, labelled));
  });
}

// ---------------------------------------------------------------------------------------------
// Attributes

export async function addAttribute(projectId: Id, categoryId: Id, input: NewAttribute): Promise<CodebookChange<{ attributeId: Id }>> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    return commit(project, planAddAttribute(project, categoryId, input));
  });
}

/** See `planUpdateAttribute`. */
export async function updateAttribute(projectId: Id, categoryId: Id, attributeId: Id, patch: { name?: string; options?: string[] }): Promise<CodebookChange> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    return commit(project, planUpdateAttribute(project, categoryId, attributeId, patch));
  });
}

/** Removes an attribute and the values annotations of this category held for it. */
export async function deleteAttribute(projectId: Id, categoryId: Id, attributeId: Id): Promise<CodebookChange<{ values: number }>> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    assertAttributeExists(project, categoryId, attributeId);
    const tagIds = await db.tags.where('[projectId+categoryId]').equals([projectId, categoryId]).primaryKeys();
    const holders = tagIds.length ? await db.annotations.where('tagId').anyOf(tagIds).filter((a) => attributeId in a.attributes).toArray() : [];
    return commit(project, planDeleteAttribute(project, categoryId, attributeId, holders));
  });
}

// ---------------------------------------------------------------------------------------------
// Tags

export async function addTag(projectId: Id, input: NewTag): Promise<CodebookChange<ShortcutResult & { tagId: Id }>> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    return commit(project, planAddTag(project, await listTags(projectId), input));
  });
}

export async function updateTag(tagId: Id, patch: TagPatch): Promise<CodebookChange<ShortcutResult>> {
  return db.transaction('rw', TABLES(), async () => {
    const current = await getTag(tagId);
    const project = await getProject(current.projectId);
    return commit(project, planUpdateTag(project, await listTags(project.id), current, patch));
  });
}

/** Moves a tag (with its sub-tags) to another parent, category or position. Never creates a cycle. */
export async function moveTag(tagId: Id, move: TagMove): Promise<CodebookChange> {
  return db.transaction('rw', TABLES(), async () => {
    const tag = await getTag(tagId);
    const project = await getProject(tag.projectId);
    const all = await listTags(project.id);
    const { moved, toLevel } = moveScope(project, all, tag, move);
    const use = toLevel ? await levelUse(project.id, moved.map((t) => t.id), toLevel) : undefined;
    return commit(project, planMoveTag(project, all, tag, move, use));
  });
}

/** Merges tag `sourceId` into `targetId` (see `planMergeTags`). */
export async function mergeTags(sourceId: Id, targetId: Id): Promise<CodebookChange<TagMergeResult>> {
  return db.transaction('rw', TABLES(), async () => {
    if (sourceId === targetId) throw new CodebookError('A tag cannot be merged into itself.');
    const [source, target] = await Promise.all([getTag(sourceId), getTag(targetId)]);
    if (source.projectId !== target.projectId) throw new CodebookError('Tags of different projects cannot be merged.');
    const project = await getProject(source.projectId);
    const all = await listTags(project.id);
    assertMergeable(project, all, source, target);
    const annotations = await db.annotations.where('tagId').equals(sourceId).toArray();
    const labelled = await labelledArticles(project.id, [sourceId]);
    return commit(project, planMergeTags(project, all, source, target, annotations, labelled));
  });
}

/** Deletes a tag (see `planDeleteTag`): refused with a `TagInUseError` while annotations use it, unless they go too. */
export async function deleteTag(tagId: Id, options: { deleteAnnotations?: boolean } = {}): Promise<CodebookChange<TagUsage>> {
  return db.transaction('rw', TABLES(), async () => {
    const tag = await getTag(tagId);
    const project = await getProject(tag.projectId);
    const usage = await usageOf(tag);
    assertDeletable(tag, usage, options);
    const all = await listTags(project.id);
    const annIds = usage.annotations > 0 ? await db.annotations.where('tagId').equals(tagId).primaryKeys() : [];
    const relIds = annIds.length
      ? [...new Set([...(await db.relations.where('fromId').anyOf(annIds).primaryKeys()), ...(await db.relations.where('toId').anyOf(annIds).primaryKeys())])]
      : [];
    const labelled = await labelledArticles(project.id, [tagId]);
    return commit(project, planDeleteTag(all, tag, usage, options, annIds, relIds, labelled));
  });
}

// ---------------------------------------------------------------------------------------------
// Templates

/** Adds what a codebook template has and the project lacks (see `planApplyTemplate`). */
export async function applyTemplate(projectId: Id, template: CodebookTemplate): Promise<CodebookChange<{ added: string[] }>> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    const tags = await db.tags.where('projectId').equals(projectId).toArray();
    return commit(project, planApplyTemplate(template, project, tags, newId, nowIso()));
  });
}
