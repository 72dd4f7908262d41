import { describe, expect, it } from 'vitest';
import type { Annotation, Category, Project, Tag } from '../model/types.ts';
import { CodebookError, TagInUseError } from './errors.ts';
import { levelChange, moveScope, planAddCategory, planAddTag, planDeleteAttribute, planDeleteCategory, planDeleteTag, planMergeTags, planMoveTag, planUpdateCategory, planUpdateTag } from './plan.ts';

const cat = (id: string, level: Category['level'] = 'span', builtIn = false): Category => ({ id, name: id[0]?.toUpperCase() + id.slice(1), level, color: '#336699', builtIn, attributes: [] });
const project: Project = { id: 'p', name: 'P', createdAt: '', updatedAt: '', categories: [cat('claim', 'span', true), cat('frame'), cat('topic', 'document')] };

function tag(id: string, parentId: string | null, order: number, categoryId = 'claim', shortcut?: string): Tag {
  const t: Tag = { id, projectId: 'p', categoryId, name: id.toUpperCase(), parentId, color: '#000000', description: '', order, createdAt: '' };
  if (shortcut) t.shortcut = shortcut;
  return t;
}

const byId = (tags: Tag[] | undefined) => new Map((tags ?? []).map((t) => [t.id, t]));

describe('categories', () => {
  it('adds a category with a clean name and colour, refusing a name already used', () => {
    const { plan, result } = planAddCategory(project, { name: '  Tone ', color: '#AABBCC', level: 'span' });
    expect(plan.categories?.at(-1)).toMatchObject({ id: result.categoryId, name: 'Tone', color: '#aabbcc', builtIn: false, attributes: [] });
    expect(() => planAddCategory(project, { name: 'frame', color: '#aabbcc', level: 'span' })).toThrow('There is already a category called “frame”.');
  });

  it('asks for the tags’ use only when the level changes, and drops shortcuts of tags that become labels', () => {
    expect(levelChange(project, 'frame', { name: 'X' })).toBeUndefined();
    expect(levelChange(project, 'frame', { level: 'document' })).toBe('document');
    const tags = [tag('f1', null, 0, 'frame', '1'), tag('f2', null, 1, 'frame')];
    const { plan } = planUpdateCategory(project, 'frame', { level: 'document' }, tags, { annotations: 0, articles: 0 });
    expect(plan.putTags).toEqual([tag('f1', null, 0, 'frame')]);
    expect(plan.categories?.find((c) => c.id === 'frame')?.level).toBe('document');
    expect(() => planUpdateCategory(project, 'frame', { level: 'document' }, tags, { annotations: 3, articles: 0 })).toThrow(/used by 3 annotations/);
    expect(() => planUpdateCategory(project, 'claim', { level: 'document' }, [], { annotations: 0, articles: 0 })).toThrow('“Claim” is built in: its tags always mark passages.');
    expect(() => planUpdateCategory(project, 'gone', { name: 'X' }, [])).toThrow('This category no longer exists.');
  });

  it('deletes a user category with its tags and their labels, never a built-in or one in use', () => {
    const tags = [tag('t1', null, 0, 'topic'), tag('t2', 't1', 0, 'topic')];
    const { plan, result } = planDeleteCategory(project, 'topic', tags, 0, [{ id: 'art', labels: ['t2', 'other'] }]);
    expect(plan.deleteTags).toEqual(['t1', 't2']);
    expect(plan.labels).toEqual([{ articleId: 'art', labels: ['other'] }]);
    expect(result).toEqual({ tags: 2, labels: 1 });
    expect(() => planDeleteCategory(project, 'topic', tags, 1, [])).toThrow(/used by 1 annotation\. Merge/);
    expect(() => planDeleteCategory(project, 'claim', [], 0, [])).toThrow('“Claim” is built in and cannot be deleted.');
  });

  it('removes an attribute’s stored values with it', () => {
    const withAttr: Project = { ...project, categories: [{ ...cat('frame'), attributes: [{ id: 'tone', name: 'Tone', type: 'text' }] }] };
    const ann = { id: 'a1', attributes: { tone: 'harsh', other: true } } as unknown as Annotation;
    const { plan, result } = planDeleteAttribute(withAttr, 'frame', 'tone', [ann]);
    expect(plan.putAnnotations?.[0]?.attributes).toEqual({ other: true });
    expect(plan.categories?.[0]?.attributes).toEqual([]);
    expect(result.values).toBe(1);
    expect(() => planDeleteAttribute(withAttr, 'frame', 'gone', [])).toThrow('This attribute no longer exists.');
  });
});

describe('adding and editing tags', () => {
  const all = [tag('a', null, 0, 'claim', '1'), tag('a1', 'a', 0), tag('t', null, 0, 'topic')];

  it('appends a tag under its parent and takes a shortcut from the tag that had it', () => {
    const { plan, result } = planAddTag(project, all, { categoryId: 'claim', name: 'Health', parentId: 'a', shortcut: '1' });
    const added = byId(plan.putTags).get(result.tagId);
    expect(added).toMatchObject({ name: 'Health', parentId: 'a', order: 1, shortcut: '1', projectId: 'p' });
    expect(added?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(result.shortcutTakenFrom).toEqual(tag('a', null, 0));
    expect(byId(plan.putTags).get('a')).toEqual(tag('a', null, 0));
  });

  it('refuses a parent of another category, a taken name and a shortcut on a document label', () => {
    expect(() => planAddTag(project, all, { categoryId: 'frame', name: 'X', parentId: 'a' })).toThrow('A sub-tag must belong to the same category as its parent.');
    expect(() => planAddTag(project, all, { categoryId: 'claim', name: 'a1', parentId: 'a' })).toThrow(CodebookError);
    expect(() => planAddTag(project, all, { categoryId: 'topic', name: 'X', shortcut: 'x' })).toThrow(/cannot have one/);
  });

  it('edits a tag and removes its shortcut with an empty key', () => {
    const { plan } = planUpdateTag(project, all, all[0] as Tag, { name: ' A  new ', shortcut: '', description: '  why  ' });
    expect(plan.putTags).toEqual([{ ...tag('a', null, 0), name: 'A new', description: 'why' }]);
  });
});

describe('moving tags', () => {
  const all = [tag('a', null, 0), tag('b', null, 1), tag('c', null, 2), tag('b1', 'b', 0, 'claim', '2'), tag('b1x', 'b1', 0)];

  it('places the tag at the index and numbers the siblings densely', () => {
    const { plan } = planMoveTag(project, all, all[2] as Tag, { index: 0 });
    expect(Object.fromEntries([...byId(plan.putTags)].map(([id, t]) => [id, t.order]))).toEqual({ c: 0, a: 1, b: 2 });
  });

  it('never moves a tag under itself or its own sub-tags', () => {
    expect(() => planMoveTag(project, all, all[1] as Tag, { parentId: 'b1x' })).toThrow('“B” cannot be placed under itself or one of its own sub-tags.');
    expect(() => planMoveTag(project, all, all[1] as Tag, { parentId: 'gone' })).toThrow('The chosen parent tag no longer exists.');
  });

  it('carries sub-tags into another category, dropping shortcuts when they become labels', () => {
    const b = all[1] as Tag;
    const scope = moveScope(project, all, b, { categoryId: 'topic' });
    expect(scope.moved.map((t) => t.id)).toEqual(['b', 'b1', 'b1x']);
    expect(scope.toLevel).toBe('document');
    const { plan } = planMoveTag(project, all, b, { categoryId: 'topic' }, { annotations: 0, articles: 0 });
    const moved = byId(plan.putTags);
    expect(moved.get('b')).toMatchObject({ categoryId: 'topic', parentId: null, order: 0 });
    expect(moved.get('b1')).toEqual({ ...tag('b1', 'b', 0), categoryId: 'topic' });
    expect(moved.get('b1x')?.categoryId).toBe('topic');
    expect(() => planMoveTag(project, all, b, { categoryId: 'topic' }, { annotations: 4, articles: 0 })).toThrow(/used by 4 annotations/);
    expect(moveScope(project, all, b, { categoryId: 'frame' }).toLevel).toBeUndefined();
  });
});

describe('merging and deleting tags', () => {
  const all = [tag('src', null, 0, 'claim', '5'), tag('dst', null, 1), tag('s1', 'src', 0), tag('s2', 'src', 1), tag('s1x', 's1', 0), tag('d1', 'dst', 3), tag('f', null, 0, 'frame')];
  const ann = (id: string) => ({ id, tagId: 'src', updatedAt: '' }) as unknown as Annotation;

  it('moves annotations, labels and sub-tags to the target, which takes the shortcut it lacked', () => {
    const { plan, result } = planMergeTags(project, all, all[0] as Tag, all[1] as Tag, [ann('x')], [{ id: 'art', labels: ['src', 'dst'] }]);
    expect(plan.putAnnotations?.map((a) => a.tagId)).toEqual(['dst']);
    expect(plan.labels).toEqual([{ articleId: 'art', labels: ['dst'] }]);
    expect(plan.deleteTags).toEqual(['src']);
    const put = byId(plan.putTags);
    expect([put.get('s1')?.parentId, put.get('s1')?.order, put.get('s2')?.order]).toEqual(['dst', 4, 5]);
    expect(put.get('dst')?.shortcut).toBe('5');
    expect(result).toEqual({ annotations: 1, labels: 1, children: 2 });
  });

  it('refuses merging into a sub-tag or across levels', () => {
    expect(() => planMergeTags(project, all, all[0] as Tag, all[4] as Tag, [], [])).toThrow('“S1X” is a sub-tag of “SRC”: move it out first, or merge the other way round.');
    const topic = tag('t', null, 0, 'topic');
    expect(() => planMergeTags(project, [...all, topic], all[0] as Tag, topic, [], [])).toThrow(/cannot be merged with one that labels whole articles/);
  });

  it('moves sub-tags up on delete, and refuses while annotations would be lost', () => {
    const usage = { annotations: 2, labels: 0, children: 2 };
    expect(() => planDeleteTag(all, all[0] as Tag, usage, {}, [], [], [])).toThrow(TagInUseError);
    const { plan } = planDeleteTag(all, all[0] as Tag, usage, { deleteAnnotations: true }, ['a1', 'a2'], ['r1'], [{ id: 'art', labels: ['src', 'k'] }]);
    expect(plan.putTags?.map((t) => [t.id, t.parentId, t.order])).toEqual([
      ['s1', null, 2],
      ['s2', null, 3],
    ]);
    expect(plan).toMatchObject({ deleteTags: ['src'], deleteAnnotations: ['a1', 'a2'], deleteRelations: ['r1'], labels: [{ articleId: 'art', labels: ['k'] }] });
  });
});
