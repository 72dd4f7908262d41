// The app's own export path (issue #9 "Measurements"): a large project restored in the web
// shell, then exported from the Export dialog as a person would, into a save picker that only
// counts the bytes it is given. Reports the time from the click to "Export saved" and the
// renderer's peak JS heap during the export (CDP Runtime.getHeapUsage every 100 ms, after a GC),
// above the heap before it. The project: a small bench dataset restored through the dialog
// (BENCH_APP_EXPORT_MB, default 8), its annotations then copied straight into the store up to
// BENCH_APP_EXPORT_ANNOTATIONS (default 1,000,000); BENCH_APP_EXPORT_FORMAT chooses the format.
import { growAnnotations, inWebShell, stage, restoreThroughUi, withBenchDataset } from '../lib/web-shell.ts';
import type { BenchEntry, BenchPart } from '../report.ts';

const MEGABYTES = Number(process.env.BENCH_APP_EXPORT_MB ?? 8);
const ANNOTATIONS = Number(process.env.BENCH_APP_EXPORT_ANNOTATIONS ?? 1_000_000);
const FORMAT = process.env.BENCH_APP_EXPORT_FORMAT ?? 'jsonl';
const PORT = Number(process.env.BENCH_APP_EXPORT_PORT ?? 5331);
const FORMAT_LABEL: Record<string, RegExp> = { json: /Presswork dataset/, jsonl: /JSON Lines/, csv: /^CSV/, w3c: /W3C Web Annotation/ };

const part: BenchPart = {
  title: `App export: ${FORMAT} of a project with ${ANNOTATIONS.toLocaleString('en')} annotations from the Export dialog (web shell)`,
  async run(): Promise<BenchEntry[]> {
    return withBenchDataset(MEGABYTES, (file, info) =>
      inWebShell(PORT, async (page, url) => {
        await page.addInitScript(() => {
          // A save picker that keeps nothing: what the page holds is what the export costs it.
          const g = globalThis as unknown as { showSaveFilePicker: unknown; __savedBytes: number };
          g.__savedBytes = 0;
          g.showSaveFilePicker = async ({ suggestedName }: { suggestedName: string }) => ({
            name: suggestedName,
            createWritable: async () => ({
              write: async (data: Blob) => {
                g.__savedBytes += data.size;
              },
              close: async () => {},
            }),
          });
        });
        await page.goto(url);
        await restoreThroughUi(page, file);
        const annotations = await growAnnotations(page, ANNOTATIONS);
        // The app reads the grown store afresh.
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Restore bench' }).waitFor({ timeout: 120_000 });

        await page.getByRole('button', { name: 'Export', exact: true }).click();
        await page.getByRole('button', { name: /^Export…/ }).click();
        const dialog = page.getByRole('dialog', { name: 'Export' });
        await dialog.getByRole('radio', { name: FORMAT_LABEL[FORMAT] ?? new RegExp(FORMAT) }).check();

        const cdp = await page.context().newCDPSession(page);
        await cdp.send('HeapProfiler.enable');
        await cdp.send('HeapProfiler.collectGarbage');
        const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        let peak = before;
        let sampling = true;
        const sampler = (async () => {
          while (sampling) {
            peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        })();
        stage('exporting');
        const t0 = Date.now();
        let seconds: number;
        try {
          await dialog.getByRole('button', { name: /^Export \./ }).click();
          // Saved, or anything else that ends it (a refused picker, a failure): never wait in vain.
          const ended = page.getByRole('dialog', { name: /^Export (saved|ready|cancelled|failed)$/ });
          await ended.waitFor({ timeout: 60 * 60_000 });
          seconds = (Date.now() - t0) / 1000;
          if (!(await page.getByRole('dialog', { name: 'Export saved' }).isVisible())) throw new Error(`the export did not save: ${await ended.innerText()}`);
        } catch (e) {
          await page.screenshot({ path: 'bench-results/app-export-failed.png' }).catch(() => {});
          throw e;
        } finally {
          sampling = false;
          await sampler.catch(() => {});
        }
        const bytes = (await page.evaluate('globalThis.__savedBytes')) as number;
        const mb = (n: number) => n / (1024 * 1024);
        return [
          { name: 'app export: annotations in the project', value: annotations, unit: 'annotations', goal: '1,000,000' },
          { name: 'app export: articles', value: info.articles, unit: 'articles', goal: '' },
          { name: `app export: ${FORMAT} written`, value: mb(bytes), unit: 'MB', goal: '' },
          { name: 'app export: click → "Export saved"', value: seconds, unit: 's', goal: '' },
          { name: 'app export: annotations per second', value: annotations / seconds, unit: 'annotations/s', goal: '' },
          { name: 'app export: renderer JS heap before', value: mb(before), unit: 'MB', goal: '' },
          { name: 'app export: renderer JS heap peak during the export', value: mb(peak), unit: 'MB', goal: 'flat (≪ file size)' },
          { name: 'app export: peak above before', value: mb(peak - before), unit: 'MB', goal: '' },
        ];
      }),
    );
  },
};

export default part;
