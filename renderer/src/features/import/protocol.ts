import type { FileReport } from '@shared/import/file-report.ts';
import type { IndexFields } from '@shared/search/analyse.ts';
import type { Draft, ImportProblem } from '@shared/model/types.ts';

/** A draft with the hash that duplicate detection compares, computed in the worker. */
export interface HashedDraft {
  draft: Draft;
  contentHash: string;
  /** Index terms of the title and text and their word pairs (shared/search/analyse.ts), computed here so the main thread only inserts them. */
  terms?: IndexFields;
}

/** Main thread → import worker: one file to run through the pipeline. */
export interface ImportRequest {
  id: number;
  name: string;
  /** Transferred, not copied: the main thread gives the bytes up. */
  buffer: ArrayBuffer;
  /** Compute the search index terms too (false only in the benchmark's comparison run). */
  index?: boolean;
}

/** Import worker → main thread: everything one file produced. */
export interface ImportResponse {
  id: number;
  drafts: HashedDraft[];
  problems: ImportProblem[];
  /** What the pipeline detected and removed (absent when the file could not go through it). */
  report?: FileReport;
}

/** What one file produced, in the shape the controller consumes. */
export type FileOutcome = Omit<ImportResponse, 'id'>;
