import type { Actor, Annotation } from '@shared/model/types.ts';
import { nowIso } from '@shared/model/ids.ts';
import { applyActorSnapshot, linkMention, type ActorChange } from '../../../db/actors.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

export interface LinkActorArgs {
  annotationId: string;
  /** The actor to refer to; neither this nor `created`: remove the link. */
  actorId?: string;
  /** A new actor, created and linked in the same step. */
  created?: Actor;
}

/** Links a mention to an actor of the registry, a new one, or none (the detail's Refers to actor field). */
export const linkActorAction = defineAction<LinkActorArgs, ActorChange | undefined>({
  name: 'link-actor',
  label: (a) => (a.created ? 'New actor' : a.actorId ? 'Link actor' : 'Unlink actor'),
  perform: (a) => linkMention(a.annotationId, a, nowIso()),
  // Snapshots, each written in one transaction: the new actor and the link come and go together.
  undo: async (change) => {
    if (change) await applyActorSnapshot(change.before);
  },
  redo: async (change) => {
    if (change) await applyActorSnapshot(change.after);
  },
});

export async function linkActor(annotation: Annotation, target: Omit<LinkActorArgs, 'annotationId'>): Promise<void> {
  const actorId = target.created?.id ?? target.actorId;
  if (actorId === annotation.actorId) return;
  await runAction(linkActorAction, { annotationId: annotation.id, ...target });
}
