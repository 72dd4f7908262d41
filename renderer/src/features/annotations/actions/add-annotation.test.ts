import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../db/db.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { addAnnotation, prepareAnnotation } from './add-annotation.ts';
import { TEXT } from './test-records.ts';

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('add-annotation', () => {
  it('stores the annotation with its quote; undo removes it, redo puts it back', async () => {
    const a = prepareAnnotation({ projectId: 'p', articleId: 'a', text: TEXT, start: 4, end: 9, tagId: 't1', coder: 'me' });
    await addAnnotation(a);
    expect((await db.annotations.get(a.id))?.quote).toBe('mayor');
    expect(undoStack.peekUndo()).toBe('Add annotation');
    await undoStack.undo();
    expect(await db.annotations.get(a.id)).toBeUndefined();
    await undoStack.redo();
    expect(await db.annotations.get(a.id)).toEqual(a);
  });

  it('has started writing before the history takes it (a reload right after keeps it)', async () => {
    const a = prepareAnnotation({ projectId: 'p', articleId: 'a', text: TEXT, start: 4, end: 9, tagId: 't1', coder: 'me' });
    // The history is busy with a slow change; the new annotation must not wait behind it.
    let release = () => {};
    const slow = undoStack.perform({ label: 'slow', redo: () => new Promise<void>((r) => (release = r)), undo: async () => {} });
    const adding = addAnnotation(a);
    await expect.poll(() => db.annotations.get(a.id)).toEqual(a);
    release();
    await Promise.all([slow, adding]);
    expect(undoStack.peekUndo()).toBe('Add annotation');
  });
});
