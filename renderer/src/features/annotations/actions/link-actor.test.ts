import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@shared/model/types.ts';
import { db } from '../../../db/db.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { linkActor } from './link-actor.ts';
import { annotation } from './test-records.ts';

const stepanov: Actor = { id: 'stepanov', projectId: 'p', name: 'V. Stepanov', aliases: [], createdAt: '2026-01-01T00:00:00.000Z' };

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(() => vi.restoreAllMocks());

describe('link-actor', () => {
  it('creates the actor and links the mention as one step; undo removes both, redo brings both back', async () => {
    const mention = annotation();
    await db.annotations.put(mention);
    await linkActor(mention, { created: stepanov });
    expect((await db.annotations.get(mention.id))?.actorId).toBe('stepanov');
    expect(await db.actors.get('stepanov')).toEqual(stepanov);
    expect(undoStack.peekUndo()).toBe('New actor');
    await undoStack.undo();
    expect(await db.annotations.get(mention.id)).toEqual(mention);
    expect(await db.actors.count()).toBe(0);
    await undoStack.redo();
    expect((await db.annotations.get(mention.id))?.actorId).toBe('stepanov');
    expect(await db.actors.count()).toBe(1);
  });

  it('unlinks, and does nothing when the link is already there', async () => {
    const mention = annotation({ actorId: 'stepanov' });
    await db.annotations.put(mention);
    await linkActor(mention, { actorId: 'stepanov' });
    expect(undoStack.canUndo).toBe(false);
    await linkActor(mention, {});
    expect((await db.annotations.get(mention.id))?.actorId).toBeUndefined();
    expect(undoStack.peekUndo()).toBe('Unlink actor');
  });

  it('is one transaction: when writing the link fails, the new actor is not left behind', async () => {
    const mention = annotation();
    await db.annotations.put(mention);
    vi.spyOn(db.annotations, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(linkActor(mention, { created: stepanov })).rejects.toThrow('disk full');
    expect(await db.actors.count()).toBe(0);
    expect(await db.annotations.get(mention.id)).toEqual(mention);
  });

  it('redo is one transaction too', async () => {
    const mention = annotation();
    await db.annotations.put(mention);
    await linkActor(mention, { created: stepanov });
    await undoStack.undo();
    vi.spyOn(db.annotations, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(undoStack.redo()).rejects.toThrow('disk full');
    expect(await db.actors.count()).toBe(0);
  });
});
