/**
 * The codebook's store operations: categories (on the project record), their attribute
 * definitions, and tags (nested, with colours and shortcuts), plus merge/move/delete.
 *
 * Every write runs in one transaction and returns a `CodebookChange`: the exact records it
 * touched before and after. The UI pushes `applyCodebookSnapshot(change.before)` as the undo and
 * `applyCodebookSnapshot(change.after)` as the redo, so undo restores records exactly instead of
 * re-deriving them (which would drift after merges and deletes).
 */
import { isHexColor } from '@shared/model/color.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { newTagColour, siblingColours } from '@shared/model/tag-colour.ts';
import type { Annotation, AttributeDef, AttributeType, Category, CategoryLevel, Id, Project, Relation, Tag } from '@shared/model/types.ts';
import { db } from './db.ts';

/** A refusal the user can act on; `message` is written to be shown as is. */
export class CodebookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodebookError';
  }
}

export interface TagUsage {
  /** Annotations whose tag is this one. */
  annotations: number;
  /** Articles labelled with this tag (document-level tags). */
  labels: number;
  /** Direct sub-tags. */
  children: number;
}

/** Thrown by `deleteTag` when annotations would be lost: the UI offers merging instead. */
export class TagInUseError extends CodebookError {
  constructor(
    readonly tagName: string,
    readonly usage: TagUsage,
  ) {
    super(`“${tagName}” is used by ${plural(usage.annotations, 'annotation')}. Merge it into another tag to keep them, or delete them with it.`);
    this.name = 'TagInUseError';
  }
}

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

/** A project's tags, in no particular order (see `tagTree` in features/codebook for display). */
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
  const tag = await db.tags.get(tagId);
  if (!tag) throw new CodebookError('This tag no longer exists.');
  return usageOf(tag);
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

async function putOrDelete<T>(table: { bulkPut(items: T[]): Promise<unknown>; bulkDelete(ids: Id[]): Promise<void> }, rows: { id: Id; record: T | null }[]) {
  const puts = rows.flatMap((r) => (r.record ? [r.record] : []));
  const deletes = rows.flatMap((r) => (r.record ? [] : [r.id]));
  if (puts.length) await table.bulkPut(puts);
  if (deletes.length) await table.bulkDelete(deletes);
}

/** Everything one operation writes; `commit` records the before-state of each touched record. */
interface Plan {
  categories?: Category[];
  putTags?: Tag[];
  deleteTags?: Id[];
  putAnnotations?: Annotation[];
  deleteAnnotations?: Id[];
  deleteRelations?: Id[];
  labels?: { articleId: Id; labels: Id[] }[];
}

/** Must run inside a transaction over TABLES(). */
async function commit<R>(project: Project, plan: Plan, result: R): Promise<CodebookChange<R>> {
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
  const deletedTags = new Set(plan.deleteTags ?? []);
  const deletedAnns = new Set(plan.deleteAnnotations ?? []);
  const after: CodebookSnapshot = {
    projectId: project.id,
    categories: plan.categories,
    tags: tagIds.map((id) => ({ id, record: deletedTags.has(id) ? null : (plan.putTags ?? []).find((t) => t.id === id) ?? null })),
    annotations: annIds.map((id) => ({ id, record: deletedAnns.has(id) ? null : (plan.putAnnotations ?? []).find((a) => a.id === id) ?? null })),
    relations: relIds.map((id) => ({ id, record: null })),
    labels: plan.labels ?? [],
  };
  await applyCodebookSnapshot(after);
  if (!plan.categories) await db.projects.update(project.id, { updatedAt: nowIso() });
  return { before, after, result };
}

// ---------------------------------------------------------------------------------------------
// Validation

/** One letter or digit, in any script (researchers code Cyrillic corpora on Cyrillic keyboards). */
const SHORTCUT = /^[\p{L}\p{N}]$/u;
/** Keys the reader already uses to move between annotations (n/p) and articles (j/k). */
export const RESERVED_SHORTCUTS: ReadonlySet<string> = new Set(['n', 'p', 'j', 'k']);

function cleanName(name: string, what: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new CodebookError(`${what} needs a name.`);
  if (clean.length > 80) throw new CodebookError(`${what} name is too long (80 characters at most).`);
  return clean;
}

function cleanColor(color: string): string {
  if (!isHexColor(color)) throw new CodebookError(`“${color}” is not a colour of the form #rrggbb.`);
  return color.toLowerCase();
}

/** `''`/undefined clears the shortcut; otherwise one letter or digit, lower-cased. */
function cleanShortcut(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const k = key.trim().toLocaleLowerCase();
  if (k === '') return undefined;
  if (!SHORTCUT.test(k)) throw new CodebookError('A shortcut is a single letter or digit.');
  if (RESERVED_SHORTCUTS.has(k)) throw new CodebookError(`“${k}” is taken by the reader: n/p move between annotations and j/k between articles.`);
  return k;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

// ---------------------------------------------------------------------------------------------
// Loading inside a transaction

async function getProject(projectId: Id): Promise<Project> {
  const project = await db.projects.get(projectId);
  if (!project) throw new CodebookError('This project no longer exists.');
  return project;
}

function getCategory(project: Project, categoryId: Id): Category {
  const category = project.categories.find((c) => c.id === categoryId);
  if (!category) throw new CodebookError('This category no longer exists.');
  return category;
}

async function getTag(tagId: Id): Promise<Tag> {
  const tag = await db.tags.get(tagId);
  if (!tag) throw new CodebookError('This tag no longer exists.');
  return tag;
}

/** The tag and all its descendants (the tag first). */
function subtree(all: Tag[], rootId: Id): Tag[] {
  const out: Tag[] = [];
  const queue = [rootId];
  const seen = new Set<Id>();
  while (queue.length) {
    const id = queue.shift() as Id;
    if (seen.has(id)) continue; // defensive: stored data should never hold a cycle
    seen.add(id);
    const t = all.find((x) => x.id === id);
    if (t) out.push(t);
    for (const c of all) if (c.parentId === id) queue.push(c.id);
  }
  return out;
}

async function countAnnotations(tagIds: Id[]): Promise<number> {
  if (tagIds.length === 0) return 0;
  return db.annotations.where('tagId').anyOf(tagIds).count();
}

async function labelledArticles(projectId: Id, tagIds: Id[]) {
  const set = new Set(tagIds);
  return db.articles.where('projectId').equals(projectId).filter((a) => a.labels.some((l) => set.has(l))).toArray();
}

function nextOrder(all: Tag[], categoryId: Id, parentId: Id | null, except?: Id): number {
  const siblings = all.filter((t) => t.categoryId === categoryId && t.parentId === parentId && t.id !== except);
  return siblings.reduce((max, t) => Math.max(max, t.order + 1), 0);
}

/** If `key` is taken by another tag, that tag loses it (returned so the UI can say so). */
function takeShortcut(all: Tag[], key: string | undefined, forTagId: Id): Tag | undefined {
  if (!key) return undefined;
  const holder = all.find((t) => t.shortcut === key && t.id !== forTagId);
  if (!holder) return undefined;
  const { shortcut: _dropped, ...rest } = holder;
  return rest;
}

function withoutShortcut(t: Tag): Tag {
  const { shortcut: _dropped, ...rest } = t;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Categories

export interface NewCategory {
  name: string;
  color: string;
  level: CategoryLevel;
}

export async function addCategory(projectId: Id, input: NewCategory): Promise<CodebookChange<{ categoryId: Id }>> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    const name = cleanName(input.name, 'A category');
    if (project.categories.some((c) => sameName(c.name, name))) throw new CodebookError(`There is already a category called “${name}”.`);
    const category: Category = { id: newId(), name, level: input.level, color: cleanColor(input.color), builtIn: false, attributes: [] };
    return commit(project, { categories: [...project.categories, category] }, { categoryId: category.id });
  });
}

export interface CategoryPatch {
  name?: string;
  color?: string;
  level?: CategoryLevel;
}

/**
 * Renames, recolours or changes the level of a category. The level of a built-in category is
 * fixed, and a category whose tags are in use cannot switch level (span annotations cannot
 * become article labels or the reverse). Tags of a category that becomes document-level lose
 * their shortcuts, which only apply to selected passages.
 */
export async function updateCategory(projectId: Id, categoryId: Id, patch: CategoryPatch): Promise<CodebookChange> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    const current = getCategory(project, categoryId);
    const next: Category = { ...current };
    const plan: Plan = {};
    if (patch.name !== undefined) {
      next.name = cleanName(patch.name, 'A category');
      if (project.categories.some((c) => c.id !== categoryId && sameName(c.name, next.name))) throw new CodebookError(`There is already a category called “${next.name}”.`);
    }
    if (patch.color !== undefined) next.color = cleanColor(patch.color);
    if (patch.level !== undefined && patch.level !== current.level) {
      if (current.builtIn) throw new CodebookError(`“${current.name}” is built in: its tags always mark passages.`);
      const tags = await db.tags.where('[projectId+categoryId]').equals([projectId, categoryId]).toArray();
      const ids = tags.map((t) => t.id);
      if (patch.level === 'document') {
        const n = await countAnnotations(ids);
        if (n > 0) throw new CodebookError(`“${current.name}” cannot label whole articles: its tags are used by ${plural(n, 'annotation')}.`);
        const withKeys = tags.filter((t) => t.shortcut);
        if (withKeys.length) plan.putTags = withKeys.map(withoutShortcut);
      } else {
        const n = (await labelledArticles(projectId, ids)).length;
        if (n > 0) throw new CodebookError(`“${current.name}” cannot mark passages: its tags label ${plural(n, 'article')}.`);
      }
      next.level = patch.level;
    }
    plan.categories = project.categories.map((c) => (c.id === categoryId ? next : c));
    return commit(project, plan, undefined);
  });
}

/** Deletes a user category with its tags. Refused for built-ins and while any of its tags has annotations. */
export async function deleteCategory(projectId: Id, categoryId: Id): Promise<CodebookChange<{ tags: number; labels: number }>> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    const category = getCategory(project, categoryId);
    if (category.builtIn) throw new CodebookError(`“${category.name}” is built in and cannot be deleted.`);
    const tags = await db.tags.where('[projectId+categoryId]').equals([projectId, categoryId]).toArray();
    const ids = tags.map((t) => t.id);
    const n = await countAnnotations(ids);
    if (n > 0) throw new CodebookError(`“${category.name}” cannot be deleted: its tags are used by ${plural(n, 'annotation')}. Merge or move those tags first.`);
    const idSet = new Set(ids);
    const articles = await labelledArticles(projectId, ids);
    return commit(
      project,
      {
        categories: project.categories.filter((c) => c.id !== categoryId),
        deleteTags: ids,
        labels: articles.map((a) => ({ articleId: a.id, labels: a.labels.filter((l) => !idSet.has(l)) })),
      },
      { tags: ids.length, labels: articles.length },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Attributes

export interface NewAttribute {
  name: string;
  type: AttributeType;
  /** For `choice`. */
  options?: string[];
}

/** Splits “a, b, c” into distinct, trimmed options (what the attribute form accepts). */
export function parseOptions(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const o = part.replace(/\s+/g, ' ').trim();
    if (o && !out.some((x) => sameName(x, o))) out.push(o);
  }
  return out;
}

function cleanOptions(type: AttributeType, options: string[] | undefined): string[] | undefined {
  if (type !== 'choice') return undefined;
  const clean = parseOptions((options ?? []).join(','));
  if (clean.length < 2) throw new CodebookError('A choice needs at least two options, separated by commas.');
  return clean;
}

/** A readable key (it becomes a column name in exports), unique within the category. */
function attributeId(name: string, taken: AttributeDef[]): string {
  const base =
    name
      .normalize('NFKD')
      .toLocaleLowerCase()
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'attribute';
  let id = base;
  for (let i = 2; taken.some((a) => a.id === id); i++) id = `${base}-${i}`;
  return id;
}

export async function addAttribute(projectId: Id, categoryId: Id, input: NewAttribute): Promise<CodebookChange<{ attributeId: Id }>> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    const category = getCategory(project, categoryId);
    const name = cleanName(input.name, 'An attribute');
    if (category.attributes.some((a) => sameName(a.name, name))) throw new CodebookError(`“${category.name}” already has an attribute called “${name}”.`);
    const def: AttributeDef = { id: attributeId(name, category.attributes), name, type: input.type };
    const options = cleanOptions(input.type, input.options);
    if (options) def.options = options;
    const next: Category = { ...category, attributes: [...category.attributes, def] };
    return commit(project, { categories: project.categories.map((c) => (c.id === categoryId ? next : c)) }, { attributeId: def.id });
  });
}

/**
 * Renames an attribute or changes its options. Its id and type stay: stored values are keyed by
 * the id, and a value of another type would no longer fit (add a new attribute instead).
 */
export async function updateAttribute(projectId: Id, categoryId: Id, attributeId: Id, patch: { name?: string; options?: string[] }): Promise<CodebookChange> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    const category = getCategory(project, categoryId);
    const current = category.attributes.find((a) => a.id === attributeId);
    if (!current) throw new CodebookError('This attribute no longer exists.');
    const next: AttributeDef = { ...current };
    if (patch.name !== undefined) {
      next.name = cleanName(patch.name, 'An attribute');
      if (category.attributes.some((a) => a.id !== attributeId && sameName(a.name, next.name))) throw new CodebookError(`“${category.name}” already has an attribute called “${next.name}”.`);
    }
    if (patch.options !== undefined) next.options = cleanOptions(current.type, patch.options);
    const cat: Category = { ...category, attributes: category.attributes.map((a) => (a.id === attributeId ? next : a)) };
    return commit(project, { categories: project.categories.map((c) => (c.id === categoryId ? cat : c)) }, undefined);
  });
}

/** Removes an attribute and the values annotations of this category held for it. */
export async function deleteAttribute(projectId: Id, categoryId: Id, attributeId: Id): Promise<CodebookChange<{ values: number }>> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    const category = getCategory(project, categoryId);
    if (!category.attributes.some((a) => a.id === attributeId)) throw new CodebookError('This attribute no longer exists.');
    const tagIds = await db.tags.where('[projectId+categoryId]').equals([projectId, categoryId]).primaryKeys();
    const anns = tagIds.length ? await db.annotations.where('tagId').anyOf(tagIds).filter((a) => attributeId in a.attributes).toArray() : [];
    const putAnnotations = anns.map((a) => {
      const { [attributeId]: _removed, ...attributes } = a.attributes;
      return { ...a, attributes };
    });
    const cat: Category = { ...category, attributes: category.attributes.filter((a) => a.id !== attributeId) };
    return commit(project, { categories: project.categories.map((c) => (c.id === categoryId ? cat : c)), putAnnotations }, { values: anns.length });
  });
}

// ---------------------------------------------------------------------------------------------
// Tags

export interface NewTag {
  categoryId: Id;
  name: string;
  parentId?: Id | null;
  /** Defaults to a shade distinct from the parent and the siblings (see newTagColour). */
  color?: string;
  description?: string;
  shortcut?: string;
}

export interface ShortcutResult {
  /** The tag that held the shortcut before and lost it, if any. */
  shortcutTakenFrom?: Tag;
}

/** Checks a tag name is free among its siblings (same category, same parent). */
function assertFreeName(all: Tag[], name: string, categoryId: Id, parentId: Id | null, except?: Id) {
  if (all.some((t) => t.id !== except && t.categoryId === categoryId && t.parentId === parentId && sameName(t.name, name))) {
    throw new CodebookError(`There is already a tag called “${name}” here.`);
  }
}

function assertShortcutAllowed(category: Category, key: string | undefined) {
  if (key && category.level === 'document') throw new CodebookError('Shortcuts tag a selected passage; tags that label whole articles cannot have one.');
}

export async function addTag(projectId: Id, input: NewTag): Promise<CodebookChange<ShortcutResult & { tagId: Id }>> {
  return db.transaction('rw', TABLES(), async () => {
    const project = await getProject(projectId);
    const category = getCategory(project, input.categoryId);
    const all = await listTags(projectId);
    const parentId = input.parentId ?? null;
    const parent = parentId ? all.find((t) => t.id === parentId) : undefined;
    if (parentId) {
      if (!parent || parent.categoryId !== category.id) throw new CodebookError('A sub-tag must belong to the same category as its parent.');
    }
    const name = cleanName(input.name, 'A tag');
    assertFreeName(all, name, category.id, parentId);
    const shortcut = cleanShortcut(input.shortcut);
    assertShortcutAllowed(category, shortcut);
    const tag: Tag = {
      id: newId(),
      projectId,
      categoryId: category.id,
      name,
      parentId,
      color: cleanColor(input.color ?? newTagColour(category.color, parent?.color ?? null, siblingColours(all, category.id, parentId))),
      description: (input.description ?? '').trim(),
      order: nextOrder(all, category.id, parentId),
      createdAt: nowIso(),
    };
    if (shortcut) tag.shortcut = shortcut;
    const loser = takeShortcut(all, shortcut, tag.id);
    const putTags = loser ? [tag, loser] : [tag];
    return commit(project, { putTags }, { tagId: tag.id, shortcutTakenFrom: loser });
  });
}

export interface TagPatch {
  name?: string;
  color?: string;
  description?: string;
  /** `''` removes the shortcut. A key held by another tag moves to this one. */
  shortcut?: string;
}

export async function updateTag(tagId: Id, patch: TagPatch): Promise<CodebookChange<ShortcutResult>> {
  return db.transaction('rw', TABLES(), async () => {
    const current = await getTag(tagId);
    const project = await getProject(current.projectId);
    const category = getCategory(project, current.categoryId);
    const all = await listTags(project.id);
    let next: Tag = { ...current };
    if (patch.name !== undefined) {
      next.name = cleanName(patch.name, 'A tag');
      assertFreeName(all, next.name, next.categoryId, next.parentId, tagId);
    }
    if (patch.color !== undefined) next.color = cleanColor(patch.color);
    if (patch.description !== undefined) next.description = patch.description.trim();
    let loser: Tag | undefined;
    if (patch.shortcut !== undefined) {
      const key = cleanShortcut(patch.shortcut);
      assertShortcutAllowed(category, key);
      next = key ? { ...next, shortcut: key } : withoutShortcut(next);
      loser = takeShortcut(all, key, tagId);
    }
    return commit(project, { putTags: loser ? [next, loser] : [next] }, { shortcutTakenFrom: loser });
  });
}

export interface TagMove {
  /** Another category (the tag's sub-tags follow it); defaults to the current one. */
  categoryId?: Id;
  /** New parent, `null` for top level; defaults to the current parent, or top level when the category changes. */
  parentId?: Id | null;
  /** Position among the new siblings, from 0; defaults to the end (or the current place if the parent is unchanged). */
  index?: number;
}

/** Moves a tag (with its sub-tags) to another parent, category or position. Never creates a cycle. */
export async function moveTag(tagId: Id, move: TagMove): Promise<CodebookChange> {
  return db.transaction('rw', TABLES(), async () => {
    const tag = await getTag(tagId);
    const project = await getProject(tag.projectId);
    const fromCategory = getCategory(project, tag.categoryId);
    const toCategory = getCategory(project, move.categoryId ?? tag.categoryId);
    const all = await listTags(project.id);
    const categoryChanged = toCategory.id !== fromCategory.id;
    const parentId = move.parentId !== undefined ? move.parentId : categoryChanged ? null : tag.parentId;
    const moved = subtree(all, tagId);
    if (parentId !== null) {
      if (moved.some((t) => t.id === parentId)) throw new CodebookError(`“${tag.name}” cannot be placed under itself or one of its own sub-tags.`);
      const parent = all.find((t) => t.id === parentId);
      if (!parent) throw new CodebookError('The chosen parent tag no longer exists.');
      if (parent.categoryId !== toCategory.id) throw new CodebookError('A sub-tag must belong to the same category as its parent.');
    }
    if (toCategory.level !== fromCategory.level) {
      const ids = moved.map((t) => t.id);
      if (toCategory.level === 'document') {
        const n = await countAnnotations(ids);
        if (n > 0) throw new CodebookError(`“${tag.name}” is used by ${plural(n, 'annotation')} and cannot move to a category that labels whole articles.`);
      } else {
        const n = (await labelledArticles(project.id, ids)).length;
        if (n > 0) throw new CodebookError(`“${tag.name}” labels ${plural(n, 'article')} and cannot move to a category that marks passages.`);
      }
    }
    assertFreeName(all, tag.name, toCategory.id, parentId, tagId);

    const changed = new Map<Id, Tag>();
    for (const t of moved) {
      let n: Tag = { ...t, categoryId: toCategory.id };
      if (toCategory.level === 'document' && n.shortcut) n = withoutShortcut(n);
      changed.set(t.id, n);
    }
    // Re-number the new siblings so the order is dense and the tag lands at `index`.
    const siblings = all.filter((t) => t.categoryId === toCategory.id && t.parentId === parentId && t.id !== tagId).sort((a, b) => a.order - b.order);
    const sameParent = !categoryChanged && parentId === tag.parentId;
    const defaultIndex = sameParent ? siblings.filter((s) => s.order < tag.order).length : siblings.length;
    const index = Math.max(0, Math.min(siblings.length, move.index ?? defaultIndex));
    const ordered = [...siblings.slice(0, index), { ...tag }, ...siblings.slice(index)];
    ordered.forEach((s, i) => {
      const base = changed.get(s.id) ?? s;
      if (base.order !== i || s.id === tagId) changed.set(s.id, { ...base, order: i });
    });
    const self = changed.get(tagId);
    if (self) changed.set(tagId, { ...self, parentId });
    const putTags = [...changed.values()].filter((n) => {
      const old = all.find((t) => t.id === n.id);
      return !old || JSON.stringify(old) !== JSON.stringify(n);
    });
    return commit(project, { putTags }, undefined);
  });
}

export interface MergeResult {
  annotations: number;
  labels: number;
  children: number;
}

/**
 * Merges tag `sourceId` into `targetId`: its annotations and article labels move to the target
 * (labels deduplicated), its sub-tags become the target's, and it is deleted. The target keeps its
 * own shortcut, or takes the source's if it had none.
 */
export async function mergeTags(sourceId: Id, targetId: Id): Promise<CodebookChange<MergeResult>> {
  return db.transaction('rw', TABLES(), async () => {
    if (sourceId === targetId) throw new CodebookError('A tag cannot be merged into itself.');
    const [source, target] = await Promise.all([getTag(sourceId), getTag(targetId)]);
    if (source.projectId !== target.projectId) throw new CodebookError('Tags of different projects cannot be merged.');
    const project = await getProject(source.projectId);
    const fromCategory = getCategory(project, source.categoryId);
    const toCategory = getCategory(project, target.categoryId);
    if (fromCategory.level !== toCategory.level) throw new CodebookError('A tag that marks passages cannot be merged with one that labels whole articles.');
    const all = await listTags(project.id);
    if (subtree(all, sourceId).some((t) => t.id === targetId)) {
      throw new CodebookError(`“${target.name}” is a sub-tag of “${source.name}”: move it out first, or merge the other way round.`);
    }

    const now = nowIso();
    const anns = await db.annotations.where('tagId').equals(sourceId).toArray();
    const putAnnotations = anns.map((a) => ({ ...a, tagId: targetId, updatedAt: now }));
    const articles = await labelledArticles(project.id, [sourceId]);
    const labels = articles.map((a) => {
      const next: Id[] = [];
      for (const l of a.labels) {
        const id = l === sourceId ? targetId : l;
        if (!next.includes(id)) next.push(id);
      }
      return { articleId: a.id, labels: next };
    });
    // Sub-tags of the source move under the target (and into its category, with their subtrees).
    const children = all.filter((t) => t.parentId === sourceId).sort((a, b) => a.order - b.order);
    let order = nextOrder(all, target.categoryId, targetId);
    const putTags: Tag[] = [];
    for (const child of children) {
      for (const t of subtree(all, child.id)) {
        putTags.push(t.id === child.id ? { ...t, parentId: targetId, categoryId: target.categoryId, order: order++ } : { ...t, categoryId: target.categoryId });
      }
    }
    if (!target.shortcut && source.shortcut) putTags.push({ ...target, shortcut: source.shortcut });
    return commit(project, { putAnnotations, labels, putTags, deleteTags: [sourceId] }, { annotations: anns.length, labels: articles.length, children: children.length });
  });
}

/**
 * Deletes a tag. Its sub-tags move up to its parent and its article labels are removed. If
 * annotations use it, the deletion is refused with a `TagInUseError` (so the UI can offer a merge)
 * unless `deleteAnnotations` is set, in which case they and their relations are deleted too.
 */
export async function deleteTag(tagId: Id, options: { deleteAnnotations?: boolean } = {}): Promise<CodebookChange<TagUsage>> {
  return db.transaction('rw', TABLES(), async () => {
    const tag = await getTag(tagId);
    const project = await getProject(tag.projectId);
    const usage = await usageOf(tag);
    if (usage.annotations > 0 && !options.deleteAnnotations) throw new TagInUseError(tag.name, usage);
    const all = await listTags(project.id);
    const annIds = usage.annotations > 0 ? await db.annotations.where('tagId').equals(tagId).primaryKeys() : [];
    const relIds = annIds.length
      ? [...new Set([...(await db.relations.where('fromId').anyOf(annIds).primaryKeys()), ...(await db.relations.where('toId').anyOf(annIds).primaryKeys())])]
      : [];
    const articles = await labelledArticles(project.id, [tagId]);
    let order = nextOrder(all, tag.categoryId, tag.parentId, tagId);
    const putTags = all
      .filter((t) => t.parentId === tagId)
      .sort((a, b) => a.order - b.order)
      .map((t) => ({ ...t, parentId: tag.parentId, order: order++ }));
    return commit(
      project,
      {
        putTags,
        deleteTags: [tagId],
        deleteAnnotations: annIds,
        deleteRelations: relIds,
        labels: articles.map((a) => ({ articleId: a.id, labels: a.labels.filter((l) => l !== tagId) })),
      },
      usage,
    );
  });
}
