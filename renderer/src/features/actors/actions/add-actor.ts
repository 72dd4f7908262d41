import type { Actor } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { createActor } from '../../../db/actors.ts';
import { runAction } from '../../../actions/action.ts';
import { actorAction } from './actor-change.ts';

export interface ActorFields {
  name: string;
  /** '' for not set. */
  type: string;
  aliases: string[];
}

/** Adds an actor to the registry (the registry's Add actor form). */
export const addActorAction = actorAction<Actor, Awaited<ReturnType<typeof createActor>>>({
  name: 'add-actor',
  label: (actor) => `Add ${actor.name}`,
  perform: createActor,
});

export async function addActor(projectId: string, v: ActorFields): Promise<void> {
  const actor: Actor = { id: newId(), projectId, name: v.name, aliases: v.aliases, ...(v.type ? { type: v.type } : {}), createdAt: nowIso() };
  await runAction(addActorAction, actor);
}
