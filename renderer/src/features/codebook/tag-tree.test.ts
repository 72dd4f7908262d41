import { describe, expect, it } from 'vitest';
import type { Tag } from '@shared/model/types.ts';
import { subtreeIds, tagRows } from './tag-tree.ts';

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
