/**
 * The one shape of a user action (the Excalidraw pattern): a named change with a label for the
 * history, a `perform` that writes in ONE Dexie transaction and returns what undo needs, an
 * `undo` (one transaction) and, where running `perform` again would not restore the same
 * records, a `redo` (one transaction). `runAction` is the only way actions enter the UndoStack,
 * so every user change has one undo mechanism.
 */
import { undoStack } from '../features/undo/undo-stack.ts';
import { trackWrite } from '../app/pending-writes.ts';

export interface Action<Args, Done> {
  /** The file's name: `features/X/actions/<name>.ts`. */
  name: string;
  /** What the history shows (Undo “…”). */
  label: (args: Args) => string;
  perform: (args: Args) => Promise<Done>;
  undo: (done: Done) => Promise<void>;
  /** Restores the state `perform` produced; without it redo runs `perform` again. */
  redo?: (done: Done) => Promise<void>;
}

export function defineAction<Args, Done>(action: Action<Args, Done>): Action<Args, Done> {
  return action;
}

function entry<Args, Done>(action: Action<Args, Done>, args: Args, first: () => Promise<Done>) {
  let done: { value: Done } | undefined;
  return {
    get done() {
      return done;
    },
    entry: {
      label: action.label(args),
      redo: async () => {
        if (!done) done = { value: await first() };
        else if (action.redo) await action.redo(done.value);
        else done = { value: await action.perform(args) };
      },
      undo: async () => {
        if (done) await action.undo(done.value);
      },
    },
  };
}

/** Performs an action as one undoable step; resolves to what `perform` returned. */
export async function runAction<Args, Done>(action: Action<Args, Done>, args: Args): Promise<Done> {
  const e = entry(action, args, () => action.perform(args));
  await undoStack.perform(e.entry);
  // perform resolved, so `done` is set.
  return (e.done as { value: Done }).value;
}

/**
 * Like runAction, but `perform` starts now, in the caller's task, not when the history's queue
 * gets to it: a reload right after the key press must not lose a change the user saw.
 */
export async function runActionNow<Args, Done>(action: Action<Args, Done>, args: Args): Promise<Done> {
  const started = trackWrite(action.perform(args));
  const e = entry(action, args, () => started);
  await undoStack.record(e.entry, e.entry.redo());
  return (e.done as { value: Done }).value;
}
