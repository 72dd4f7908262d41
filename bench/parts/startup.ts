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

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/** Bytes of `module`'s chunk and the chunks it imports statically, minus what the entry already loaded. */
async function onDemandBytes(outDir: string, module: string): Promise<number> {
  const manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const closure = (keys: string[]): Set<string> => {
    const seen = new Set<string>();
    const walk = (key: string) => {
      if (seen.has(key) || !manifest[key]) return;
      seen.add(key);
      for (const k of manifest[key].imports ?? []) walk(k);
    };
    keys.forEach(walk);
    return seen;
  };
  const loaded = closure(Object.keys(manifest).filter((k) => manifest[k]?.isEntry));
  const wanted = [...closure([module])].filter((k) => !loaded.has(k));
  if (wanted.length === 0) throw new Error(`${module} is not in the build manifest`);
  const sizes = await Promise.all(wanted.map(async (k) => (await stat(join(outDir, manifest[k]!.file))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

const part: BenchPart = {
  title: `Startup: entry chunk and first screen (web shell, fresh profile, medians of ${ROUNDS})`,
  async run(): Promise<BenchEntry[]> {
    const outDir = await mkdtemp(join(tmpdir(), 'presswork-startup-'));
    await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1];
    if (!entry) throw new Error('no module entry script in the built index.html');
    const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1] ?? '');
    const sizes = await Promise.all([entry, ...preloads].map(async (f) => (await stat(join(outDir, f))).size));
    const workspace = await onDemandBytes(outDir, 'src/features/workspace/Workspace.tsx');
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
        { name: 'open a project: JS loaded beyond the entry (workspace chunk and its imports)', value: workspace / 1024, unit: 'KiB', goal: 'smaller (screens on demand)' },
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
