// The import benchmark's page (built by bench/import.vite.config.ts, never part of the app):
// runs the app's real import — worker pool, pipeline, batched storeDrafts — on a synthetic corpus,
// then a raw Dexie bulkAdd of the very records it stored, and reports both to Playwright.
import { createProject } from '../../src/db/projects.ts';
import { db } from '../../src/db/db.ts';
import { createDb } from '../../src/db/schema.ts';
import { appImportDeps } from '../../src/features/import/import-session.ts';
import { runImport } from '../../src/features/import/run-import.ts';
import { generateCorpus, type CorpusFile } from './corpus.ts';



/** Read by bench/parts/import.ts, which declares the same shapes on the Node side. */
export interface ImportPhaseResult {
  files: number;
  corpusBytes: number;
  added: number;
  duplicates: number;
  problems: number;
  firstProblems: string[];
  importMs: number;
  /** Wall-clock length of the longest main-thread task (PerformanceObserver 'longtask'). */
  longestTaskMs: number;
  longTasks: number;
  /** Long tasks as "start+duration" in ms from the start of the import, for diagnosis. */
  longTaskTimes: string[];
  /** Time storeDrafts calls took in all (the next batch is gathered and parsed meanwhile). */
  storeWaitMs: number;
}

export interface BaselineResult {
  /** The import's final records written raw: one transaction, two bulkAdds. */
  rawBulkAddMs: number;
  /** The same corpus through the worker pool alone, nothing stored: the pipeline's share. */
  pipelineOnlyMs: number;
}

interface Prepared {
  count: number;
  files: CorpusFile[];
  corpusBytes: number;
  projectId: string;
}

let prepared: Prepared | undefined;

/** Step 1, not measured: the corpus and an empty project. */
async function prepare(count: number): Promise<void> {
  const files = generateCorpus(count);
  const project = await createProject('Import benchmark');
  prepared = { count, files, corpusBytes: files.reduce((n, f) => n + f.bytes.byteLength, 0), projectId: project.id };
  // Collect the garbage of generating the corpus now, so that it is not counted as the import's
  // long tasks (the bench launches Chromium with --expose-gc; without it this is skipped).
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 200));
}

/** Step 2, measured: the app's import of the corpus. */
async function importPhase(withIndex = true): Promise<ImportPhaseResult> {
  if (!prepared) throw new Error('prepare first');
  const { files, projectId } = prepared;

  // Long tasks (> 50 ms) on this, the main thread, while the import runs.
  const tasks: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask' });

  // Exactly what the app's importOpened runs, with the store timed.
  const app = appImportDeps(projectId, files.length, { index: withIndex });
  let storeWaitMs = 0;
  const t0 = performance.now();
  const progress = await runImport({
    files,
    deps: {
      process: app.deps.process,
      store: async (batch) => {
        const t = performance.now();
        try {
          return await app.deps.store(batch);
        } finally {
          storeWaitMs += performance.now() - t;
        }
      },
    },
  });
  // The search index is built behind the import: the import is over when it is indexed too.
  await app.indexed();
  const importMs = performance.now() - t0;
  app.dispose();
  // Let the observer deliver the last entries before it is disconnected.
  await new Promise((r) => setTimeout(r, 100));
  for (const e of observer.takeRecords()) tasks.push({ start: e.startTime, duration: e.duration });
  observer.disconnect();

  return {
    files: files.length,
    corpusBytes: prepared.corpusBytes,
    added: progress.added,
    duplicates: progress.duplicates,
    problems: progress.problems.length,
    firstProblems: progress.problems.slice(0, 5).map((p) => `${p.source.file}: ${p.message}`),
    importMs,
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    longTasks: tasks.length,
    longTaskTimes: tasks.map((t) => `${Math.round(t.start - t0)}+${Math.round(t.duration)}`),
    storeWaitMs,
  };
}

/** Step 3, measured: what the import is compared with. */
async function baselines(): Promise<BaselineResult> {
  if (!prepared) throw new Error('prepare first');
  const { projectId, count } = prepared;
  const records = await db.articles.where('projectId').equals(projectId).toArray();
  const texts = await db.articleTexts.bulkGet(records.map((r) => r.id));
  const raw = createDb('presswork-bench-raw');
  await raw.open();
  await raw.transaction('rw', [raw.articles, raw.articleTexts], async () => {
    await raw.articles.clear();
    await raw.articleTexts.clear();
  });
  const t1 = performance.now();
  await raw.transaction('rw', [raw.articles, raw.articleTexts], async () => {
    await raw.articles.bulkAdd(records);
    await raw.articleTexts.bulkAdd(texts.filter((t) => t !== undefined));
  });
  const rawBulkAddMs = performance.now() - t1;
  raw.close();

  // A fresh copy of the corpus: the first one's bytes were transferred to the workers.
  const again = generateCorpus(count);
  const pipelineOnly = appImportDeps(projectId, again.length);
  const t2 = performance.now();
  await runImport({ files: again, deps: { process: pipelineOnly.deps.process, store: async (batch) => ({ added: batch.length, duplicates: 0 }) } });
  const pipelineOnlyMs = performance.now() - t2;
  pipelineOnly.dispose();
  return { rawBulkAddMs, pipelineOnlyMs };
}

Object.assign(window, { prepareImportBench: prepare, runImportPhase: importPhase, runImportBaselines: baselines });
const state = document.getElementById('state');
if (state) state.textContent = 'ready';
