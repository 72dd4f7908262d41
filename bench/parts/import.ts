// Import benchmark (issue #3): the app's whole import — worker pipeline (decode, parse, clean)
// and batched storing — of a synthetic 10,000-article corpus in headless Chromium, against a raw
// Dexie bulkAdd of the same final records, with the longest main-thread task during the import.
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/fixtures.ts';
import type { BenchEntry, BenchPart } from '../report.ts';

/** What renderer/bench/import/bench-page.ts returns (it belongs to the web project; keep in step). */
interface ImportPhaseResult {
  files: number;
  corpusBytes: number;
  added: number;
  duplicates: number;
  problems: number;
  firstProblems: string[];
  importMs: number;
  longestTaskMs: number;
  longTasks: number;
  longTaskTimes: string[];
  storeWaitMs: number;
}
interface BaselineResult {
  rawBulkAddMs: number;
  pipelineOnlyMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The longest main-thread task in CPU time (the trace's thread duration). The 'longtask' figure is
 * wall-clock: on a loaded machine the OS deschedules the page's thread mid-task and a 2 ms task
 * reads as 150 ms. This one tells what the import itself costs the main thread.
 */
function longestMainThreadCpuMs(events: TraceEvent[]): number {
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let longest = 0;
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`)) longest = Math.max(longest, (e.tdur ?? 0) / 1000);
  }
  return longest;
}

const ARTICLES = Number(process.env.BENCH_IMPORT_ARTICLES ?? 10_000);
const configFile = fileURLToPath(new URL('../import.vite.config.ts', import.meta.url));

const part: BenchPart = {
  title: `Import: ${ARTICLES.toLocaleString('en')} synthetic articles (~5 KB, HTML and text, 5% duplicates)`,
  async run(): Promise<BenchEntry[]> {
    await build({ configFile, logLevel: 'warn' });
    const server = await preview({ configFile });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the benchmark page server did not start');
    const tracePath = join(tmpdir(), `presswork-import-trace-${process.pid}.json`);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'], headless: true });
    try {
      const page = await browser.newPage();
      page.on('pageerror', (e) => process.stderr.write(`bench page error: ${e.message}\n`));
      await page.goto(url);
      await page.waitForFunction('document.getElementById("state")?.textContent === "ready"');
      await page.evaluate(`window.prepareImportBench(${ARTICLES})`);
      await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      const r = (await page.evaluate('window.runImportPhase()')) as ImportPhaseResult;
      await browser.stopTracing();
      const trace = JSON.parse(await readFile(tracePath, 'utf8')) as { traceEvents: TraceEvent[] };
      const cpuLongestMs = longestMainThreadCpuMs(trace.traceEvents);
      const b = (await page.evaluate('window.runImportBaselines()')) as BaselineResult;

      if (r.longTaskTimes.length > 0) process.stderr.write(`long tasks (start+duration ms from import start): ${r.longTaskTimes.join(', ')}\n`);
      if (r.problems > 0) process.stderr.write(`import problems (${r.problems}):\n  ${r.firstProblems.join('\n  ')}\n`);
      if (r.added + r.duplicates + r.problems !== r.files) throw new Error(`counts do not add up: ${JSON.stringify(r)}`);
      return [
        { name: 'import: files in the corpus', value: r.files, unit: 'files', goal: '' },
        { name: 'import: corpus size', value: r.corpusBytes / (1024 * 1024), unit: 'MB', goal: '' },
        { name: 'import: articles added', value: r.added, unit: 'articles', goal: '' },
        { name: 'import: duplicates skipped', value: r.duplicates, unit: 'articles', goal: '' },
        { name: 'import: problems', value: r.problems, unit: 'files', goal: '0' },
        { name: 'import: whole import (decode+parse+clean+store)', value: r.importMs, unit: 'ms', goal: '' },
        { name: 'import: raw Dexie bulkAdd of the same records', value: b.rawBulkAddMs, unit: 'ms', goal: '' },
        { name: 'import: whole import / raw bulkAdd', value: r.importMs / b.rawBulkAddMs, unit: 'ratio', goal: '<= 1.5' },
        { name: 'import: articles per second', value: r.files / (r.importMs / 1000), unit: 'articles/s', goal: '' },
        { name: 'import: longest main-thread task (longtask, wall clock)', value: r.longestTaskMs, unit: 'ms', goal: '<= 100' },
        { name: 'import: main-thread tasks over 50 ms (wall clock)', value: r.longTasks, unit: 'tasks', goal: '' },
        { name: 'import: longest main-thread task (CPU time, trace)', value: cpuLongestMs, unit: 'ms', goal: '<= 100' },
        { name: 'import: time in storeDrafts (overlaps parsing the next batch)', value: r.storeWaitMs, unit: 'ms', goal: '' },
        { name: 'import: pipeline alone (worker pool, nothing stored)', value: b.pipelineOnlyMs, unit: 'ms', goal: '' },
        { name: 'import: pipeline alone / raw bulkAdd', value: b.pipelineOnlyMs / b.rawBulkAddMs, unit: 'ratio', goal: '' },
        // Storing should hide behind parsing: the whole import close to the pipeline alone.
        { name: 'import: whole import / pipeline alone', value: r.importMs / b.pipelineOnlyMs, unit: 'ratio', goal: '<= 1.1' },
      ];
    } finally {
      await browser.close();
      await rm(tracePath, { force: true });
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
  },
};

export default part;
