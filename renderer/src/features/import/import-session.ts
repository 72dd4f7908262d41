import { useSyncExternalStore } from 'react';
import type { OpenResult } from '@shared/bridge/contract.ts';
import { storeDrafts } from '../../db/articles.ts';
import { indexArticles } from '../../db/search-index.ts';
import { bridge } from '../../platform/bridge.ts';
import { runImport, type ImportDeps, type ImportProgress } from './run-import.ts';
import { indexDocs } from './index-docs.ts';
import { createWorkerPool, defaultPoolSize, startImportWorker } from './worker-pool.ts';
import { errorMessage } from '@shared/errors.ts';

/** The one import the app runs at a time, shared by the topbar, the library, menus and drops. */
export interface ImportSession {
  projectId: string;
  progress: ImportProgress;
  /** The shell is still reading the chosen files (before the pipeline starts). */
  reading: boolean;
}

let current: ImportSession | null = null;
let controller: AbortController | null = null;
/** Set from the moment a picker opens, so that a drop meanwhile cannot start a second import. */
let busy = false;
const listeners = new Set<() => void>();

function set(next: ImportSession | null) {
  current = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useImportSession(): ImportSession | null {
  return useSyncExternalStore(subscribe, () => current);
}

export function isImporting(): boolean {
  return current !== null && (current.reading || current.progress.phase === 'running' || current.progress.phase === 'cancelling');
}

const EMPTY: ImportProgress = { phase: 'running', filesTotal: 0, filesRead: 0, added: 0, duplicates: 0, problems: [], files: [] };

export type ImportSource = 'files' | 'folder' | (() => Promise<OpenResult>);

/**
 * Asks the shell for files (a picker, a folder, or a drop already in hand) and imports them into
 * the project. Does nothing while another import runs; a cancelled picker leaves no trace.
 */
export async function startImport(projectId: string, source: ImportSource): Promise<void> {
  if (busy || isImporting()) return;
  busy = true;
  try {
    await pickAndImport(projectId, source);
  } finally {
    busy = false;
  }
}

async function pickAndImport(projectId: string, source: ImportSource): Promise<void> {
  const open = source === 'files' ? () => bridge.openFiles() : source === 'folder' ? () => bridge.openFolder() : source;
  let opened: OpenResult;
  // A drop is already being read: say so if it takes a moment. A picker may still be open, and
  // the shell reads its files only after it closes, so it gets no such notice.
  const readingTimer = typeof source === 'function' ? setTimeout(() => set({ projectId, progress: EMPTY, reading: true }), 150) : undefined;
  try {
    opened = await open();
  } catch (e) {
    opened = { files: [], unreadable: [{ name: 'selection', error: errorMessage(e) }] };
  } finally {
    clearTimeout(readingTimer);
  }
  if (opened.files.length === 0 && opened.unreadable.length === 0) {
    if (current?.reading) set(null);
    return;
  }
  await importOpened(projectId, opened);
}

let frameRequested = false;
let latest: ImportSession | null = null;

/**
 * Progress arrives per file — thousands of times in a big import. The dialog shows at most one
 * state per frame; the final state is shown at once.
 */
function showProgress(session: ImportSession) {
  const final = session.progress.phase !== 'running' && session.progress.phase !== 'cancelling';
  // A final state clears what a pending frame would show, so the dialog never steps back.
  latest = final ? null : session;
  if (final) {
    set(session);
    return;
  }
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    if (latest) set(latest);
    latest = null;
  });
}

/** The app's import plumbing for one run: a worker pool sized for it, and storeDrafts. */
export function appImportDeps(projectId: string, fileCount: number, options: { index?: boolean } = {}): { deps: ImportDeps; dispose: () => void; indexed: () => Promise<void> } {
  const index = options.index !== false;
  // Each stored batch is indexed behind the import, one batch at a time: the next batch is stored
  // (IndexedDB work) while this one is indexed (main-thread work). An indexing failure leaves the
  // index incomplete, which the next search notices and repairs by a rebuild.
  let indexing: Promise<void> = Promise.resolve();
  const pool = createWorkerPool(Math.min(defaultPoolSize(), Math.max(1, fileCount)), startImportWorker, { index });
  return {
    deps: {
      process: (file) => pool.run(file),
      store: async (batch) => {
        const { added, duplicates } = await storeDrafts(projectId, batch);
        if (index) {
          const docs = indexDocs(batch, added);
          indexing = indexing.then(() => indexArticles(projectId, docs)).catch((e: unknown) => console.warn('search index: a batch was not indexed', e));
        }
        return { added: added.length, duplicates: duplicates.length };
      },
    },
    dispose: () => pool.terminate(),
    indexed: () => indexing,
  };
}

/** Imports files the shell has already read. */
export async function importOpened(projectId: string, opened: OpenResult): Promise<ImportProgress> {
  const abort = new AbortController();
  controller = abort;
  const { deps, dispose, indexed } = appImportDeps(projectId, opened.files.length);
  let settle = () => {};
  indexingSettled = new Promise<void>((resolve) => (settle = resolve));
  try {
    return await runImport({
      files: opened.files,
      unreadable: opened.unreadable,
      signal: abort.signal,
      deps,
      onProgress: (progress) => {
        const phase = abort.signal.aborted && progress.phase === 'running' ? 'cancelling' : progress.phase;
        showProgress({ projectId, progress: { ...progress, phase }, reading: false });
      },
    });
  } finally {
    dispose();
    if (controller === abort) controller = null;
    void indexed().then(settle);
  }
}

let indexingSettled: Promise<void> = Promise.resolve();

/** Resolves when the last import's batches are all in the search index (they are indexed behind the import). */
export function searchIndexSettled(): Promise<void> {
  return indexingSettled;
}

/** Stops after the batch being stored; what was committed stays. */
export function cancelImport(): void {
  if (!controller || !current) return;
  controller.abort();
  set({ ...current, progress: { ...current.progress, phase: 'cancelling' } });
}

/** Closes the finished import's report. */
export function dismissImport(): void {
  if (!isImporting()) set(null);
}
