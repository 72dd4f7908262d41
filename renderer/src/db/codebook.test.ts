import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Id, Tag } from '@shared/model/types.ts';
import { colourDistance, DISTINCT_DISTANCE } from '@shared/model/tag-colour.ts';
import { CodebookError, TagInUseError } from '@shared/codebook/errors.ts';
import { parseOptions } from '@shared/codebook/rules.ts';
import { db } from './db.ts';
import { createProject } from './projects.ts';
import { completeAnnotation } from './annotations.ts';
import {
  addAttribute,
  addCategory,
  addTag,
  applyCodebookSnapshot,
  deleteAttribute,
  deleteCategory,
  deleteTag,
  mergeTags,
  moveTag,
  updateAttribute,
  updateCategory,
  updateTag,
  type CodebookChange,
} from './codebook.ts';

/** Everything a codebook change may touch, in a comparable form (timestamps of the project aside). */
async function dump(projectId: Id) {
  const project = await db.projects.get(projectId);
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  return {
    categories: project?.categories,
    tags: byId(await db.tags.where('projectId').equals(projectId).toArray()),
    annotations: byId(await db.annotations.where('projectId').equals(projectId).toArray()),
    relations: byId(await db.relations.where('projectId').equals(projectId).toArray()),
    labels: (await db.articles.where('projectId').equals(projectId).toArray()).map((a) => [a.id, a.labels]).sort(),
  };
}

/** Runs an operation, then checks its undo snapshot restores the exact previous state and its redo the exact next one. */
async function expectExactUndo<R>(projectId: Id, op: () => Promise<CodebookChange<R>>): Promise<CodebookChange<R>> {
  const before = await dump(projectId);
  const change = await op();
  const after = await dump(projectId);
  expect(after).not.toEqual(before);
  await applyCodebookSnapshot(change.before);
  expect(await dump(projectId)).toEqual(before);
  await applyCodebookSnapshot(change.after);
  expect(await dump(projectId)).toEqual(after);
  return change;
}

async function setup() {
  const project = await createProject('Test');
  const tags = await db.tags.where('projectId').equals(project.id).toArray();
  const tag = (name: string) => tags.find((t) => t.name === name) as Tag;
  const articles = ['a1', 'a2', 'a3'].map((id, order) => ({
    id,
    projectId: project.id,
    title: id,
    meta: {},
    source: { file: `${id}.txt` },
    contentHash: id,
    status: 'todo' as const,
    labels: [] as string[],
    importedAt: '2026-01-01T00:00:00.000Z',
    order,
  }));
  await db.articles.bulkAdd(articles);
  const annotate = async (tagId: Id, articleId: string, start: number) => {
    const a = completeAnnotation({ projectId: project.id, articleId, tagId, start, end: start + 4, quote: 'word', prefix: '', suffix: '', attributes: {}, coder: 'tester' });
    await db.annotations.add(a);
    return a;
  };
  return { project, claim: tag('Claim'), source: tag('Source'), actor: tag('Actor'), annotate };
}

async function tagById(id: Id) {
  return db.tags.get(id);
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('tags', () => {
  it('adds a tag under a parent, in a shade of its own, at the end of its siblings', async () => {
    const { project, claim } = await setup();
    const { result: a } = await addTag(project.id, { categoryId: 'claim', name: 'Health claim', parentId: claim.id });
    const { result: b } = await addTag(project.id, { categoryId: 'claim', name: ' Economic   claim ', parentId: claim.id, color: '#AA0011' });
    const { result: c } = await addTag(project.id, { categoryId: 'claim', name: 'Security guarantee', parentId: claim.id });
    const first = await tagById(a.tagId);
    const second = await tagById(b.tagId);
    const third = await tagById(c.tagId);
    expect(first).toMatchObject({ parentId: claim.id, categoryId: 'claim', order: 0 });
    expect(second).toMatchObject({ name: 'Economic claim', color: '#aa0011', order: 1 });
    // A sub-tag that took its parent's colour could not be told apart from it in the text.
    expect(first?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(colourDistance(first?.color ?? '', claim.color)).toBeGreaterThanOrEqual(DISTINCT_DISTANCE);
    for (const other of [claim.color, first?.color ?? '', second?.color ?? '']) expect(colourDistance(third?.color ?? '', other)).toBeGreaterThanOrEqual(DISTINCT_DISTANCE);
  });

  it('refuses a sibling with the same name, an empty name and a malformed colour', async () => {
    const { project } = await setup();
    await expect(addTag(project.id, { categoryId: 'claim', name: 'claim' })).rejects.toThrow('already a tag called “claim”');
    await expect(addTag(project.id, { categoryId: 'claim', name: '   ' })).rejects.toThrow('needs a name');
    await expect(addTag(project.id, { categoryId: 'claim', name: 'X', color: 'red' })).rejects.toBeInstanceOf(CodebookError);
  });

  it('moves a taken shortcut to the tag that asks for it, and undo gives it back', async () => {
    const { project, claim, source } = await setup();
    const change = await expectExactUndo(project.id, () => updateTag(source.id, { shortcut: '1' }));
    expect(change.result.shortcutTakenFrom?.id).toBe(claim.id);
    expect((await tagById(source.id))?.shortcut).toBe('1');
    expect((await tagById(claim.id))?.shortcut).toBeUndefined();
    await expect(updateTag(source.id, { shortcut: '12' })).rejects.toThrow('single letter or digit');
    await expect(updateTag(source.id, { shortcut: 'J' })).rejects.toThrow('taken by the reader');
    await updateTag(source.id, { shortcut: 'Ж' });
    expect((await tagById(source.id))?.shortcut).toBe('ж');
    await updateTag(source.id, { shortcut: '' });
    expect((await tagById(source.id))?.shortcut).toBeUndefined();
  });

  it('renames and recolours with exact undo', async () => {
    const { project, actor } = await setup();
    await expectExactUndo(project.id, () => updateTag(actor.id, { name: 'Speaker', color: '#123456', description: 'Who speaks' }));
    expect(await tagById(actor.id)).toMatchObject({ name: 'Speaker', color: '#123456', description: 'Who speaks' });
  });
});

describe('moveTag', () => {
  it('refuses to put a tag under itself or its own descendant, and changes nothing', async () => {
    const { project, claim } = await setup();
    const { result: child } = await addTag(project.id, { categoryId: 'claim', name: 'Health', parentId: claim.id });
    const { result: grandchild } = await addTag(project.id, { categoryId: 'claim', name: 'Vaccines', parentId: child.tagId });
    const before = await dump(project.id);
    await expect(moveTag(claim.id, { parentId: grandchild.tagId })).rejects.toThrow('under itself or one of its own sub-tags');
    await expect(moveTag(claim.id, { parentId: claim.id })).rejects.toThrow(CodebookError);
    expect(await dump(project.id)).toEqual(before);
  });

  it('moves a subtree to another category, at a position, renumbering siblings', async () => {
    const { project, claim, actor } = await setup();
    const { result: child } = await addTag(project.id, { categoryId: 'claim', name: 'Health', parentId: claim.id });
    const { result: grandchild } = await addTag(project.id, { categoryId: 'claim', name: 'Vaccines', parentId: child.tagId });
    await expectExactUndo(project.id, () => moveTag(child.tagId, { categoryId: 'actor', parentId: null, index: 0 }));
    expect(await tagById(child.tagId)).toMatchObject({ categoryId: 'actor', parentId: null, order: 0 });
    expect(await tagById(grandchild.tagId)).toMatchObject({ categoryId: 'actor', parentId: child.tagId });
    expect(await tagById(actor.id)).toMatchObject({ order: 1 });
  });

  it('refuses to move a tag with annotations into a document-level category', async () => {
    const { project, claim, annotate } = await setup();
    const { result } = await addCategory(project.id, { name: 'Topic', color: '#888888', level: 'document' });
    await annotate(claim.id, 'a1', 0);
    await expect(moveTag(claim.id, { categoryId: result.categoryId })).rejects.toThrow('1 annotation');
  });
});

describe('mergeTags', () => {
  it('moves annotations, labels (deduplicated) and sub-tags to the target and deletes the source', async () => {
    const { project, annotate } = await setup();
    const { result: cat } = await addCategory(project.id, { name: 'Topic', color: '#888888', level: 'document' });
    const { result: env } = await addTag(project.id, { categoryId: cat.categoryId, name: 'Environment' });
    const { result: nature } = await addTag(project.id, { categoryId: cat.categoryId, name: 'Nature' });
    const { result: rivers } = await addTag(project.id, { categoryId: cat.categoryId, name: 'Rivers', parentId: nature.tagId });
    await db.articles.update('a1', { labels: [nature.tagId, env.tagId] });
    await db.articles.update('a2', { labels: [nature.tagId] });
    await db.articles.update('a3', { labels: [env.tagId] });

    const change = await expectExactUndo(project.id, () => mergeTags(nature.tagId, env.tagId));
    expect(change.result).toEqual({ annotations: 0, labels: 2, children: 1 });
    expect(await tagById(nature.tagId)).toBeUndefined();
    expect((await db.articles.get('a1'))?.labels).toEqual([env.tagId]);
    expect((await db.articles.get('a2'))?.labels).toEqual([env.tagId]);
    expect((await db.articles.get('a3'))?.labels).toEqual([env.tagId]);
    expect((await tagById(rivers.tagId))?.parentId).toBe(env.tagId);

    // Span tags: annotations follow, the target inherits the shortcut it lacked.
    const { result: health } = await addTag(project.id, { categoryId: 'claim', name: 'Health claim' });
    const claimTag = (await db.tags.where('projectId').equals(project.id).toArray()).find((t) => t.name === 'Claim') as Tag;
    const a = await annotate(claimTag.id, 'a1', 0);
    const b = await annotate(claimTag.id, 'a2', 5);
    const merged = await expectExactUndo(project.id, () => mergeTags(claimTag.id, health.tagId));
    expect(merged.result.annotations).toBe(2);
    expect((await db.annotations.get(a.id))?.tagId).toBe(health.tagId);
    expect((await db.annotations.get(b.id))?.tagId).toBe(health.tagId);
    expect((await tagById(health.tagId))?.shortcut).toBe('1');
  });

  it('refuses merging across levels and into the source’s own sub-tag', async () => {
    const { project, claim } = await setup();
    const { result: cat } = await addCategory(project.id, { name: 'Topic', color: '#888888', level: 'document' });
    const { result: env } = await addTag(project.id, { categoryId: cat.categoryId, name: 'Environment' });
    const { result: child } = await addTag(project.id, { categoryId: 'claim', name: 'Health', parentId: claim.id });
    await expect(mergeTags(claim.id, env.tagId)).rejects.toThrow('labels whole articles');
    await expect(mergeTags(claim.id, child.tagId)).rejects.toThrow('sub-tag');
    await expect(mergeTags(claim.id, claim.id)).rejects.toThrow('itself');
  });
});

describe('deleteTag', () => {
  it('refuses while annotations use the tag, reporting the counts', async () => {
    const { project, source, annotate } = await setup();
    await annotate(source.id, 'a1', 0);
    await annotate(source.id, 'a2', 0);
    const before = await dump(project.id);
    const error = await deleteTag(source.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TagInUseError);
    expect((error as TagInUseError).usage).toEqual({ annotations: 2, labels: 0, children: 0 });
    expect(await dump(project.id)).toEqual(before);
  });

  it('deletes with its annotations and their relations when asked, and undo restores them exactly', async () => {
    const { project, source, claim, annotate } = await setup();
    const s = await annotate(source.id, 'a1', 0);
    const c = await annotate(claim.id, 'a1', 10);
    await db.relations.add({ id: 'r1', projectId: project.id, articleId: 'a1', type: 'according-to', fromId: c.id, toId: s.id, coder: 'tester', createdAt: '2026-01-01T00:00:00.000Z' });
    await expectExactUndo(project.id, () => deleteTag(source.id, { deleteAnnotations: true }));
    expect(await db.annotations.get(s.id)).toBeUndefined();
    expect(await db.annotations.get(c.id)).toBeDefined();
    expect(await db.relations.get('r1')).toBeUndefined();
  });

  it('moves sub-tags up to the deleted tag’s parent and removes its labels', async () => {
    const { project } = await setup();
    const { result: cat } = await addCategory(project.id, { name: 'Frame', color: '#777777', level: 'document' });
    const { result: top } = await addTag(project.id, { categoryId: cat.categoryId, name: 'Conflict' });
    const { result: mid } = await addTag(project.id, { categoryId: cat.categoryId, name: 'Blame', parentId: top.tagId });
    const { result: leaf } = await addTag(project.id, { categoryId: cat.categoryId, name: 'Officials', parentId: mid.tagId });
    await db.articles.update('a1', { labels: [mid.tagId, top.tagId] });
    const change = await expectExactUndo(project.id, () => deleteTag(mid.tagId));
    expect(change.result).toEqual({ annotations: 0, labels: 1, children: 1 });
    expect((await tagById(leaf.tagId))?.parentId).toBe(top.tagId);
    expect((await db.articles.get('a1'))?.labels).toEqual([top.tagId]);
  });
});

describe('categories and attributes', () => {
  it('adds a document-level category; built-ins cannot be deleted or change level', async () => {
    const { project } = await setup();
    const change = await expectExactUndo(project.id, () => addCategory(project.id, { name: 'Topic', color: '#336699', level: 'document' }));
    const stored = await db.projects.get(project.id);
    expect(stored?.categories.find((c) => c.id === change.result.categoryId)).toMatchObject({ name: 'Topic', level: 'document', builtIn: false });
    await expect(addCategory(project.id, { name: 'topic', color: '#336699', level: 'span' })).rejects.toThrow('already a category');
    await expect(deleteCategory(project.id, 'claim')).rejects.toThrow('built in');
    await expect(updateCategory(project.id, 'claim', { level: 'document' })).rejects.toThrow('built in');
  });

  it('deletes a user category with its tags and labels, undoably; refuses while its tags annotate', async () => {
    const { project, annotate } = await setup();
    const { result: cat } = await addCategory(project.id, { name: 'Frame', color: '#777777', level: 'span' });
    const { result: t } = await addTag(project.id, { categoryId: cat.categoryId, name: 'Conflict' });
    const ann = await annotate(t.tagId, 'a1', 0);
    await expect(deleteCategory(project.id, cat.categoryId)).rejects.toThrow('1 annotation');
    await db.annotations.delete(ann.id);
    await expectExactUndo(project.id, () => deleteCategory(project.id, cat.categoryId));
    expect(await tagById(t.tagId)).toBeUndefined();
  });

  it('drops shortcuts when a category becomes document-level', async () => {
    const { project } = await setup();
    const { result: cat } = await addCategory(project.id, { name: 'Frame', color: '#777777', level: 'span' });
    const { result: t } = await addTag(project.id, { categoryId: cat.categoryId, name: 'Conflict', shortcut: 'f' });
    await expect(addTag(project.id, { categoryId: cat.categoryId, name: 'X', shortcut: 'f' })).resolves.toBeDefined();
    await expectExactUndo(project.id, () => updateCategory(project.id, cat.categoryId, { level: 'document' }));
    const tags = await db.tags.where('[projectId+categoryId]').equals([project.id, cat.categoryId]).toArray();
    expect(tags.every((x) => x.shortcut === undefined)).toBe(true);
    expect(tags.some((x) => x.id === t.tagId)).toBe(true);
  });

  it('adds, edits and deletes attributes; deleting removes stored values', async () => {
    const { project, actor, annotate } = await setup();
    const { result } = await expectExactUndo(project.id, () => addAttribute(project.id, 'actor', { name: 'Gender (self-described)', type: 'choice', options: parseOptions('woman, man, , woman, other') }));
    expect(result.attributeId).toBe('gender-self-described');
    const cat = (await db.projects.get(project.id))?.categories.find((c) => c.id === 'actor');
    expect(cat?.attributes.at(-1)).toEqual({ id: 'gender-self-described', name: 'Gender (self-described)', type: 'choice', options: ['woman', 'man', 'other'] });
    await expect(addAttribute(project.id, 'actor', { name: 'Only one', type: 'choice', options: ['x'] })).rejects.toThrow('at least two options');
    await expectExactUndo(project.id, () => updateAttribute(project.id, 'actor', result.attributeId, { name: 'Gender', options: ['woman', 'man', 'non-binary'] }));

    const ann = await annotate(actor.id, 'a1', 0);
    await db.annotations.update(ann.id, { attributes: { type: 'person', [result.attributeId]: 'woman' } });
    const change = await expectExactUndo(project.id, () => deleteAttribute(project.id, 'actor', result.attributeId));
    expect(change.result.values).toBe(1);
    expect((await db.annotations.get(ann.id))?.attributes).toEqual({ type: 'person' });
  });
});
