// The agreement screen in the app itself (issue #10: "the UI stays responsive, no main-thread task
// > 50 ms"): the 1,000-article × 3-coder × ~100-annotation study of the `agreement` part, restored
// as a project in the web shell; the screen computes every figure while a Long Tasks observer
// (PerformanceObserver 'longtask') records each main-thread task over 50 ms, from the click on
// "Compute agreement" to the table shown. Prints the longest task, how many there were, and the
// time to the table. BENCH_AGREEMENT_APP_ARTICLES sizes the study (default 1,000).
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { inWebShell, restoreThroughUi } from '../lib/web-shell.ts';
import type { BenchEntry, BenchPart } from '../report.ts';
import { screenInput } from './agreement.ts';

const PORT = Number(process.env.BENCH_AGREEMENT_APP_PORT ?? 5334);
const ARTICLES = Number(process.env.BENCH_AGREEMENT_APP_ARTICLES ?? 1000);
const T = '2026-12-02T12:00:00.000Z';

/** The study as one merged Presswork dataset: every annotation keeps its coder. */
function studyDataset(): unknown {
  const input = screenInput(100);
  const articles = input.articles.slice(0, ARTICLES);
  const byArticle = new Map<string, typeof input.annotations[number][]>();
  for (const a of input.annotations) {
    let l = byArticle.get(a.articleId);
    if (!l) byArticle.set(a.articleId, (l = []));
    l.push(a);
  }
  return {
    format: 'presswork-dataset',
    version: 2,
    exportedAt: T,
    generator: 'presswork bench',
    offsets: { unit: 'code-point', end: 'exclusive' },
    project: { id: 'agreement-bench', name: 'Agreement bench', createdAt: T, updatedAt: T },
    codebook: {
      categories: input.categories.map((c) => ({ id: c.id, name: c.name, level: c.level, color: '#aa3377', builtIn: false, attributes: c.attributes })),
      tags: input.tags.map((t, i) => ({ id: t.id, name: t.name, category: t.category, parent: null, color: '#aa3377', description: '', shortcut: null, order: i, createdAt: T })),
    },
    actors: [],
    articles: articles.map((a) => {
      const cps = [...a.text];
      return {
        id: a.id,
        title: a.title,
        text: a.text,
        meta: {},
        status: 'done',
        labels: [],
        source: { file: 'bench.txt' },
        importedAt: T,
        annotations: (byArticle.get(a.id) ?? []).map((x) => ({
          id: x.id,
          tag: x.tag,
          tagName: x.tag,
          category: x.tag,
          start: x.start,
          end: x.end,
          quote: cps.slice(x.start, x.end).join(''),
          prefix: '',
          suffix: '',
          note: null,
          attributes: x.attributes,
          actor: null,
          coder: x.coder,
          createdAt: T,
          updatedAt: T,
        })),
        relations: [],
      };
    }),
  };
}

const part: BenchPart = {
  title: `Agreement screen in the app: ${ARTICLES.toLocaleString('en')} articles × 3 coders × ~100 annotations, main thread`,
  async run(): Promise<BenchEntry[]> {
    const dir = await mkdtemp(join(tmpdir(), 'presswork-agreement-bench-'));
    try {
      const file = join(dir, 'agreement-bench.json');
      await writeFile(file, JSON.stringify(studyDataset()));
      return await inWebShell(PORT, async (page, url) => {
        await page.addInitScript(() => {
          const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
          w.__longTasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
          }).observe({ type: 'longtask', buffered: true });
        });
        await page.goto(url);
        await restoreThroughUi(page, file, 'Agreement bench');
        await page.getByRole('button', { name: 'Agreement' }).click();
        const screen = page.getByRole('dialog', { name: 'Agreement' });
        await screen.getByRole('checkbox', { name: 'cy' }).waitFor({ timeout: 10 * 60_000 });
        const load = loadavg()[0] as number;
        const t0 = await page.evaluate(() => {
          (window as unknown as { __longTasks: unknown[] }).__longTasks = [];
          return performance.now();
        });
        await screen.getByRole('button', { name: 'Compute agreement' }).click();
        await screen.getByRole('status').filter({ hasText: 'coders ann, bob, cy' }).waitFor({ timeout: 30 * 60_000 });
        // The table painted: two frames after it is in the DOM.
        const { tasks, ms } = await page.evaluate(
          () =>
            new Promise<{ tasks: { start: number; duration: number }[]; ms: number }>((resolve) =>
              requestAnimationFrame(() => requestAnimationFrame(() => resolve({ tasks: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks, ms: performance.now() }))),
            ),
        );
        const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
        const list = (ts: { start: number; duration: number }[]) => ts.map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.start - t0)}`).join(', ') || 'none';
        process.stdout.write(`  until the table: ${tasks.length} long tasks (> 50 ms); longest ${Math.round(longest)} ms; ${list(tasks)}\n`);
        // Then the gold panel under the table counts what "Accept all agreed" would add.
        await screen.getByRole('status', { name: 'Accept all agreed preview' }).filter({ hasNotText: 'Counting' }).waitFor({ timeout: 30 * 60_000 });
        const after = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.slice());
        const later = after.slice(tasks.length);
        const longestLater = later.reduce((m, t) => Math.max(m, t.duration), 0);
        process.stdout.write(`  then until the gold preview: ${later.length} long tasks; longest ${Math.round(longestLater)} ms; ${list(later)}\n`);
        process.stdout.write(`  load average ${load.toFixed(1)} → ${(loadavg()[0] as number).toFixed(1)} (1 min, before → after) on ${availableParallelism()} cores\n`);
        return [
          { name: 'agreement screen in the app: longest main-thread task until the table', value: longest, unit: 'ms', goal: '< 50' },
          { name: 'agreement screen in the app: longest task, table to gold preview', value: longestLater, unit: 'ms', goal: '< 50' },
          { name: 'agreement screen in the app: click to table shown', value: ms - t0, unit: 'ms', goal: '' },
        ];
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default part;
