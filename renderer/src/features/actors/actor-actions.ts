import { applyActorSnapshot, type ActorChange } from '../../db/actors.ts';
import { undoStack } from '../undo/undo-stack.ts';

/** One registry operation as one undoable step: undo writes back the records as they were, redo as they became. */
export async function performActorChange<C extends ActorChange>(label: string, op: () => Promise<C>): Promise<C> {
  let change: C | undefined;
  await undoStack.perform({
    label,
    redo: async () => {
      if (change) await applyActorSnapshot(change.after);
      else change = await op();
    },
    undo: async () => {
      if (change) await applyActorSnapshot(change.before);
    },
  });
  return change as C;
}
