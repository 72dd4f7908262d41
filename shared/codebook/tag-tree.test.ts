import { describe, expect, it } from 'vitest';
import type { Tag } from '../model/types.ts';
import { childrenInOrder, nextOrder, relabel, subtree, subtreeIds, tagRows, takeShortcut, withoutShortcut } from './tag-tree.ts';

function tag(id: string, parentId: string | null, order: number, categoryId = 'claim'): Tag {
  return { id, projectId: 'p', categoryId, name: id.toUpperCase(), parentId, color: '#000000', description: '', order, createdAt: '' };
}

describe('tagRows', () => {
  it('lists a category depth first in sibling order, with depth and path', () => {
    const tags = [tag('b', null, 1), tag('a', null, 0), tag('a2', 'a', 1), tag('a1', 'a', 0), tag('a1x', 'a1', 0), tag('other', null, 0, 'actor')];
    const rows = tagRows(tags, 'claim');
    expect(rows.map((r) => [r.tag.id, r.depth])).toEqual([
      ['a', 0],
      ['a1', 1],
      ['a1x', 2],
      ['a2', 1],
      ['b', 0],
    ]);
    expect(rows[2]?.path).toEqual(['A', 'A1']);
    expect(rows[0]?.hasChildren).toBe(true);
    expect(rows[4]?.hasChildren).toBe(false);
  });

  it('never hides a tag: orphans and cycles end up at the top level', () => {
    const tags = [tag('orphan', 'gone', 0), tag('x', 'y', 1), tag('y', 'x', 2), tag('foreign', 'other', 3), tag('other', null, 0, 'actor')];
    expect(tagRows(tags, 'claim').map((r) => r.tag.id).sort()).toEqual(['foreign', 'orphan', 'x', 'y']);
  });
});

describe('subtreeIds', () => {
  it('collects a tag and all its descendants only', () => {
    const tags = [tag('a', null, 0), tag('a1', 'a', 0), tag('a1x', 'a1', 0), tag('b', null, 1), tag('b1', 'b', 0)];
    expect([...subtreeIds(tags, 'a')].sort()).toEqual(['a', 'a1', 'a1x']);
  });
});

describe('subtree, ordering and shortcuts', () => {
  it('lists a tag then its descendants, and survives a cycle in stored data', () => {
    const tags = [tag('a', null, 0), tag('a1', 'a', 0), tag('a2', 'a', 1), tag('a1x', 'a1', 0), tag('b', null, 1)];
    expect(subtree(tags, 'a').map((t) => t.id)).toEqual(['a', 'a1', 'a2', 'a1x']);
    expect(subtree([tag('x', 'y', 0), tag('y', 'x', 0)], 'x').map((t) => t.id)).toEqual(['x', 'y']);
  });

  it('appends after the last sibling of the same parent and category', () => {
    const tags = [tag('a', null, 0), tag('b', null, 4), tag('a1', 'a', 7), tag('c', null, 9, 'actor')];
    expect(nextOrder(tags, 'claim', null)).toBe(5);
    expect(nextOrder(tags, 'claim', 'a')).toBe(8);
    expect(nextOrder(tags, 'claim', 'b')).toBe(0);
    expect(nextOrder(tags, 'claim', null, 'b')).toBe(1);
    expect(childrenInOrder([tag('a2', 'a', 2), tag('a1', 'a', 1), tag('b', null, 0)], 'a').map((t) => t.id)).toEqual(['a1', 'a2']);
  });

  it('takes a shortcut from the tag that holds it', () => {
    const tags = [{ ...tag('a', null, 0), shortcut: '1' }, tag('b', null, 1)];
    expect(takeShortcut(tags, '1', 'b')).toEqual(tag('a', null, 0));
    expect(takeShortcut(tags, '1', 'a')).toBeUndefined();
    expect(takeShortcut(tags, '2', 'b')).toBeUndefined();
    expect(takeShortcut(tags, undefined, 'b')).toBeUndefined();
    expect('shortcut' in withoutShortcut(tags[0] as Tag)).toBe(false);
  });

  it('relabels an article without duplicating a label', () => {
    expect(relabel(['x', 'src', 'dst'], 'src', 'dst')).toEqual(['x', 'dst']);
    expect(relabel(['src', 'y'], 'src', 'dst')).toEqual(['dst', 'y']);
  });
});
