import type { OpenedFile, UnreadableFile } from '@shared/bridge/contract.ts';
import type { FileReport } from '@shared/import/file-report.ts';
import type { ImportProblem } from '@shared/model/types.ts';
import type { FileOutcome, HashedDraft } from './protocol.ts';
import { errorMessage } from '@shared/errors.ts';

/**
 * Drafts per storeDrafts call at most: one transaction each. Commits dominate the cost of
 * storing (the benchmark: 125 transactions of ~80 articles spent 8× the time of one bulkAdd),
 * so batches are large; storeDrafts writes them in slices so no main-thread task grows long.
 */
export const DEFAULT_BATCH_SIZE = 1000;
/** Characters of text per storeDrafts call at most (a single longer article still goes alone). */
export const DEFAULT_BATCH_CHARS = 5_000_000;

export type ImportPhase = 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

export interface ImportProgress {
  phase: ImportPhase;
  /** Files the shell handed over (readable ones). */
  filesTotal: number;
  /** Of those, how many went through the pipeline (or were refused). */
  filesRead: number;
  added: number;
  duplicates: number;
  /** Every problem so far, unreadable files included, in file order. */
  problems: ImportProblem[];
  /** Per file read so far, in file order: what was detected and what cleaning removed. */
  files: FileReport[];
  /** Why a failed import stopped (a storage error); the batches before it are kept. */
  error?: string;
}

export interface ImportDeps {
  /** Runs one file through the pipeline (in a worker in the app). */
  process(file: OpenedFile): Promise<FileOutcome>;
  /** Stores one batch in one transaction; returns how many were added and how many were duplicates. */
  store(batch: HashedDraft[]): Promise<{ added: number; duplicates: number }>;
}

export interface RunImportOptions {
  files: OpenedFile[];
  unreadable?: UnreadableFile[];
  deps: ImportDeps;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  batchSize?: number;
  batchChars?: number;
  /** Files handed to the pipeline ahead of the one being stored, so workers never wait. */
  lookahead?: number;
  /** Bytes handed ahead at most (always at least one file), to bound memory on big files. */
  lookaheadBytes?: number;
}

const MB = 1024 * 1024;

/**
 * One import: files go through the pipeline in order, drafts are stored in batches of
 * `batchSize`, one transaction each, so a batch is either wholly stored or not at all and no
 * article is ever half-written; the next batch is gathered while one is stored. Cancelling stops
 * after the batch being stored; what was committed stays. A storage error stops the import with phase 'failed' and keeps the earlier batches.
 */
export async function runImport(options: RunImportOptions): Promise<ImportProgress> {
  const { files, deps, signal } = options;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const batchChars = Math.max(1, options.batchChars ?? DEFAULT_BATCH_CHARS);
  // A batch takes ~100-200 ms to store; the workers must have enough files in hand to stay busy
  // meanwhile (the benchmark showed them idle during stores with a lookahead of 32).
  const lookahead = Math.max(1, options.lookahead ?? 512);
  const lookaheadBytes = options.lookaheadBytes ?? 64 * MB;

  const progress: ImportProgress = {
    phase: 'running',
    filesTotal: files.length,
    filesRead: 0,
    added: 0,
    duplicates: 0,
    problems: (options.unreadable ?? []).map((u) => ({ source: { file: u.name }, message: `Could not be read: ${u.error}` })),
    files: [],
  };
  const report = () => options.onProgress?.({ ...progress, problems: [...progress.problems], files: [...progress.files] });
  const cancelled = () => signal?.aborted === true;
  report();

  // Outcomes are started ahead (up to the lookahead) and consumed in file order, so the library
  // keeps the order of the files while workers parse the next ones during each store.
  const outcomes: (Promise<FileOutcome> | undefined)[] = new Array(files.length);
  let dispatched = 0;
  let bytesAhead = 0;
  const sizes = files.map((f) => f.bytes.byteLength);
  const dispatchUpTo = (consumed: number) => {
    while (dispatched < files.length && dispatched - consumed < lookahead) {
      const size = sizes[dispatched] ?? 0;
      if (dispatched > consumed && bytesAhead + size > lookaheadBytes) break;
      // Oversize files are refused by the pipeline itself, before any work: one limit, one message.
      outcomes[dispatched] = deps.process(files[dispatched] as OpenedFile);
      bytesAhead += size;
      dispatched++;
    }
  };

  let pending: HashedDraft[] = [];
  let pendingChars = 0;
  /** The next batch: up to batchSize drafts and batchChars characters, but never empty. */
  const takeBatch = (): HashedDraft[] => {
    let n = 0;
    let chars = 0;
    while (n < pending.length && n < batchSize) {
      const size = (pending[n] as HashedDraft).draft.text.length;
      if (n > 0 && chars + size > batchChars) break;
      chars += size;
      n++;
    }
    const batch = pending.slice(0, n);
    pending = pending.slice(n);
    pendingChars -= chars;
    return batch;
  };
  // One batch is stored while the files of the next are consumed (and the workers parse further
  // ahead): storing hides behind parsing. At most one store is in flight, so batches are
  // committed in file order and the drafts waiting in memory stay within about two batches.
  let storing: Promise<void> = Promise.resolve();
  let storeError: { error: unknown } | undefined;
  const startStore = (batch: HashedDraft[]) => {
    storing = deps.store(batch).then(
      (stored) => {
        progress.added += stored.added;
        progress.duplicates += stored.duplicates;
        report();
      },
      (error: unknown) => {
        storeError = { error };
      },
    );
  };
  /** Waits for the batch being stored; false when the import must stop (failed or cancelled). */
  const stored = async (): Promise<boolean> => {
    await storing;
    if (storeError) throw storeError.error;
    return !cancelled();
  };
  const flush = async (all: boolean) => {
    while (pending.length >= batchSize || pendingChars >= batchChars || (all && pending.length > 0)) {
      if (!(await stored())) return;
      startStore(takeBatch());
    }
  };

  try {
    for (let i = 0; i < files.length; i++) {
      if (cancelled()) break;
      dispatchUpTo(i);
      const outcome = await (outcomes[i] as Promise<FileOutcome>);
      outcomes[i] = undefined;
      bytesAhead -= sizes[i] ?? 0;
      progress.filesRead++;
      progress.problems.push(...outcome.problems);
      if (outcome.report) progress.files.push(outcome.report);
      for (const d of outcome.drafts) {
        pending.push(d);
        pendingChars += d.draft.text.length;
      }
      report();
      await flush(false);
    }
    if (!cancelled()) await flush(true);
    await stored();
  } catch (e) {
    progress.phase = 'failed';
    progress.error = errorMessage(e);
    report();
    return { ...progress };
  }
  progress.phase = cancelled() ? 'cancelled' : 'done';
  report();
  return { ...progress, files: [...progress.files] };
}
