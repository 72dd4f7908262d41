import type { CodebookChange } from '../../db/codebook.ts';
import { applyCodebookSnapshot } from '../../db/codebook.ts';
import { undoStack } from '../undo/undo-stack.ts';

type Op = () => Promise<CodebookChange<unknown>>;

/**
 * Runs codebook operations, in order, as one undoable step, and returns their results. The first
 * run performs the operations; undo writes back their “before” snapshots (last first) and redo
 * their “after” snapshots, so both directions restore the exact records. If a later operation is
 * refused, the earlier ones are rolled back before the error reaches the caller (and nothing is
 * pushed onto the history).
 */
export async function performCodebookChanges(label: string, ops: Op[]): Promise<unknown[]> {
  let changes: CodebookChange<unknown>[] | undefined;
  await undoStack.perform({
    label,
    redo: async () => {
      if (changes) {
        for (const c of changes) await applyCodebookSnapshot(c.after);
        return;
      }
      const done: CodebookChange<unknown>[] = [];
      try {
        for (const op of ops) done.push(await op());
      } catch (e) {
        for (const c of [...done].reverse()) await applyCodebookSnapshot(c.before);
        throw e;
      }
      changes = done;
    },
    undo: async () => {
      for (const c of [...(changes ?? [])].reverse()) await applyCodebookSnapshot(c.before);
    },
  });
  return (changes ?? []).map((c) => c.result);
}

/** One codebook operation as one undoable step; returns the operation's result. */
export async function performCodebookChange<R>(label: string, op: () => Promise<CodebookChange<R>>): Promise<R> {
  const [result] = await performCodebookChanges(label, [op]);
  return result as R;
}
