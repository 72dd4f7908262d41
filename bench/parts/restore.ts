// Restore benchmark (issue #13): "Open dataset…" of a large Presswork dataset (200 MB, about
// 40,000 articles and 300,000 annotations) through the app's own restore path in the web shell,
// driven as a person would (pick the file, confirm), timing reading and storing and recording the
// longest main-thread block with a PerformanceObserver for 'longtask' in the page; then deletes the
// restored project from the projects page the same way (chunked deletion, issue #12).
// BENCH_RESTORE_MB chooses a smaller file for a quick run.
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/fixtures.ts';
import { writeBenchDataset } from '../lib/dataset-file.ts';
import type { BenchEntry, BenchPart } from '../report.ts';

const MEGABYTES = Number(process.env.BENCH_RESTORE_MB ?? 200);
const PORT = Number(process.env.BENCH_RESTORE_PORT ?? 5329);
const configFile = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));

interface LongTask {
  start: number;
  duration: number;
}

const part: BenchPart = {
  title: `Restore: a ${MEGABYTES} MB dataset through “Open dataset…” in the web shell`,
  async run(): Promise<BenchEntry[]> {
    const dir = await mkdtemp(join(tmpdir(), 'presswork-restore-bench-'));
    const file = join(dir, 'bench-dataset.json');
    const info = await writeBenchDataset(file, MEGABYTES);
    await build({ configFile, logLevel: 'warn' });
    const server = await preview({ configFile, preview: { port: PORT, strictPort: true, host: '127.0.0.1' } });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the web shell server did not start');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage();
      page.on('pageerror', (e) => process.stderr.write(`bench page error: ${e.message}\n`));
      await page.addInitScript(() => {
        const tasks: { start: number; duration: number }[] = [];
        (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(url);
      await page.getByRole('button', { name: 'Open dataset…' }).waitFor();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open dataset…' }).click();
      const t0 = (await page.evaluate('performance.now()')) as number;
      await (await chooser).setFiles(file);
      const confirm = page.getByRole('dialog', { name: 'Restore as a new project?' });
      const refused = page.getByRole('dialog', { name: 'This file cannot be opened' });
      await confirm.or(refused).waitFor({ timeout: 30 * 60_000 });
      if (await refused.isVisible()) throw new Error(`the bench dataset was refused: ${await refused.innerText()}`);
      const t1 = (await page.evaluate('performance.now()')) as number;
      await confirm.getByRole('button', { name: 'Restore project' }).click();
      await page.getByRole('heading', { level: 1, name: 'Restore bench' }).or(page.getByRole('dialog', { name: 'Project restored' })).waitFor({ timeout: 60 * 60_000 });
      // Open means usable: the library lists every article (the status bar counts them).
      const status = page.getByRole('status', { name: 'Status' });
      if (await status.isVisible()) await page.waitForFunction((n) => document.querySelector('[aria-label="Status"]')?.textContent?.includes(`${n} articles`) ?? false, info.articles, { timeout: 10 * 60_000 }).catch(() => {});
      const t2 = (await page.evaluate('performance.now()')) as number;
      const statusText = await status.innerText().catch(() => '');
      const tasks = ((await page.evaluate('window.__longTasks')) as LongTask[]).filter((t) => t.start >= t0 - 1 && t.start <= t2);
      const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
      const worst = [...tasks].sort((a, b) => b.duration - a.duration).slice(0, 5);
      if (worst.length > 0) process.stderr.write(`longest tasks (start after picking the file + duration, ms): ${worst.map((t) => `${Math.round(t.start - t0)}+${Math.round(t.duration)}`).join(', ')}\n`);
      if (statusText) process.stderr.write(`status bar after the restore: ${statusText.replace(/\s+/g, ' ')}\n`);
      const totalS = (t2 - t0) / 1000;

      // Set one article's status in the open project, as a user would; time until the library shows it.
      const tStatus0 = (await page.evaluate('performance.now()')) as number;
      await page.getByRole('toolbar', { name: 'Article' }).getByRole('combobox', { name: 'Status' }).selectOption('done');
      await page.getByRole('navigation', { name: 'Library' }).getByLabel('Done').first().waitFor();
      const tStatus1 = (await page.evaluate('performance.now()')) as number;
      const statusTasks = ((await page.evaluate('window.__longTasks')) as LongTask[]).filter((t) => t.start >= tStatus0 - 1 && t.start <= tStatus1);
      const statusLongest = statusTasks.reduce((m, t) => Math.max(m, t.duration), 0);

      // Delete the restored project from the projects page, as a user would, until its last record is gone.
      await page.goto(`${url}#/`);
      await page.getByRole('button', { name: 'Delete Restore bench' }).click();
      const t3 = (await page.evaluate('performance.now()')) as number;
      await page.getByRole('dialog', { name: 'Delete project?' }).getByRole('button', { name: 'Delete project' }).click();
      await page.getByRole('list', { name: 'Deletions in progress' }).waitFor({ state: 'detached', timeout: 30 * 60_000 });
      const t4 = (await page.evaluate('performance.now()')) as number;
      const deleteTasks = ((await page.evaluate('window.__longTasks')) as LongTask[]).filter((t) => t.start >= t3 - 1 && t.start <= t4);
      const deleteLongest = deleteTasks.reduce((m, t) => Math.max(m, t.duration), 0);
      return [
        { name: 'restore: dataset size', value: info.bytes / (1024 * 1024), unit: 'MB', goal: '' },
        { name: 'restore: articles', value: info.articles, unit: 'articles', goal: '' },
        { name: 'restore: annotations', value: info.annotations, unit: 'annotations', goal: '' },
        { name: 'restore: reading and checking (file picked → confirm dialog)', value: (t1 - t0) / 1000, unit: 's', goal: '' },
        { name: 'restore: storing (Restore project → project open)', value: (t2 - t1) / 1000, unit: 's', goal: '' },
        { name: 'restore: whole restore', value: totalS, unit: 's', goal: '' },
        { name: 'restore: articles per second', value: info.articles / totalS, unit: 'articles/s', goal: 'import order' },
        { name: 'restore: longest main-thread block (longtask, wall clock)', value: longest, unit: 'ms', goal: '<= 200' },
        { name: 'restore: main-thread tasks over 50 ms', value: tasks.length, unit: 'tasks', goal: '' },
        { name: 'set one article\'s status: choice → shown in the library', value: tStatus1 - tStatus0, unit: 'ms', goal: '' },
        { name: 'set one article\'s status: longest main-thread block', value: statusLongest, unit: 'ms', goal: '<= 50' },
        { name: 'delete that project: confirm → last record gone', value: (t4 - t3) / 1000, unit: 's', goal: '' },
        { name: 'delete that project: longest main-thread block', value: deleteLongest, unit: 'ms', goal: '<= 200' },
      ];
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default part;
