import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures.ts';
import { readStore } from './helpers.ts';
import { DATASET_VERSION } from '../shared/dataset/dataset.ts';

interface ExportedAnnotation {
  id: string;
  tag: string;
  tagName: string;
  category: string;
  start: number;
  end: number;
  quote: string;
  coder: string;
}
interface ExportedDataset {
  format: string;
  version: number;
  project: { name: string };
  codebook: { categories: { id: string }[]; tags: { id: string; name: string }[] };
  articles: { id: string; title: string; text: string; annotations: ExportedAnnotation[] }[];
}

/** Python's `text[start:end]`: slicing by code points. */
function pySlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

// The web shell saves through showSaveFilePicker where it exists; Playwright cannot drive that
// native picker, so the tests take the download path (the same bytes, a Blob download).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    // globalThis is the page's window here (this file is type-checked without the DOM library).
    Object.defineProperty(globalThis, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  await page.reload();
});

async function openSample(page: Page) {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.getByRole('link', { name: /Council denies link/ })).toBeVisible();
}

async function openExportDialog(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Export…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Runs the export and returns the downloaded file's text. */
async function exportAndDownload(page: Page, pick: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<{ text: string; name: string; path: string }> {
  const dialog = await openExportDialog(page);
  await pick(dialog);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Export \./ }).click();
  const file = await download;
  const path = await file.path();
  const saved = page.getByRole('dialog', { name: 'Export saved' });
  await expect(saved).toBeVisible();
  await expect(saved.getByTestId('export-location')).toHaveText(file.suggestedFilename());
  return { text: await readFile(path, 'utf8'), name: file.suggestedFilename(), path };
}

/** Annotation counts per project name, read from IndexedDB directly (no app code involved). */
async function annotationCountsByProject(page: Page): Promise<Record<string, number>> {
  const { projects, annotations } = await readStore(page);
  return Object.fromEntries(projects.map((p) => [p.name, annotations.filter((a) => a.projectId === p.id).length]));
}

test('exports the sample project as a JSON dataset and as CSV from the export dialog', async ({ page }, testInfo) => {
  await openSample(page);
  const dialog = await openExportDialog(page);
  await expect(dialog.getByRole('radio', { name: /Presswork dataset \(JSON\)/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /Whole project/ })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('export-dialog.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const json = await exportAndDownload(page, async () => {});
  // The project name made safe for file systems (no colon), then the date.
  expect(json.name).toMatch(/^Sample Riverside water dispute-\d{4}-\d{2}-\d{2}\.json$/);
  const ds = JSON.parse(json.text) as ExportedDataset;
  expect(ds.format).toBe('presswork-dataset');
  expect(ds.version).toBe(DATASET_VERSION);
  expect(ds.articles).toHaveLength(4);
  expect(ds.codebook.categories.map((c) => c.id)).toEqual(expect.arrayContaining(['claim', 'source', 'actor']));
  const council = ds.articles.find((a) => a.title.startsWith('Council denies link'));
  expect(council?.annotations.map((a) => a.tagName).sort()).toEqual(['Actor', 'Actor', 'Claim', 'Claim', 'Claim', 'Source']);
  let checked = 0;
  for (const article of ds.articles) {
    for (const a of article.annotations) {
      expect(pySlice(article.text, a.start, a.end)).toBe(a.quote);
      expect(ds.codebook.tags.some((t) => t.id === a.tag)).toBe(true);
      checked++;
    }
  }
  expect(checked).toBe(6);
  await page.getByRole('dialog', { name: 'Export saved' }).getByRole('button', { name: 'Close' }).click();

  // CSV with the Excel byte order mark: a zip of two files, the annotations (a header row and
  // one row per annotation, with its links by role) and the relations (one row per link).
  const csv = await exportAndDownload(page, async (d) => {
    await d.getByRole('radio', { name: /CSV, one row per annotation/ }).check();
    await d.getByRole('checkbox', { name: 'UTF-8 BOM for Excel' }).check();
  });
  expect(csv.name).toMatch(/^Sample Riverside water dispute-\d{4}-\d{2}-\d{2}-csv\.zip$/);
  const files = unzipSync(await readFile(csv.path));
  const [annotationsName, relationsName] = Object.keys(files);
  expect(annotationsName).toMatch(/^Sample Riverside water dispute-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(relationsName).toBe(annotationsName?.replace(/\.csv$/, '-relations.csv'));
  const raw = files[annotationsName ?? '']!;
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = strFromU8(raw.subarray(3));
  const lines = csvText.split('\r\n').filter(Boolean);
  const header = lines[0]?.split(',') ?? [];
  expect(header.slice(0, 12)).toEqual(['article_id', 'title', 'outlet', 'date', 'url', 'labels', 'category', 'tag', 'quote', 'start', 'end', 'note']);
  expect(header).toEqual(expect.arrayContaining(['claimant_ids', 'claimant_quotes', 'claimant_actors', 'according_to_ids', 'about_quotes']));
  expect(lines).toHaveLength(1 + 6);
  const someQuote = council?.annotations[0]?.quote ?? '';
  expect(someQuote.length).toBeGreaterThan(0);
  expect(csvText).toContain(someQuote.includes(',') ? `"${someQuote.replace(/"/g, '""')}"` : someQuote);
  const relations = files[relationsName ?? '']!;
  expect([...relations.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(strFromU8(relations.subarray(3)).split('\r\n')[0]).toBe('relation_id,type,type_label,article_id,from_id,from_category,from_tag,from_quote,from_actor,to_id,to_category,to_tag,to_quote,to_actor,coder,created_at');
});

test('exports only what the scope selects: one tag, then chosen articles', async ({ page }) => {
  await openSample(page);
  const sources = await exportAndDownload(page, async (d) => {
    await d.getByRole('radio', { name: /JSON Lines/ }).check();
    await d.getByRole('radio', { name: /Filtered by category or tag/ }).check();
    await d.getByRole('group', { name: 'Categories and tags to export' }).getByRole('checkbox', { name: 'Source', exact: true }).check();
  });
  const lines = sources.text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ExportedDataset['articles'][number]);
  expect(lines).toHaveLength(1);
  expect(lines[0]?.annotations.map((a) => a.tagName)).toEqual(['Source']);
  await page.getByRole('dialog', { name: 'Export saved' }).getByRole('button', { name: 'Close' }).click();

  // Nothing chosen: a clear message, no file.
  let dialog = await openExportDialog(page);
  await dialog.getByRole('radio', { name: /Selected articles/ }).check();
  await dialog.getByRole('button', { name: /^Export \./ }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose at least one article.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const chosen = await exportAndDownload(page, async (d) => {
    dialog = d;
    await d.getByRole('radio', { name: /Selected articles/ }).check();
    const list = d.getByRole('group', { name: 'Articles to export' });
    await list.getByRole('checkbox', { name: /Dock workers/ }).check();
    await list.getByRole('checkbox', { name: /Ремонт моста/ }).check();
  });
  const ds = JSON.parse(chosen.text) as ExportedDataset;
  expect(ds.articles.map((a) => a.title)).toEqual([expect.stringMatching(/^Dock workers/), expect.stringMatching(/^Ремонт моста/)]);
});

test('restores a downloaded dataset as a new project through “Open dataset…”, refusing a wrong file', async ({ page }, testInfo) => {
  await openSample(page);
  const json = await exportAndDownload(page, async () => {});
  const ds = JSON.parse(json.text) as ExportedDataset;
  await page.getByRole('dialog', { name: 'Export saved' }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'Presswork — all projects' }).click();

  // A file that is not a dataset is refused with a message, and nothing is created.
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open dataset…' }).click();
  await (await chooser).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  const refused = page.getByRole('dialog', { name: 'This file cannot be opened' });
  await expect(refused.getByRole('alert')).toContainText('is not a Presswork dataset');
  await refused.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('list', { name: 'Projects' }).getByRole('listitem')).toHaveCount(1);

  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open dataset…' }).click();
  await (await chooser).setFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  const confirm = page.getByRole('dialog', { name: 'Restore as a new project?' });
  await expect(confirm.getByTestId('restore-articles')).toHaveText('4');
  await expect(confirm.getByTestId('restore-annotations')).toHaveText('6');
  await page.screenshot({ path: testInfo.outputPath('restore-confirm.png') });
  await confirm.getByRole('button', { name: 'Restore project' }).click();

  const restoredName = `${ds.project.name} (restored)`;
  await expect(page.getByRole('heading', { level: 1, name: restoredName })).toBeVisible();
  const status = page.getByRole('status', { name: 'Status' });
  await expect(status).toContainText(`${ds.articles.length} articles`);
  await expect(status).toContainText('6 annotations');
  for (const article of ds.articles) await expect(page.getByRole('link', { name: new RegExp(article.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
  await page.getByRole('link', { name: /Council denies link/ }).click();
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  for (const a of ds.articles.find((x) => x.title.startsWith('Council'))?.annotations ?? []) await expect(panel).toContainText(a.quote.slice(0, 30));
  const counts = await annotationCountsByProject(page);
  expect(counts[restoredName]).toBe(6);
  expect(counts[ds.project.name]).toBe(6);
});

test('merges a coded dataset into the project as another coder’s work, with undo', async ({ page }, testInfo) => {
  await openSample(page);
  const json = await exportAndDownload(page, async () => {});
  await page.getByRole('dialog', { name: 'Export saved' }).getByRole('button', { name: 'Close' }).click();
  // Another coder's file: same articles, one annotation renamed to a different coder, one whose
  // quote is nowhere in the text (it must be reported, not dropped).
  const ds = JSON.parse(json.text) as ExportedDataset;
  const council = ds.articles.find((a) => a.title.startsWith('Council'))!;
  for (const a of council.annotations) a.coder = 'second coder';
  const lost = council.annotations[0]!;
  lost.quote = 'a sentence that the article never contained';
  lost.end = lost.start + [...lost.quote].length;
  // Offsets that drifted (their text had two more characters before it): placed again by quote.
  const shifted = council.annotations[1]!;
  shifted.start += 2;
  shifted.end += 2;
  const before = await annotationCountsByProject(page);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Merge coded dataset…/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('dialog', { name: 'Merge coded dataset' }).getByRole('button', { name: 'Choose dataset…' }).click();
  await (await chooser).setFiles({ name: 'second-coder.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ds)) });
  const preview = page.getByRole('dialog', { name: 'Merge this dataset?' });
  await expect(preview.getByTestId('merge-matched')).toHaveText('4');
  await expect(preview.getByTestId('merge-annotations')).toHaveText('5');
  await expect(preview.getByTestId('merge-orphans')).toHaveText('1');
  await expect(preview.getByTestId('merge-reanchored')).toHaveText('1');
  await expect(preview.getByRole('region', { name: 'Annotations not placed' })).toContainText('a sentence that the article never contained');
  await page.screenshot({ path: testInfo.outputPath('merge-preview.png') });
  await preview.getByRole('button', { name: /^Merge into/ }).click();
  const done = page.getByRole('dialog', { name: 'Dataset merged' });
  await expect(done.getByRole('status')).toContainText('5 annotations');
  await done.getByRole('button', { name: 'Close' }).click();
  const name = ds.project.name;
  expect((await annotationCountsByProject(page))[name]).toBe((before[name] ?? 0) + 5);
  // Every merged annotation sits where its quote is in this project's text (UTF-16 in the store).
  const store = await readStore(page);
  const merged = store.annotations.filter((a) => (a as unknown as { coder: string }).coder === 'second coder');
  expect(merged).toHaveLength(5);
  for (const a of merged) expect(store.texts[a.articleId]?.slice(a.start, a.end)).toBe(a.quote);
  expect(merged.map((a) => a.quote)).toContain(shifted.quote);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await annotationCountsByProject(page))[name]).toBe(before[name]);
});

test.describe('with a save picker', () => {
  // A stand-in for the browser's save picker: each call takes the next planned outcome (the user
  // cancels; the browser refuses without a fresh click; a save into memory, so the test can read
  // what the app wrote through the picker).
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const g = globalThis as unknown as { showSaveFilePicker: unknown; __saved: { name: string; text: string }[]; __plan: string[] };
      g.__saved = [];
      g.__plan = ['abort'];
      g.showSaveFilePicker = async ({ suggestedName }: { suggestedName: string }) => {
        const next = g.__plan.shift() ?? 'save';
        if (next === 'abort') throw new DOMException('The user aborted a request.', 'AbortError');
        if (next === 'gesture') throw new DOMException('Must be handling a user gesture to show a file picker.', 'SecurityError');
        return {
          name: `picked-${suggestedName}`,
          createWritable: async () => {
            let blob: Blob | null = null;
            return {
              write: async (data: Blob) => {
                blob = data;
              },
              close: async () => {
                g.__saved.push({ name: suggestedName, text: blob ? await blob.text() : '' });
              },
            };
          },
        };
      };
    });
    await page.reload();
  });

  test('says nothing was written when the save is cancelled, then saves through the picker', async ({ page }, testInfo) => {
    await openSample(page);
    let dialog = await openExportDialog(page);
    await dialog.getByRole('radio', { name: /W3C Web Annotation/ }).check();
    await dialog.getByRole('button', { name: /^Export \./ }).click();
    const cancelled = page.getByRole('dialog', { name: 'Export cancelled' });
    await expect(cancelled.getByRole('status')).toHaveText('Nothing was written.');
    await cancelled.getByRole('button', { name: 'Back' }).click();

    dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog.getByRole('radio', { name: /W3C Web Annotation/ })).toBeChecked();
    await dialog.getByRole('button', { name: /^Export \./ }).click();
    const saved = page.getByRole('dialog', { name: 'Export saved' });
    await expect(saved.getByTestId('export-location')).toHaveText(/^picked-.*\.jsonld$/);
    await expect(saved.getByRole('status')).toContainText('6 annotations');
    await page.screenshot({ path: testInfo.outputPath('export-saved.png') });
    const files = await page.evaluate(() => (globalThis as unknown as { __saved: { name: string; text: string }[] }).__saved);
    expect(files).toHaveLength(1);
    const collection = JSON.parse(files[0]?.text ?? '{}') as { type: string; total: number; first: { items: { motivation: string; target: { selector: { type: string }[] } }[] } };
    expect(collection.type).toBe('AnnotationCollection');
    const spans = collection.first.items.filter((i) => i.motivation === 'tagging' || i.motivation === 'classifying' || i.motivation === 'commenting' || Array.isArray(i.target?.selector));
    expect(spans.filter((i) => Array.isArray(i.target?.selector))).toHaveLength(6);
    expect(collection.total).toBe(collection.first.items.length);
  });

  test('keeps a built file when the browser wants a fresh click before its save dialog', async ({ page }) => {
    await openSample(page);
    await page.evaluate(() => {
      (globalThis as unknown as { __plan: string[] }).__plan = ['gesture'];
    });
    const dialog = await openExportDialog(page);
    await dialog.getByRole('radio', { name: /JSON Lines/ }).check();
    await dialog.getByRole('button', { name: /^Export \./ }).click();
    const ready = page.getByRole('dialog', { name: 'Export ready' });
    await expect(ready.getByRole('status')).toContainText('6 annotations');
    await ready.getByRole('button', { name: 'Save file…' }).click();
    await expect(page.getByRole('dialog', { name: 'Export saved' }).getByTestId('export-location')).toHaveText(/^picked-.*\.jsonl$/);
    const files = await page.evaluate(() => (globalThis as unknown as { __saved: { name: string; text: string }[] }).__saved);
    expect(files.map((f) => f.text.split('\n').filter(Boolean).length)).toEqual([4]);
  });
});

test('imports a REFI-QDA codebook as tags, with undo', async ({ page }, testInfo) => {
  await openSample(page);
  const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Another QDA tool">
  <Codes>
    <Code guid="0B5C7A0E-1111-4C3B-9C55-7C1C0D3F0001" name="Framing" isCodable="true" color="#AA3377">
      <Code guid="0B5C7A0E-1111-4C3B-9C55-7C1C0D3F0002" name="Economic framing" isCodable="true" color="#CC6677"/>
    </Code>
    <Code guid="0B5C7A0E-1111-4C3B-9C55-7C1C0D3F0003" name="Hedging" isCodable="true"/>
  </Codes>
</CodeBook>`;
  const tagNames = async () => (await page.evaluate(async () => {
    interface Req<T> { result: T; onsuccess: (() => void) | null }
    const idb = (globalThis as unknown as { indexedDB: { open(name: string): Req<{ transaction(s: string): { objectStore(s: string): { getAll(): Req<{ name: string }[]> } }; close(): void }> } }).indexedDB;
    const db = await new Promise<{ transaction(s: string): { objectStore(s: string): { getAll(): Req<{ name: string }[]> } }; close(): void }>((resolve) => {
      const req = idb.open('presswork');
      req.onsuccess = () => resolve(req.result);
    });
    const tags = await new Promise<{ name: string }[]>((resolve) => {
      const req = db.transaction('tags').objectStore('tags').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return tags.map((t) => t.name);
  })).sort();
  const before = await tagNames();

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Import codebook \(\.qdc\)…/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('dialog', { name: 'Import codebook' }).getByRole('button', { name: 'Choose .qdc file…' }).click();
  await (await chooser).setFiles({ name: 'framing.qdc', mimeType: 'application/xml', buffer: Buffer.from(qdc) });
  const preview = page.getByRole('dialog', { name: 'Import this codebook?' });
  await expect(preview.getByRole('list', { name: 'Tags to add' }).getByRole('listitem')).toHaveText(['Framing', 'Economic framing', 'Hedging']);
  await page.screenshot({ path: testInfo.outputPath('qdc-preview.png') });
  await preview.getByRole('button', { name: 'Add 3 tags' }).click();
  await page.getByRole('dialog', { name: 'Codebook imported' }).getByRole('button', { name: 'Close' }).click();
  expect(await tagNames()).toEqual([...before, 'Economic framing', 'Framing', 'Hedging'].sort());

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(tagNames).toEqual(before);
});

test('exports a larger project (2,000 articles, 50,000 annotations) read in batches, offsets exact after emoji', async ({ page }) => {
  test.setTimeout(120_000);
  await openSample(page);
  const ARTICLES = 2000;
  const PER_ARTICLE = 25;
  // Stored straight into IndexedDB (the importer is tested elsewhere): each text has astral
  // characters before its annotations, so UTF-16 and code point offsets differ.
  await page.evaluate(
    async ({ ARTICLES, PER_ARTICLE }) => {
      interface Req<T> {
        result: T;
        error: unknown;
        onsuccess: (() => void) | null;
        onerror: (() => void) | null;
      }
      interface Store {
        getAll(): Req<unknown[]>;
        put(v: unknown): void;
      }
      interface Tx {
        objectStore(name: string): Store;
        oncomplete: (() => void) | null;
        onerror: (() => void) | null;
      }
      interface Idb {
        transaction(stores: string | string[], mode?: 'readwrite'): Tx;
        close(): void;
      }
      const idb = (globalThis as unknown as { indexedDB: { open(name: string): Req<Idb> } }).indexedDB;
      const db = await new Promise<Idb>((resolve, reject) => {
        const req = idb.open('presswork');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = (store: string) =>
        new Promise<Record<string, unknown>[]>((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
        });
      const project = (await all('projects'))[0]!;
      const tag = (await all('tags')).find((t) => t.name === 'Claim')!;
      const tx = db.transaction(['articles', 'articleTexts', 'annotations'], 'readwrite');
      const now = new Date().toISOString();
      for (let i = 0; i < ARTICLES; i++) {
        const id = `bulk-${i}`;
        const sentences = Array.from({ length: PER_ARTICLE }, (_, k) => `Sentence ${k} of report ${i} 🌊 says the river 𝐀 is clean.`);
        const text = `Report ${i} 🏛️\n\n${sentences.join(' ')}`;
        tx.objectStore('articles').put({ id, projectId: project.id, title: `Bulk report ${i}`, meta: {}, source: { file: 'bulk' }, contentHash: `bulk-${i}`, status: 'todo', labels: [], importedAt: now, order: 100 + i });
        tx.objectStore('articleTexts').put({ articleId: id, text });
        let from = 0;
        for (let k = 0; k < PER_ARTICLE; k++) {
          const quote = `the river 𝐀 is clean`;
          const start = text.indexOf(quote, from);
          from = start + 1;
          tx.objectStore('annotations').put({ id: `${id}-a${k}`, projectId: project.id, articleId: id, tagId: tag.id, start, end: start + quote.length, quote, prefix: '', suffix: '', attributes: {}, coder: 'bulk', createdAt: now, updatedAt: now });
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error('seeding failed'));
      });
      db.close();
    },
    { ARTICLES, PER_ARTICLE },
  );
  await page.reload();

  const started = Date.now();
  const json = await exportAndDownload(page, async () => {});
  const elapsed = Date.now() - started;
  await expect(page.getByRole('dialog', { name: 'Export saved' }).getByRole('status')).toContainText(`${(ARTICLES + 4).toLocaleString('en-US')} articles and ${(ARTICLES * PER_ARTICLE + 6).toLocaleString('en-US')} annotations`);
  const ds = JSON.parse(json.text) as ExportedDataset;
  expect(ds.articles).toHaveLength(ARTICLES + 4);
  // One expect over all of them: Playwright's expect costs milliseconds per call.
  let n = 0;
  const wrong: string[] = [];
  for (const article of ds.articles) {
    const cps = [...article.text];
    for (const a of article.annotations) {
      if (cps.slice(a.start, a.end).join('') !== a.quote) wrong.push(a.id);
      n++;
    }
  }
  expect(wrong).toEqual([]);
  expect(n).toBe(ARTICLES * PER_ARTICLE + 6);
  // Code points, not UTF-16: the first bulk annotation starts after one emoji (two UTF-16 units, one code point).
  const first = ds.articles.find((a) => a.id === 'bulk-0')!;
  expect(first.annotations[0]!.start).toBe([...first.text.slice(0, first.text.indexOf('the river'))].length);
  expect(first.annotations[0]!.start).toBeLessThan(first.text.indexOf('the river'));
  test.info().annotations.push({ type: 'timing', description: `JSON export of ${n} annotations: ${elapsed} ms (${(json.text.length / 1e6).toFixed(1)} MB)` });
  await page.getByRole('dialog', { name: 'Export saved' }).getByRole('button', { name: 'Close' }).click();

  const csv = await exportAndDownload(page, async (d) => {
    await d.getByRole('radio', { name: /CSV, one row per annotation/ }).check();
  });
  const csvFiles = Object.values(unzipSync(await readFile(csv.path)));
  expect(strFromU8(csvFiles[0]!).split('\r\n').filter(Boolean)).toHaveLength(1 + ARTICLES * PER_ARTICLE + 6);
  await page.getByRole('dialog', { name: 'Export saved' }).getByRole('button', { name: 'Close' }).click();

  // In a long library the article checklist is filtered rather than scrolled.
  const one = await exportAndDownload(page, async (d) => {
    await d.getByRole('radio', { name: /JSON Lines/ }).check();
    await d.getByRole('radio', { name: /Selected articles/ }).check();
    await expect(d.getByText('more; type to narrow the list')).toBeVisible();
    await d.getByRole('searchbox', { name: 'Filter articles' }).fill('Bulk report 1999');
    await d.getByRole('button', { name: 'Select shown' }).click();
  });
  const lines = one.text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { title: string; annotations: unknown[] });
  expect(lines.map((l) => [l.title, l.annotations.length])).toEqual([['Bulk report 1999', PER_ARTICLE]]);
});
