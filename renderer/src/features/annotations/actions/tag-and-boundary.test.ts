import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Category, Tag } from '@shared/model/types.ts';
import { db } from '../../../db/db.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { changeAnnotationTag } from './change-annotation-tag.ts';
import { moveAnnotationBoundary, moveBoundary } from './move-annotation-boundary.ts';
import { annotation, TEXT } from './test-records.ts';

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});

const categories = [
  { id: 'claim', name: 'Claim', color: '#000000', level: 'span', attributes: [{ id: 'stance', name: 'Stance', type: 'text' }] },
  { id: 'actor', name: 'Actor', color: '#000000', level: 'span', attributes: [] },
] as unknown as Category[]; // only the fields carryAttributes reads
const tags = [
  { id: 'c', categoryId: 'claim', name: 'Claim' },
  { id: 'a', categoryId: 'actor', name: 'Person' },
] as unknown as Tag[];

describe('change-annotation-tag', () => {
  it('drops values the new category has no place for, and undo restores them', async () => {
    const a = annotation({ tagId: 'c', attributes: { stance: 'pro' } });
    await db.annotations.put(a);
    const dropped = await changeAnnotationTag(a, tags[1] as Tag, tags, categories);
    expect(dropped.map((d) => d.name)).toEqual(['Stance']);
    expect(await db.annotations.get(a.id)).toMatchObject({ tagId: 'a', attributes: {} });
    await undoStack.undo();
    expect(await db.annotations.get(a.id)).toEqual(a);
  });
});

describe('move-annotation-boundary', () => {
  it('moves the end a word right and re-quotes; a one-word span cannot lose its word', async () => {
    const a = annotation();
    expect(moveBoundary(TEXT, a, 'start', 1)).toBeNull();
    await db.annotations.put(a);
    moveAnnotationBoundary(TEXT, a, 'end', 1);
    await expect.poll(async () => (await db.annotations.get(a.id))?.quote).toBe('mayor said');
    expect(undoStack.peekUndo()).toBe('Move boundary');
    await undoStack.undo();
    expect((await db.annotations.get(a.id))?.quote).toBe('mayor');
  });
});
