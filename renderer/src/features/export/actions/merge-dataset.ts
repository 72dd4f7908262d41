import type { Id } from '@shared/model/types.ts';
import type { DatasetMergePlan } from '@shared/dataset/merge.ts';
import { applyMerge, revertMerge } from '../../../db/dataset-import.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

export interface MergeArgs {
  projectId: Id;
  /** What the preview showed (planMerge): exactly this is written, and undo removes exactly this. */
  plan: DatasetMergePlan;
}

/** Adds another coder's dataset to the project (the Merge coded dataset dialog's Merge button). */
export const mergeDatasetAction = defineAction<MergeArgs, MergeArgs>({
  name: 'merge-dataset',
  label: () => 'merge dataset',
  perform: async (args) => {
    await applyMerge(args.projectId, args.plan);
    return args;
  },
  undo: ({ projectId, plan }) => revertMerge(projectId, plan),
});

export async function mergeDataset(projectId: Id, plan: DatasetMergePlan): Promise<void> {
  await runAction(mergeDatasetAction, { projectId, plan });
}
