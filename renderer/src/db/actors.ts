import type { Actor, Annotation, Relation } from '@shared/model/types.ts';
import { db } from './db.ts';

export function listActors(projectId: string): Promise<Actor[]> {
  return db.actors.where('projectId').equals(projectId).sortBy('name');
}

export async function putActors(list: Actor[]): Promise<void> {
  await db.actors.bulkPut(list);
}

export async function deleteActors(ids: string[]): Promise<void> {
  await db.actors.bulkDelete(ids);
}

/** How many annotations of the project refer to each actor (actors with none are absent). */
export async function actorMentionCounts(projectId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.annotations
    .where('projectId')
    .equals(projectId)
    .each((a) => {
      if (a.actorId) counts.set(a.actorId, (counts.get(a.actorId) ?? 0) + 1);
    });
  return counts;
}

/**
 * How many claims of the project each actor makes: claims whose `claimant` link points at a
 * mention that refers to the actor (actors with none are absent).
 */
export async function actorClaimCounts(projectId: string): Promise<Map<string, number>> {
  const actorOf = new Map<string, string>();
  await db.annotations
    .where('projectId')
    .equals(projectId)
    .each((a) => {
      if (a.actorId) actorOf.set(a.id, a.actorId);
    });
  const counts = new Map<string, number>();
  await db.relations
    .where('projectId')
    .equals(projectId)
    .each((r) => {
      // A claimant without a span names its actor on the relation (statement roles).
      const actor = r.type === 'claimant' ? (r.toId === '' ? r.toActorId : actorOf.get(r.toId)) : undefined;
      if (actor) counts.set(actor, (counts.get(actor) ?? 0) + 1);
    });
  return counts;
}

/** Records as they were and as they became: undo writes `before` back, redo `after`. */
export interface ActorSnapshot {
  actors: Actor[];
  /** Actors that do not exist in this state (deleted, or not yet created). */
  absentActors: string[];
  annotations: Annotation[];
  /** Statement roles without a span that name an actor (relations with `toActorId`). */
  relations?: Relation[];
  /** Such relations that do not exist in this state. */
  absentRelations?: string[];
}

export interface ActorChange {
  before: ActorSnapshot;
  after: ActorSnapshot;
}

export async function applyActorSnapshot(s: ActorSnapshot): Promise<void> {
  await db.transaction('rw', db.actors, db.annotations, db.relations, async () => {
    if (s.absentActors.length > 0) await db.actors.bulkDelete(s.absentActors);
    if (s.actors.length > 0) await db.actors.bulkPut(s.actors);
    if (s.annotations.length > 0) await db.annotations.bulkPut(s.annotations);
    if (s.absentRelations?.length) await db.relations.bulkDelete(s.absentRelations);
    if (s.relations?.length) await db.relations.bulkPut(s.relations);
  });
}

export async function createActor(actor: Actor): Promise<ActorChange> {
  await db.actors.add(actor);
  return { before: { actors: [], absentActors: [actor.id], annotations: [] }, after: { actors: [actor], absentActors: [], annotations: [] } };
}

/** Renames an actor or changes its kind or aliases. */
export async function editActor(id: string, patch: Partial<Pick<Actor, 'name' | 'type' | 'aliases'>>): Promise<ActorChange> {
  return db.transaction('rw', db.actors, async () => {
    const before = await db.actors.get(id);
    if (!before) throw new Error('This actor no longer exists.');
    const after: Actor = { ...before, ...patch };
    if (patch.type === undefined && 'type' in patch) delete after.type;
    await db.actors.put(after);
    return { before: { actors: [before], absentActors: [], annotations: [] }, after: { actors: [after], absentActors: [], annotations: [] } };
  });
}

/**
 * Merges `fromId` into `intoId`: its mentions refer to `intoId` afterwards, its name and aliases
 * become aliases of `intoId`, and it is deleted.
 */
export async function mergeActors(fromId: string, intoId: string): Promise<ActorChange & { mentions: number }> {
  if (fromId === intoId) throw new Error('An actor cannot be merged into itself.');
  return db.transaction('rw', db.actors, db.annotations, db.relations, async () => {
    const [from, into] = await db.actors.bulkGet([fromId, intoId]);
    if (!from || !into) throw new Error('One of the two actors no longer exists.');
    const mentions = await db.annotations.where('projectId').equals(from.projectId).filter((a) => a.actorId === fromId).toArray();
    const moved = mentions.map((a) => ({ ...a, actorId: intoId }));
    const names = new Set([into.name, ...into.aliases].map((n) => n.toLowerCase()));
    const aliases = [...into.aliases];
    for (const n of [from.name, ...from.aliases]) {
      if (!names.has(n.toLowerCase())) {
        names.add(n.toLowerCase());
        aliases.push(n);
      }
    }
    const merged: Actor = { ...into, aliases };
    const roles = await spanlessRoles(from.projectId, fromId);
    const movedRoles = roles.map((r) => ({ ...r, toActorId: intoId }));
    await db.annotations.bulkPut(moved);
    await db.relations.bulkPut(movedRoles);
    await db.actors.put(merged);
    await db.actors.delete(fromId);
    return {
      before: { actors: [from, into], absentActors: [], annotations: mentions, relations: roles },
      after: { actors: [merged], absentActors: [fromId], annotations: moved, relations: movedRoles },
      mentions: mentions.length,
    };
  });
}

/** Relations naming the actor without a span (a claimant, addressee, object or source role). */
function spanlessRoles(projectId: string, actorId: string): Promise<Relation[]> {
  return db.relations.where('projectId').equals(projectId).filter((r) => r.toId === '' && r.toActorId === actorId).toArray();
}

/** Deletes an actor; its mentions stay, no longer referring to it; roles naming it without a span go. */
export async function removeActor(id: string): Promise<ActorChange & { mentions: number }> {
  return db.transaction('rw', db.actors, db.annotations, db.relations, async () => {
    const actor = await db.actors.get(id);
    if (!actor) throw new Error('This actor no longer exists.');
    const mentions = await db.annotations.where('projectId').equals(actor.projectId).filter((a) => a.actorId === id).toArray();
    const unlinked = mentions.map((a) => {
      const copy = { ...a };
      delete copy.actorId;
      return copy;
    });
    const roles = await spanlessRoles(actor.projectId, id);
    await db.annotations.bulkPut(unlinked);
    await db.relations.bulkDelete(roles.map((r) => r.id));
    await db.actors.delete(id);
    return {
      before: { actors: [actor], absentActors: [], annotations: mentions, relations: roles },
      after: { actors: [], absentActors: [id], annotations: unlinked, absentRelations: roles.map((r) => r.id) },
      mentions: mentions.length,
    };
  });
}

/**
 * Links a mention to an actor (creating `created` first, if given), or unlinks it (no actor), in
 * one transaction; undefined when the annotation is gone.
 */
export async function linkMention(annotationId: string, target: { actorId?: string; created?: Actor }, updatedAt: string): Promise<ActorChange | undefined> {
  return db.transaction('rw', db.actors, db.annotations, db.relations, async () => {
    const before = await db.annotations.get(annotationId);
    if (!before) return undefined;
    const actorId = target.created?.id ?? target.actorId;
    const { actorId: _old, ...rest } = before;
    const after: Annotation = actorId ? { ...rest, actorId, updatedAt } : { ...rest, updatedAt };
    const change: ActorChange = {
      before: { actors: [], absentActors: target.created ? [target.created.id] : [], annotations: [before] },
      after: { actors: target.created ? [target.created] : [], absentActors: [], annotations: [after] },
    };
    await applyActorSnapshot(change.after);
    return change;
  });
}
