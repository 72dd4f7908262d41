// The web shell for benchmarks that drive the whole app: built, served on `port`, opened in
// headless Chromium; and the restore of a bench dataset through "Open dataset…", as a person does.
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchDataset, type BenchDatasetInfo } from './dataset-file.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/fixtures.ts';

const configFile = fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url));

export async function inWebShell<T>(port: number, run: (page: Page, url: string) => Promise<T>): Promise<T> {
  await build({ configFile, logLevel: 'warn' });
  const server = await preview({ configFile, preview: { port, strictPort: true, host: '127.0.0.1' } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the web shell server did not start');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => process.stderr.write(`bench page error: ${e.message}\n`));
    // Functions handed to the page (init scripts, evaluate) are tsx's output, which calls esbuild's
    // __name helper (keepNames); the page gets one that does nothing.
    await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    return await run(page, url);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

/** One line on stderr per stage of a long benchmark, with the seconds since the first. */
let stageStart = 0;
export function stage(what: string): void {
  stageStart ||= Date.now();
  process.stderr.write(`  [${((Date.now() - stageStart) / 1000).toFixed(0)} s] ${what}\n`);
}

/** Restores the dataset file as a new project and waits until it is open. */
export async function restoreThroughUi(page: Page, file: string, projectName = 'Restore bench'): Promise<void> {
  stage('restoring the bench dataset through "Open dataset…"');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open dataset…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('dialog', { name: 'Restore as a new project?' }).getByRole('button', { name: 'Restore project' }).click({ timeout: 30 * 60_000 });
  // With anything left out (the bench data has orphans), the restore reports it before opening.
  const heading = page.getByRole('heading', { level: 1, name: projectName });
  const restored = page.getByRole('dialog', { name: 'Project restored' });
  await heading.or(restored).waitFor({ timeout: 60 * 60_000 });
  if (await restored.isVisible()) await restored.getByRole('button', { name: 'Open project' }).click();
  await heading.waitFor({ timeout: 60_000 });
}

/** A bench dataset of about `megabytes` MB in a temp folder, removed after `run`. */
export async function withBenchDataset<T>(megabytes: number, run: (file: string, info: BenchDatasetInfo) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'presswork-bench-'));
  try {
    const file = join(dir, 'bench-dataset.json');
    return await run(file, await writeBenchDataset(file, megabytes));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What `withStore` gives a page function: the app's database, opened raw, and a request as a promise. */
export interface RawStore {
  db: IDBDatabase;
  req: <T>(r: IDBRequest<T>) => Promise<T>;
}

/**
 * Runs `fn` in the page with the app's IndexedDB opened raw (benchmarks write their large fixtures
 * straight into the store); the database is closed afterwards.
 */
export async function withStore<A, R>(page: Page, fn: (store: RawStore, arg: A) => Promise<R>, arg: A): Promise<R> {
  // A string expression, not a function: the app's Content Security Policy forbids eval in the
  // page, and `fn` can only cross as source text. That text comes from tsx (esbuild's keepNames),
  // which calls a __name helper the page lacks: a local one that does nothing stands in.
  const expression = `(() => {
    const __name = (f) => f;
    return (async (run, value) => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('presswork');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const req = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      try {
        return await run({ db, req }, value);
      } finally {
        db.close();
      }
    })(${fn.toString()}, ${JSON.stringify(arg)});
  })()`;
  return (await page.evaluate(expression)) as R;
}

/**
 * Grows the open project's annotations to `total` by copying its own (same article and range, a
 * new id), written straight into IndexedDB in transactions of 20,000: restoring a 670 MB dataset
 * through the dialog took longer than these benchmarks can wait on a loaded machine, and what they
 * measure (export, the reader) reads the store, not the restore. `skipArticle` gets no copies.
 */
export function growAnnotations(page: Page, total: number, skipArticle?: string): Promise<number> {
  stage(`growing the project to ${total.toLocaleString('en')} annotations`);
  return withStore(
    page,
    async ({ db, req }, { want, skip }) => {
      const all = ((await req(db.transaction('annotations').objectStore('annotations').getAll())) as { id: string; articleId: string }[]).filter((a) => a.articleId !== skip);
      if (all.length === 0) throw new Error('no annotations to copy');
      let count = await req(db.transaction('annotations').objectStore('annotations').count());
      let n = 0;
      while (count < want) {
        const tx = db.transaction('annotations', 'readwrite');
        const store = tx.objectStore('annotations');
        const batch = Math.min(20_000, want - count);
        for (let i = 0; i < batch; i++, n++) store.put({ ...all[n % all.length], id: `bench-copy-${n}` });
        await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
        count += batch;
      }
      return count;
    },
    { want: total, skip: skipArticle ?? '' },
  );
}
