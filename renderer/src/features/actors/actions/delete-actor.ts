import type { Actor } from '@shared/model/types.ts';
import { removeActor } from '../../../db/actors.ts';
import { runAction } from '../../../actions/action.ts';
import { actorAction } from './actor-change.ts';

/** Deletes an actor; its mentions stay, no longer referring to it (the registry's Delete). */
export const deleteActorAction = actorAction<Actor, Awaited<ReturnType<typeof removeActor>>>({
  name: 'delete-actor',
  label: (actor) => `Delete ${actor.name}`,
  perform: (actor) => removeActor(actor.id),
});

export async function deleteActor(actor: Actor): Promise<void> {
  await runAction(deleteActorAction, actor);
}
