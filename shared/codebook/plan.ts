/**
 * The codebook's operations as pure functions: given the records an operation reads, each
 * validates the request (throwing a `CodebookError` the UI shows as is) and returns the
 * `CodebookPlan` of records to write plus what to tell the caller. The store
 * (renderer/src/db/codebook.ts) loads the inputs and writes the plan in one transaction.
 */
import { newId, nowIso } from '../model/ids.ts';
import { newTagColour, siblingColours } from '../model/tag-colour.ts';
import type { Annotation, AttributeDef, AttributeType, Category, CategoryLevel, Id, Project, Tag } from '../model/types.ts';
import { plural } from '../text/plural.ts';
import { CodebookError, TagInUseError, type TagUsage } from './errors.ts';
import {
  assertFreeAttributeName,
  assertFreeCategoryName,
  assertFreeTagName,
  assertLevelChangeAllowed,
  assertShortcutAllowed,
  attributeId,
  cleanColor,
  cleanName,
  cleanOptions,
  cleanShortcut,
  findCategory,
  type LevelUse,
} from './rules.ts';
import { childrenInOrder, nextOrder, relabel, subtree, takeShortcut, withoutShortcut } from './tag-tree.ts';

/** Everything one operation writes. */
export interface CodebookPlan {
  /** The project's whole new category list. */
  categories?: Category[];
  putTags?: Tag[];
  deleteTags?: Id[];
  putAnnotations?: Annotation[];
  deleteAnnotations?: Id[];
  deleteRelations?: Id[];
  /** New label lists of articles. */
  labels?: { articleId: Id; labels: Id[] }[];
}

export interface Planned<R> {
  plan: CodebookPlan;
  result: R;
}

/** An article's id and labels: all the label rules read of it. */
export type Labelled = { id: Id; labels: Id[] };

function replaceCategory(project: Project, next: Category): Category[] {
  return project.categories.map((c) => (c.id === next.id ? next : c));
}

// ---------------------------------------------------------------------------------------------
// Categories

export interface NewCategory {
  name: string;
  color: string;
  level: CategoryLevel;
}

export function planAddCategory(project: Project, input: NewCategory): Planned<{ categoryId: Id }> {
  const name = cleanName(input.name, 'A category');
  assertFreeCategoryName(project.categories, name);
  const category: Category = { id: newId(), name, level: input.level, color: cleanColor(input.color), builtIn: false, attributes: [] };
  return { plan: { categories: [...project.categories, category] }, result: { categoryId: category.id } };
}

export interface CategoryPatch {
  name?: string;
  color?: string;
  level?: CategoryLevel;
}

/** The level the patch switches the category to, if it changes it (the store then loads `LevelUse`). */
export function levelChange(project: Project, categoryId: Id, patch: CategoryPatch): CategoryLevel | undefined {
  const current = findCategory(project, categoryId);
  return patch.level !== undefined && patch.level !== current.level ? patch.level : undefined;
}

/**
 * Renames, recolours or changes the level of a category. The level of a built-in category is
 * fixed, and a category whose tags are in use cannot switch level (span annotations cannot
 * become article labels or the reverse). Tags of a category that becomes document-level lose
 * their shortcuts, which only apply to selected passages. `tags` are the category's tags and
 * `use` what they hold, needed only when the level changes.
 */
export function planUpdateCategory(project: Project, categoryId: Id, patch: CategoryPatch, tags: Tag[], use?: LevelUse): Planned<undefined> {
  const current = findCategory(project, categoryId);
  const next: Category = { ...current };
  const plan: CodebookPlan = {};
  if (patch.name !== undefined) {
    next.name = cleanName(patch.name, 'A category');
    assertFreeCategoryName(project.categories, next.name, categoryId);
  }
  if (patch.color !== undefined) next.color = cleanColor(patch.color);
  if (patch.level !== undefined && patch.level !== current.level) {
    if (current.builtIn) throw new CodebookError(`“${current.name}” is built in: its tags always mark passages.`);
    if (!use) throw new Error('planUpdateCategory: a level change needs the use of the category’s tags');
    assertLevelChangeAllowed({ kind: 'category', name: current.name }, patch.level, use);
    if (patch.level === 'document') {
      const withKeys = tags.filter((t) => t.shortcut);
      if (withKeys.length) plan.putTags = withKeys.map(withoutShortcut);
    }
    next.level = patch.level;
  }
  plan.categories = replaceCategory(project, next);
  return { plan, result: undefined };
}

/**
 * Deletes a user category with its tags (`tags`), removing their labels from `labelled`.
 * Refused for built-ins and while any of its tags has annotations (`annotations` counts them).
 */
export function planDeleteCategory(project: Project, categoryId: Id, tags: Tag[], annotations: number, labelled: Labelled[]): Planned<{ tags: number; labels: number }> {
  const category = findCategory(project, categoryId);
  if (category.builtIn) throw new CodebookError(`“${category.name}” is built in and cannot be deleted.`);
  if (annotations > 0) throw new CodebookError(`“${category.name}” cannot be deleted: its tags are used by ${plural(annotations, 'annotation')}. Merge or move those tags first.`);
  const ids = tags.map((t) => t.id);
  const idSet = new Set(ids);
  return {
    plan: {
      categories: project.categories.filter((c) => c.id !== categoryId),
      deleteTags: ids,
      labels: labelled.map((a) => ({ articleId: a.id, labels: a.labels.filter((l) => !idSet.has(l)) })),
    },
    result: { tags: ids.length, labels: labelled.length },
  };
}

// ---------------------------------------------------------------------------------------------
// Attributes

export interface NewAttribute {
  name: string;
  type: AttributeType;
  /** For `choice`. */
  options?: string[];
}

export function planAddAttribute(project: Project, categoryId: Id, input: NewAttribute): Planned<{ attributeId: Id }> {
  const category = findCategory(project, categoryId);
  const name = cleanName(input.name, 'An attribute');
  assertFreeAttributeName(category, name);
  const def: AttributeDef = { id: attributeId(name, category.attributes), name, type: input.type };
  const options = cleanOptions(input.type, input.options);
  if (options) def.options = options;
  const next: Category = { ...category, attributes: [...category.attributes, def] };
  return { plan: { categories: replaceCategory(project, next) }, result: { attributeId: def.id } };
}

/**
 * Renames an attribute or changes its options. Its id and type stay: stored values are keyed by
 * the id, and a value of another type would no longer fit (add a new attribute instead).
 */
export function planUpdateAttribute(project: Project, categoryId: Id, attributeId: Id, patch: { name?: string; options?: string[] }): Planned<undefined> {
  const category = findCategory(project, categoryId);
  const current = category.attributes.find((a) => a.id === attributeId);
  if (!current) throw new CodebookError('This attribute no longer exists.');
  const next: AttributeDef = { ...current };
  if (patch.name !== undefined) {
    next.name = cleanName(patch.name, 'An attribute');
    assertFreeAttributeName(category, next.name, attributeId);
  }
  if (patch.options !== undefined) next.options = cleanOptions(current.type, patch.options);
  const cat: Category = { ...category, attributes: category.attributes.map((a) => (a.id === attributeId ? next : a)) };
  return { plan: { categories: replaceCategory(project, cat) }, result: undefined };
}

/** Checks the attribute exists before the store looks for the values it holds. */
export function assertAttributeExists(project: Project, categoryId: Id, attributeId: Id): void {
  if (!findCategory(project, categoryId).attributes.some((a) => a.id === attributeId)) throw new CodebookError('This attribute no longer exists.');
}

/** Removes an attribute and its values from `holders`, the annotations of the category that hold one. */
export function planDeleteAttribute(project: Project, categoryId: Id, attributeId: Id, holders: Annotation[]): Planned<{ values: number }> {
  assertAttributeExists(project, categoryId, attributeId);
  const category = findCategory(project, categoryId);
  const putAnnotations = holders.map((a) => {
    const { [attributeId]: _removed, ...attributes } = a.attributes;
    return { ...a, attributes };
  });
  const cat: Category = { ...category, attributes: category.attributes.filter((a) => a.id !== attributeId) };
  return { plan: { categories: replaceCategory(project, cat), putAnnotations }, result: { values: holders.length } };
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

/** Adds a tag to `project`, whose tags are `all`. A shortcut held by another tag moves to the new one. */
export function planAddTag(project: Project, all: Tag[], input: NewTag): Planned<ShortcutResult & { tagId: Id }> {
  const category = findCategory(project, input.categoryId);
  const parentId = input.parentId ?? null;
  const parent = parentId ? all.find((t) => t.id === parentId) : undefined;
  if (parentId) {
    if (!parent || parent.categoryId !== category.id) throw new CodebookError('A sub-tag must belong to the same category as its parent.');
  }
  const name = cleanName(input.name, 'A tag');
  assertFreeTagName(all, name, category.id, parentId);
  const shortcut = cleanShortcut(input.shortcut);
  assertShortcutAllowed(category, shortcut);
  const tag: Tag = {
    id: newId(),
    projectId: project.id,
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
  return { plan: { putTags: loser ? [tag, loser] : [tag] }, result: { tagId: tag.id, shortcutTakenFrom: loser } };
}

export interface TagPatch {
  name?: string;
  color?: string;
  description?: string;
  /** `''` removes the shortcut. A key held by another tag moves to this one. */
  shortcut?: string;
}

export function planUpdateTag(project: Project, all: Tag[], current: Tag, patch: TagPatch): Planned<ShortcutResult> {
  const category = findCategory(project, current.categoryId);
  let next: Tag = { ...current };
  if (patch.name !== undefined) {
    next.name = cleanName(patch.name, 'A tag');
    assertFreeTagName(all, next.name, next.categoryId, next.parentId, current.id);
  }
  if (patch.color !== undefined) next.color = cleanColor(patch.color);
  if (patch.description !== undefined) next.description = patch.description.trim();
  let loser: Tag | undefined;
  if (patch.shortcut !== undefined) {
    const key = cleanShortcut(patch.shortcut);
    assertShortcutAllowed(category, key);
    next = key ? { ...next, shortcut: key } : withoutShortcut(next);
    loser = takeShortcut(all, key, current.id);
  }
  return { plan: { putTags: loser ? [next, loser] : [next] }, result: { shortcutTakenFrom: loser } };
}

export interface TagMove {
  /** Another category (the tag's sub-tags follow it); defaults to the current one. */
  categoryId?: Id;
  /** New parent, `null` for top level; defaults to the current parent, or top level when the category changes. */
  parentId?: Id | null;
  /** Position among the new siblings, from 0; defaults to the end (or the current place if the parent is unchanged). */
  index?: number;
}

/** The tags a move carries (the tag and its sub-tags) and the level it moves them to, if that changes. */
export function moveScope(project: Project, all: Tag[], tag: Tag, move: TagMove): { moved: Tag[]; toLevel: CategoryLevel | undefined } {
  const from = findCategory(project, tag.categoryId);
  const to = findCategory(project, move.categoryId ?? tag.categoryId);
  return { moved: subtree(all, tag.id), toLevel: to.level !== from.level ? to.level : undefined };
}

/**
 * Moves a tag (with its sub-tags) to another parent, category or position, renumbering the new
 * siblings densely. Never creates a cycle. `use` is what the moved tags hold, needed only when
 * the move changes their level (see `moveScope`).
 */
export function planMoveTag(project: Project, all: Tag[], tag: Tag, move: TagMove, use?: LevelUse): Planned<undefined> {
  const fromCategory = findCategory(project, tag.categoryId);
  const toCategory = findCategory(project, move.categoryId ?? tag.categoryId);
  const categoryChanged = toCategory.id !== fromCategory.id;
  const parentId = move.parentId !== undefined ? move.parentId : categoryChanged ? null : tag.parentId;
  const moved = subtree(all, tag.id);
  if (parentId !== null) {
    if (moved.some((t) => t.id === parentId)) throw new CodebookError(`“${tag.name}” cannot be placed under itself or one of its own sub-tags.`);
    const parent = all.find((t) => t.id === parentId);
    if (!parent) throw new CodebookError('The chosen parent tag no longer exists.');
    if (parent.categoryId !== toCategory.id) throw new CodebookError('A sub-tag must belong to the same category as its parent.');
  }
  if (toCategory.level !== fromCategory.level) {
    if (!use) throw new Error('planMoveTag: a move across levels needs the use of the moved tags');
    assertLevelChangeAllowed({ kind: 'tag', name: tag.name }, toCategory.level, use);
  }
  assertFreeTagName(all, tag.name, toCategory.id, parentId, tag.id);

  const changed = new Map<Id, Tag>();
  for (const t of moved) {
    let n: Tag = { ...t, categoryId: toCategory.id };
    if (toCategory.level === 'document' && n.shortcut) n = withoutShortcut(n);
    changed.set(t.id, n);
  }
  // Re-number the new siblings so the order is dense and the tag lands at `index`.
  const siblings = all.filter((t) => t.categoryId === toCategory.id && t.parentId === parentId && t.id !== tag.id).sort((a, b) => a.order - b.order);
  const sameParent = !categoryChanged && parentId === tag.parentId;
  const defaultIndex = sameParent ? siblings.filter((s) => s.order < tag.order).length : siblings.length;
  const index = Math.max(0, Math.min(siblings.length, move.index ?? defaultIndex));
  const ordered = [...siblings.slice(0, index), { ...tag }, ...siblings.slice(index)];
  ordered.forEach((s, i) => {
    const base = changed.get(s.id) ?? s;
    if (base.order !== i || s.id === tag.id) changed.set(s.id, { ...base, order: i });
  });
  const self = changed.get(tag.id);
  if (self) changed.set(tag.id, { ...self, parentId });
  const putTags = [...changed.values()].filter((n) => {
    const old = all.find((t) => t.id === n.id);
    return !old || JSON.stringify(old) !== JSON.stringify(n);
  });
  return { plan: { putTags }, result: undefined };
}

export interface TagMergeResult {
  annotations: number;
  labels: number;
  children: number;
}

/** Refusals that need only the two tags: checked before the store loads what the merge moves. */
export function assertMergeable(project: Project, all: Tag[], source: Tag, target: Tag): void {
  if (source.projectId !== target.projectId) throw new CodebookError('Tags of different projects cannot be merged.');
  const fromCategory = findCategory(project, source.categoryId);
  const toCategory = findCategory(project, target.categoryId);
  if (fromCategory.level !== toCategory.level) throw new CodebookError('A tag that marks passages cannot be merged with one that labels whole articles.');
  if (subtree(all, source.id).some((t) => t.id === target.id)) {
    throw new CodebookError(`“${target.name}” is a sub-tag of “${source.name}”: move it out first, or merge the other way round.`);
  }
}

/**
 * Merges tag `source` into `target`: its `annotations` and the labels of `labelled` articles move
 * to the target (labels deduplicated), its sub-tags become the target's, and it is deleted. The
 * target keeps its own shortcut, or takes the source's if it had none.
 */
export function planMergeTags(project: Project, all: Tag[], source: Tag, target: Tag, annotations: Annotation[], labelled: Labelled[]): Planned<TagMergeResult> {
  assertMergeable(project, all, source, target);
  const now = nowIso();
  const putAnnotations = annotations.map((a) => ({ ...a, tagId: target.id, updatedAt: now }));
  const labels = labelled.map((a) => ({ articleId: a.id, labels: relabel(a.labels, source.id, target.id) }));
  // Sub-tags of the source move under the target (and into its category, with their subtrees).
  const children = childrenInOrder(all, source.id);
  let order = nextOrder(all, target.categoryId, target.id);
  const putTags: Tag[] = [];
  for (const child of children) {
    for (const t of subtree(all, child.id)) {
      putTags.push(t.id === child.id ? { ...t, parentId: target.id, categoryId: target.categoryId, order: order++ } : { ...t, categoryId: target.categoryId });
    }
  }
  if (!target.shortcut && source.shortcut) putTags.push({ ...target, shortcut: source.shortcut });
  return {
    plan: { putAnnotations, labels, putTags, deleteTags: [source.id] },
    result: { annotations: annotations.length, labels: labelled.length, children: children.length },
  };
}

/** Refuses to delete a tag whose annotations would be lost, unless they go with it. */
export function assertDeletable(tag: Tag, usage: TagUsage, options: { deleteAnnotations?: boolean }): void {
  if (usage.annotations > 0 && !options.deleteAnnotations) throw new TagInUseError(tag.name, usage);
}

/**
 * Deletes a tag. Its sub-tags move up to its parent and its article labels (`labelled`) are
 * removed. If annotations use it, the deletion is refused with a `TagInUseError` (so the UI can
 * offer a merge) unless `deleteAnnotations` is set, in which case `annotationIds` and the
 * relations touching them (`relationIds`) are deleted too.
 */
export function planDeleteTag(all: Tag[], tag: Tag, usage: TagUsage, options: { deleteAnnotations?: boolean }, annotationIds: Id[], relationIds: Id[], labelled: Labelled[]): Planned<TagUsage> {
  assertDeletable(tag, usage, options);
  let order = nextOrder(all, tag.categoryId, tag.parentId, tag.id);
  const putTags = childrenInOrder(all, tag.id).map((t) => ({ ...t, parentId: tag.parentId, order: order++ }));
  return {
    plan: {
      putTags,
      deleteTags: [tag.id],
      deleteAnnotations: annotationIds,
      deleteRelations: relationIds,
      labels: labelled.map((a) => ({ articleId: a.id, labels: a.labels.filter((l) => l !== tag.id) })),
    },
    result: usage,
  };
}
