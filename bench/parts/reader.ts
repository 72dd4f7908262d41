// Reader benchmark (issue #4): open a ~20 KB article with 1,000 annotations and the same article
// bare, time to painted; then add one annotation, time from the command to painted.
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/fixtures.ts';
import type { BenchEntry, BenchPart } from '../report.ts';

interface ReaderBenchResult {
  textChars: number;
  annotations: number;
  openBareMs: number;
  openAnnotatedMs: number;
  addMs: number;
}

const configFile = fileURLToPath(new URL('../reader.vite.config.ts', import.meta.url));
const ROUNDS = 7;

const part: BenchPart = {
  title: 'Reader: a ~20 KB article with 1,000 annotations vs none (medians of 7)',
  async run(): Promise<BenchEntry[]> {
    await build({ configFile, logLevel: 'warn' });
    const server = await preview({ configFile });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the benchmark page server did not start');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.on('pageerror', (e) => process.stderr.write(`bench page error: ${e.message}\n`));
      await page.goto(url);
      await page.waitForFunction('document.getElementById("state")?.textContent === "ready"');
      const r = (await page.evaluate(`window.runReaderBench(1000, ${ROUNDS})`)) as ReaderBenchResult;
      return [
        { name: 'reader: article size', value: r.textChars / 1000, unit: 'K chars', goal: '' },
        { name: 'reader: open bare article, to painted', value: r.openBareMs, unit: 'ms', goal: '' },
        { name: 'reader: open with 1,000 annotations, to painted', value: r.openAnnotatedMs, unit: 'ms', goal: '' },
        { name: 'reader: open annotated / open bare', value: r.openAnnotatedMs / r.openBareMs, unit: 'ratio', goal: '<= 2' },
        { name: 'reader: add one annotation, command to painted', value: r.addMs, unit: 'ms', goal: '<= 16' },
      ];
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
  },
};

export default part;
