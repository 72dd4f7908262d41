/**
 * What the registry's actions share: each operation (renderer/src/db/actors.ts) runs in one
 * transaction and returns the records it touched as they were and as they became; undo writes
 * `before` back, redo `after`, each in one transaction.
 */
import { applyActorSnapshot, type ActorChange } from '../../../db/actors.ts';
import { defineAction, type Action } from '../../../actions/action.ts';

export function actorAction<Args, C extends ActorChange>(spec: { name: string; label: (args: Args) => string; perform: (args: Args) => Promise<C> }): Action<Args, C> {
  return defineAction<Args, C>({
    ...spec,
    undo: (change) => applyActorSnapshot(change.before),
    redo: (change) => applyActorSnapshot(change.after),
  });
}
