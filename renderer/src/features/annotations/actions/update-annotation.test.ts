import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../db/db.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { updateAnnotation } from './update-annotation.ts';
import { setAnnotationAttribute } from './set-annotation-attribute.ts';
import { annotation } from './test-records.ts';

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('update-annotation and set-annotation-attribute', () => {
  it('patches the stored record, so two quick edits from the same stale copy both stay', async () => {
    const a = annotation();
    await db.annotations.put(a);
    const def = { id: 'stance', name: 'Stance', type: 'text' as const };
    const verifiable = { id: 'ver', name: 'Verifiable', type: 'boolean' as const };
    await Promise.all([setAnnotationAttribute(a, def, 'pro'), setAnnotationAttribute(a, verifiable, true)]);
    expect((await db.annotations.get(a.id))?.attributes).toEqual({ stance: 'pro', ver: true });
    expect(undoStack.peekUndo()).toBe('Set Verifiable');
    await undoStack.undo();
    expect((await db.annotations.get(a.id))?.attributes).toEqual({ stance: 'pro' });
    await setAnnotationAttribute(a, def, '');
    expect((await db.annotations.get(a.id))?.attributes).toEqual({});
  });

  it('undo writes the record as it was, redo as it became', async () => {
    const a = annotation();
    await db.annotations.put(a);
    const change = await updateAnnotation(a, { note: { text: 'check', doc: null } }, undefined, 'Edit note');
    expect(change?.before).toEqual(a);
    await undoStack.undo();
    expect(await db.annotations.get(a.id)).toEqual(a);
    await undoStack.redo();
    expect(await db.annotations.get(a.id)).toEqual(change?.after);
  });

  it('resolves to undefined for an annotation that is gone', async () => {
    expect(await updateAnnotation(annotation(), { tagId: 't2' })).toBeUndefined();
  });
});
