/**
 * The reads behind the preview step of the merge and .qdc dialogs: what applying a file would
 * add, computed from the store, nothing written (the dialogs' actions write it: actions/).
 */
export { mergeIsEmpty, planCodebookImport, planMerge } from '../../db/dataset-import.ts';
