// Import benchmark (issue #3): the app's whole import — worker pipeline (decode, parse, clean)
// and batched storing — of a synthetic 10,000-article corpus in headless Chromium, against a raw
// Dexie bulkAdd of the same final records, with the longest main-thread task during the import.
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/fixtures.ts';
import type { BenchEntry, BenchPart } from '../report.ts';

/** What renderer/bench/import/bench-page.ts returns (that file belongs to the web project; keep the two in step). */
export interface ImportBenchResult {
  files: number;
  corpusBytes: number;
  added: number;
  duplicates: number;
  problems: number;
  firstProblems: string[];
  importMs: number;
  rawBulkAddMs: number;
  longestTaskMs: number;
  longTasks: number;
  longTaskTimes: string[];
  storeWaitMs: number;
  pipelineOnlyMs: number;
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
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage();
      page.on('pageerror', (e) => process.stderr.write(`bench page error: ${e.message}\n`));
      await page.goto(url);
      await page.waitForFunction('document.getElementById("state")?.textContent === "ready"');
      const r = (await page.evaluate(`window.runImportBench(${ARTICLES})`)) as ImportBenchResult;
      if (r.longTaskTimes.length > 0) process.stderr.write(`long tasks (start+duration ms from import start): ${r.longTaskTimes.join(', ')}\n`);
      if (r.problems > 0) process.stderr.write(`import problems (${r.problems}):\n  ${r.firstProblems.join('\n  ')}\n`);
      const expectedDuplicates = ARTICLES - r.added - r.problems;
      if (r.duplicates !== expectedDuplicates) throw new Error(`counts do not add up: ${JSON.stringify(r)}`);
      return [
        { name: 'import: files in the corpus', value: r.files, unit: 'files', goal: '' },
        { name: 'import: corpus size', value: r.corpusBytes / (1024 * 1024), unit: 'MB', goal: '' },
        { name: 'import: articles added', value: r.added, unit: 'articles', goal: '' },
        { name: 'import: duplicates skipped', value: r.duplicates, unit: 'articles', goal: '' },
        { name: 'import: problems', value: r.problems, unit: 'files', goal: '0' },
        { name: 'import: whole import (decode+parse+clean+store)', value: r.importMs, unit: 'ms', goal: '' },
        { name: 'import: raw Dexie bulkAdd of the same records', value: r.rawBulkAddMs, unit: 'ms', goal: '' },
        { name: 'import: whole import / raw bulkAdd', value: r.importMs / r.rawBulkAddMs, unit: 'ratio', goal: '<= 1.5' },
        { name: 'import: articles per second', value: (r.added + r.duplicates) / (r.importMs / 1000), unit: 'articles/s', goal: '' },
        { name: 'import: longest main-thread task', value: r.longestTaskMs, unit: 'ms', goal: '<= 100' },
        { name: 'import: main-thread tasks over 50 ms', value: r.longTasks, unit: 'tasks', goal: '' },
        { name: 'import: time waiting on storeDrafts (workers parse meanwhile)', value: r.storeWaitMs, unit: 'ms', goal: '' },
        { name: 'import: pipeline alone (worker pool, nothing stored)', value: r.pipelineOnlyMs, unit: 'ms', goal: '' },
      ];
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
  },
};

export default part;
