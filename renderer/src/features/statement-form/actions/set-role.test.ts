import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Relation } from '@shared/model/types.ts';
import { db } from '../../../db/db.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { setRole } from './set-role.ts';
import { removeRole } from './remove-role.ts';
import { setObjectPosition } from './set-object-position.ts';

const claim = { id: 'c1', projectId: 'p', articleId: 'a', tagId: 't', start: 0, end: 5, quote: 'hello', prefix: '', suffix: '', attributes: {}, coder: 'me', createdAt: 'T', updatedAt: 'T' } as Annotation;
const relations = () => db.relations.toArray();

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.annotations.put(claim);
});

describe('statement role actions', () => {
  it('a claimant replaces the claimant, and undo brings the old one back, one entry each', async () => {
    await setRole({ claim, type: 'claimant', target: { mentionId: 'm1' }, relations: [], coder: 'me' });
    const first = await relations();
    expect(first.map((r) => [r.type, r.toId])).toEqual([['claimant', 'm1']]);
    await setRole({ claim, type: 'claimant', target: { actorId: 'unknown' }, relations: first, coder: 'me' });
    expect((await relations()).map((r) => [r.toId, r.toActorId])).toEqual([['', 'unknown']]);
    await undoStack.undo();
    expect((await relations()).map((r) => r.toId)).toEqual(['m1']);
    expect(await setRole({ claim, type: 'claimant', target: { mentionId: 'm1' }, relations: first, coder: 'me' })).toBe(false);
  });

  it('a new mention from the selection and its role are one undo step', async () => {
    const mention = { ...claim, id: 'm9', tagId: 'actor-tag', quote: 'hell' } as Annotation;
    await setRole({ claim, type: 'addressee', target: { mentionId: 'x' }, relations: [], coder: 'me', mention });
    expect((await relations()).map((r) => [r.type, r.toId])).toEqual([['addressee', 'm9']]);
    expect(await db.annotations.get('m9')).toBeDefined();
    expect(undoStack.peekUndo()).toBe('New mention as addressee');
    await undoStack.undo();
    expect(await relations()).toEqual([]);
    expect(await db.annotations.get('m9')).toBeUndefined();
    await undoStack.redo();
    expect(await db.annotations.get('m9')).toBeDefined();
  });

  it('an object’s position is set and cleared, and a role removed, each undoable', async () => {
    await setRole({ claim, type: 'about', target: { actorId: 'act' }, relations: [], coder: 'me' });
    const [about] = await relations();
    await setObjectPosition(about as Relation, -1);
    expect((await relations())[0]?.position).toBe(-1);
    await undoStack.undo();
    expect((await relations())[0]?.position).toBeUndefined();
    await removeRole(about as Relation);
    expect(await relations()).toEqual([]);
    await undoStack.undo();
    expect((await relations()).map((r) => r.toActorId)).toEqual(['act']);
  });
});
