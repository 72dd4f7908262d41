import type { Actor } from '@shared/model/types.ts';
import { editActor as edit } from '../../../db/actors.ts';
import { runAction } from '../../../actions/action.ts';
import { actorAction } from './actor-change.ts';
import type { ActorFields } from './add-actor.ts';

/** Renames an actor or changes its kind or aliases (the registry's Edit form). */
export const editActorAction = actorAction<{ actor: Actor; fields: ActorFields }, Awaited<ReturnType<typeof edit>>>({
  name: 'edit-actor',
  label: ({ actor, fields }) => (fields.name !== actor.name ? `Rename ${actor.name} to ${fields.name}` : `Edit ${actor.name}`),
  perform: ({ actor, fields }) => edit(actor.id, { name: fields.name, type: fields.type || undefined, aliases: fields.aliases }),
});

export async function editActor(actor: Actor, fields: ActorFields): Promise<void> {
  await runAction(editActorAction, { actor, fields });
}
