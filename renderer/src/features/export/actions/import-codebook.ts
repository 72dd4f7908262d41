import type { Id } from '@shared/model/types.ts';
import type { DatasetMergePlan } from '@shared/dataset/merge.ts';
import { applyMerge, revertMerge } from '../../../db/dataset-import.ts';
import { defineAction, runAction } from '../../../actions/action.ts';
import type { MergeArgs } from './merge-dataset.ts';

/** Adds the codes of a .qdc codebook that the project lacks (the Import codebook dialog's Import button). */
export const importCodebookAction = defineAction<MergeArgs, MergeArgs>({
  name: 'import-codebook',
  label: () => 'import codebook',
  perform: async (args) => {
    await applyMerge(args.projectId, args.plan);
    return args;
  },
  undo: ({ projectId, plan }) => revertMerge(projectId, plan),
});

export async function importCodebook(projectId: Id, plan: DatasetMergePlan): Promise<void> {
  await runAction(importCodebookAction, { projectId, plan });
}
