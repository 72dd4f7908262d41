// Startup (issue #9): the renderer's entry chunk and the time from navigation to the first screen
// (the projects page's heading in the DOM, and first contentful paint) in a fresh profile.
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/fixtures.ts';
import type { BenchEntry, BenchPart } from '../report.ts';

const configFile = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));
const ROUNDS = 7;
const PORT = 5391;

interface StartupTimes {
  heading: number;
  fcp: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const part: BenchPart = {
  title: `Startup: entry chunk and first screen (web shell, fresh profile, medians of ${ROUNDS})`,
  async run(): Promise<BenchEntry[]> {
    const outDir = await mkdtemp(join(tmpdir(), 'presswork-startup-'));
    await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
    if (!entry) throw new Error('no module entry script in the built index.html');
    const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1] ?? '');
    const sizes = await Promise.all([entry, ...preloads].map(async (f) => (await stat(join(outDir, f))).size));
    const server = await preview({ configFile, build: { outDir }, preview: { port: PORT, strictPort: true } });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const times: StartupTimes[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        const page = await context.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { __headingAt?: number };
          new MutationObserver((_, observer) => {
            if (document.getElementById('projects-heading')) {
              w.__headingAt = performance.now();
              observer.disconnect();
            }
          }).observe(document, { childList: true, subtree: true });
        });
        await page.goto(`http://127.0.0.1:${PORT}/`);
        await page.getByRole('heading', { name: 'Projects', exact: true }).waitFor();
        times.push(
          await page.evaluate(() => ({
            heading: (window as unknown as { __headingAt?: number }).__headingAt ?? NaN,
            fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
          })),
        );
        await context.close();
      }
      return [
        { name: 'startup: entry chunk (minified)', value: (sizes[0] ?? 0) / 1024, unit: 'KiB', goal: '' },
        { name: 'startup: entry + preloaded chunks', value: sizes.reduce((a, b) => a + b, 0) / 1024, unit: 'KiB', goal: '' },
        { name: 'startup: navigation to projects heading in DOM', value: median(times.map((t) => t.heading)), unit: 'ms', goal: '' },
        { name: 'startup: navigation to first contentful paint', value: median(times.map((t) => t.fcp)), unit: 'ms', goal: '' },
      ];
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    }
  },
};

export default part;
