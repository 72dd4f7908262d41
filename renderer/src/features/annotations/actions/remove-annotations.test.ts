import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../db/db.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { removeAnnotations } from './remove-annotations.ts';
import { annotation, relation } from './test-records.ts';

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(() => vi.restoreAllMocks());

async function claimWithActor() {
  const claim = annotation({ id: 'claim', tagId: 'claim' });
  const actor = annotation({ id: 'actor', tagId: 'actor' });
  const link = relation('claim', 'actor');
  await db.annotations.bulkPut([claim, actor]);
  await db.relations.put(link);
  return { claim, actor, link };
}

describe('remove-annotations', () => {
  it('deletes the annotations with their links; undo restores both', async () => {
    const { claim, actor, link } = await claimWithActor();
    await removeAnnotations([actor]);
    expect(await db.annotations.toArray()).toEqual([claim]);
    expect(await db.relations.count()).toBe(0);
    expect(undoStack.peekUndo()).toBe('Delete annotation');
    await undoStack.undo();
    expect(await db.annotations.get(actor.id)).toEqual(actor);
    expect(await db.relations.get(link.id)).toEqual(link);
    await undoStack.redo();
    expect(await db.annotations.count()).toBe(1);
    expect(await db.relations.count()).toBe(0);
  });

  it('undo is one transaction: when putting the links back fails, the annotation is not back either', async () => {
    const { actor } = await claimWithActor();
    await removeAnnotations([actor]);
    vi.spyOn(db.relations, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(undoStack.undo()).rejects.toThrow('disk full');
    expect(await db.annotations.get(actor.id)).toBeUndefined();
    expect(await db.relations.count()).toBe(0);
  });

  it('names several in its label', async () => {
    const { claim, actor } = await claimWithActor();
    await removeAnnotations([claim, actor]);
    expect(undoStack.peekUndo()).toBe('Delete 2 annotations');
    expect(await db.annotations.count()).toBe(0);
  });
});
