import type { Dataset } from '@shared/dataset/dataset.ts';
import { restoreDataset as restore, type RestoreResult } from '../../../db/dataset-import.ts';

export type { RestoreResult };

/**
 * Restores a dataset as a new project (the Restore from dataset button), all or nothing in one
 * transaction. Not on the undo history: the history belongs to the open project, and the new
 * project is deleted like any other.
 */
export function restoreDataset(dataset: Dataset, onProgress?: (written: number, total: number) => void): Promise<RestoreResult> {
  return restore(dataset, onProgress);
}
