import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../db/db.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { addLink } from './add-link.ts';
import { removeLink } from './remove-link.ts';
import { relation } from './test-records.ts';

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('add-link and remove-link', () => {
  it('add stores the link, undo removes it; remove deletes it, undo puts it back', async () => {
    const link = relation('claim', 'actor');
    await addLink(link);
    expect(await db.relations.get(link.id)).toEqual(link);
    expect(undoStack.peekUndo()).toBe('Add link');
    await undoStack.undo();
    expect(await db.relations.count()).toBe(0);
    await undoStack.redo();
    await removeLink(link);
    expect(await db.relations.count()).toBe(0);
    expect(undoStack.peekUndo()).toBe('Remove link');
    await undoStack.undo();
    expect(await db.relations.get(link.id)).toEqual(link);
  });
});
