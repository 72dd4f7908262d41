/**
 * What every codebook action shares: its operations (renderer/src/db/codebook.ts) run in one
 * transaction and return before/after snapshots of the records they touched; undo writes the
 * “before” snapshots back (last first), redo the “after” ones, each direction one transaction,
 * so both restore the exact records instead of re-deriving them.
 */
import { applyCodebookSnapshots, runCodebookOperations, type CodebookChange } from '../../../db/codebook.ts';
import { defineAction, type Action } from '../../../actions/action.ts';

export type CodebookOp = () => Promise<CodebookChange<unknown>>;

/** The changes the operations made, in order; `results` are what each operation reported. */
export interface CodebookDone {
  changes: CodebookChange<unknown>[];
  results: unknown[];
}

export function codebookAction<Args>(spec: { name: string; label: (args: Args) => string; ops: (args: Args) => CodebookOp[] }): Action<Args, CodebookDone> {
  return defineAction<Args, CodebookDone>({
    name: spec.name,
    label: spec.label,
    perform: async (args) => {
      const changes = await runCodebookOperations(spec.ops(args));
      return { changes, results: changes.map((c) => c.result) };
    },
    undo: ({ changes }) => applyCodebookSnapshots(changes.map((c) => c.before).reverse()),
    redo: ({ changes }) => applyCodebookSnapshots(changes.map((c) => c.after)),
  });
}

/** An action of one operation, with that operation's result typed. */
export function singleCodebookAction<Args, R>(spec: { name: string; label: (args: Args) => string; op: (args: Args) => Promise<CodebookChange<R>> }): Action<Args, CodebookDone> & { resultOf: (done: CodebookDone) => R } {
  return {
    ...codebookAction<Args>({ name: spec.name, label: spec.label, ops: (args) => [() => spec.op(args)] }),
    // The one operation's result, as that operation typed it.
    resultOf: (done) => done.results[0] as R,
  };
}
