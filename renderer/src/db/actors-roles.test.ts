import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor, Relation } from '@shared/model/types.ts';
import { db } from './db.ts';
import { actorClaimCounts, applyActorSnapshot, mergeActors, removeActor } from './actors.ts';

const actor = (id: string, name: string): Actor => ({ id, projectId: 'p', name, aliases: [], createdAt: 'T' });
const role: Relation = { id: 'r1', projectId: 'p', articleId: 'a', type: 'claimant', fromId: 'c1', toId: '', toActorId: 'ed', coder: 'me', createdAt: 'T' };

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.actors.bulkPut([actor('ed', 'Editorial board'), actor('eds', 'The editors')]);
  await db.relations.put(role);
});

describe('actors and statement roles without a span', () => {
  it('a claimant without a span counts as the actor’s claim', async () => {
    expect(await actorClaimCounts('p')).toEqual(new Map([['ed', 1]]));
  });

  it('merging moves the roles to the surviving actor; undo moves them back', async () => {
    const change = await mergeActors('ed', 'eds');
    expect((await db.relations.get('r1'))?.toActorId).toBe('eds');
    await applyActorSnapshot(change.before);
    expect((await db.relations.get('r1'))?.toActorId).toBe('ed');
  });

  it('deleting an actor deletes the roles naming it; undo restores them', async () => {
    const change = await removeActor('ed');
    expect(await db.relations.get('r1')).toBeUndefined();
    await applyActorSnapshot(change.before);
    expect(await db.relations.get('r1')).toEqual(role);
    await applyActorSnapshot(change.after);
    expect(await db.relations.get('r1')).toBeUndefined();
  });
});
