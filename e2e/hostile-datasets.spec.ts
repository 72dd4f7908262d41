// Issue #13, "Datasets and the app": hostile or broken datasets are refused with a message, the
// same way the CLI refuses them, and a bad record already in the store does not blank a project.
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { bandColours, readStore } from './helpers.ts';
import { buildDataset } from '../shared/dataset/dataset.ts';
import { fixtureInput } from '../shared/dataset/fixtures/fixture-project.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';

const CLI = fileURLToPath(new URL('../cli/bin.mjs', import.meta.url));
const HOSTILE_COLOUR = '#000000) {} .reader-text p {display:none} .topbar::after {content:"please re-enter your password"} ::highlight(x';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests spoil arbitrary JSON
type Json = any;

function dataset(mutate: (d: Json) => void = () => {}): Json {
  const d = JSON.parse(JSON.stringify(buildDataset(fixtureInput())));
  mutate(d);
  return d;
}

async function openDatasetFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open dataset…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The dialog that refuses a file: its message and its problem lines. */
async function expectRefused(page: Page, message: RegExp | string, problem?: RegExp | string): Promise<void> {
  const refused = page.getByRole('dialog', { name: 'This file cannot be opened' });
  await expect(refused.getByRole('alert')).toContainText(message);
  if (problem) await expect(refused.getByRole('listitem').filter({ hasText: problem })).toHaveCount(1);
  await refused.getByRole('button', { name: 'Close' }).click();
  await expect(refused).toBeHidden();
}

/** Sets fields of stored records straight in IndexedDB (no app code), as a bad record would be. */
async function patchStore(page: Page, store: string, match: Record<string, unknown>, set: Record<string, unknown>): Promise<number> {
  return page.evaluate(
    async ({ store, match, set }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('presswork');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(store, 'readwrite');
      const os = tx.objectStore(store);
      const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = os.getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
        req.onerror = () => reject(req.error);
      });
      let changed = 0;
      for (const record of all) {
        if (Object.entries(match).every(([k, v]) => record[k] === v)) {
          os.put({ ...record, ...set });
          changed++;
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return changed;
    },
    { store, match, set },
  );
}

async function openSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.getByRole('link', { name: /Council denies link/ })).toBeVisible();
}

test('refuses, with a message, a dataset the CLI refuses: a tag colour “orange”', async ({ page }, testInfo) => {
  const text = JSON.stringify(dataset((d) => (d.codebook.tags[0].color = 'orange')));
  const dir = await mkdtemp(join(tmpdir(), 'presswork-hostile-'));
  try {
    const file = join(dir, 'orange.json');
    await writeFile(file, text);
    let cli = '';
    expect(() => {
      try {
        execFileSync(process.execPath, [CLI, 'validate', file], { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        cli = String((e as { stdout?: string }).stdout);
        throw e;
      }
    }).toThrow();
    expect(cli).toContain('schema: /codebook/tags/0/color must be a colour of the form #rrggbb');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  await openDatasetFile(page, 'orange.json', text);
  await page.screenshot({ path: testInfo.outputPath('refused-orange.png') });
  await expectRefused(page, 'has a problem; nothing was imported', '/codebook/tags/0/color must be a colour of the form #rrggbb');
  expect((await readStore(page)).projects).toEqual([]);
});

test('a colour carrying CSS is refused on restore, and one already stored injects no style', async ({ page }) => {
  // Restore: refused by the schema, nothing created, nothing injected.
  await openDatasetFile(page, 'hostile.json', JSON.stringify(dataset((d) => d.codebook.tags.forEach((t: Json) => (t.color = HOSTILE_COLOUR)))));
  await expectRefused(page, 'nothing was imported', '/codebook/tags/0/color must be a colour of the form #rrggbb');
  expect((await readStore(page)).projects).toEqual([]);

  // A hostile colour already in the store (written by an older version): the painter ignores it.
  await openSample(page);
  expect(await patchStore(page, 'tags', {}, { color: HOSTILE_COLOUR })).toBeGreaterThan(0);
  await page.reload();
  await page.getByRole('link', { name: /Council denies link/ }).click();
  const paragraph = page.locator('.reader-text p').first();
  await expect(paragraph).toBeVisible();
  // The annotations are still painted, in the neutral colour the painter falls back to.
  await expect.poll(async () => bandColours(page, await page.locator('.reader-text').screenshot())).toContain('#888888');
  const injected = await page.evaluate(() => ({
    after: getComputedStyle(document.querySelector('.topbar')!, '::after').content,
    rules: [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).filter((t) => t.includes('password') || t.includes('display')),
  }));
  expect(injected).toEqual({ after: 'none', rules: [] });
  await expect(page.locator('.topbar')).not.toContainText('password');
});

test('a title of the wrong type already in the store: the library and reader name the article and skip it', async ({ page }, testInfo) => {
  await openSample(page);
  const { projects } = await readStore(page);
  const projectId = projects[0]!.id;
  const bad = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('presswork');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<{ id: string; title: string }[]>((resolve) => {
      const req = db.transaction('articles').objectStore('articles').getAll();
      req.onsuccess = () => resolve(req.result as { id: string; title: string }[]);
    });
    db.close();
    return all.find((a) => a.title.startsWith('Council'))!.id;
  });
  // What a restore without type checks used to store (React error #31 on render).
  expect(await patchStore(page, 'articles', { id: bad }, { title: { $$typeof: 'not text', props: {} } })).toBe(1);
  await page.goto(`/#/project/${encodeURIComponent(projectId)}/article/${encodeURIComponent(bad)}`);
  await page.reload();

  const reader = page.getByRole('region', { name: 'Reader' });
  await expect(reader.getByRole('alert')).toContainText(`The article with id ${bad} has a field of the wrong type`);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('alert')).toContainText(`Unreadable article with id ${bad}`);
  // The rest of the project still works: the other articles are listed.
  await expect(library.getByRole('link', { name: /Dock workers/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('bad-record.png') });

  await reader.getByRole('button', { name: 'Skip this article' }).click();
  await expect(library.getByRole('status')).toHaveText('1 unreadable article is hidden until the project is opened again.');
  await expect(library.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.reader-title')).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(bad));
  await library.getByRole('link', { name: /Dock workers/ }).click();
  await expect(page.locator('.reader-title')).toContainText('Dock workers');
  await expect(page.locator('.reader-text p').first()).toBeVisible();
});

test('restore reports every failure in the dialog: NaN in an article, an article without annotations, a note nested 100,000 levels', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  const nan = JSON.stringify(dataset(), null, 2).replace(/"start": \d+/, '"start": NaN');
  await openDatasetFile(page, 'nan.json', nan);
  await expectRefused(page, 'nothing was imported', /articles\[0\] is not valid JSON/);

  await openDatasetFile(page, 'no-annotations.json', JSON.stringify(dataset((d) => delete d.articles[1].annotations)));
  await expectRefused(page, 'nothing was imported', "/articles/1 must have required property 'annotations'");

  let doc = '{"type":"text","text":"deep"}';
  for (let i = 0; i < 100_000; i++) doc = `{"type":"paragraph","content":[${doc}]}`;
  const deep = JSON.stringify(dataset((d) => (d.articles[0].annotations[0].note = { text: 'deep', doc: 'DOC' }))).replace('"DOC"', doc);
  await openDatasetFile(page, 'deep.json', deep);
  await expectRefused(page, 'nothing was imported', /note\/doc is nested more than \d+ levels deep/);

  expect(errors).toEqual([]);
  expect((await readStore(page)).projects).toEqual([]);
});

test('restore lists the relations it could not keep next to the annotations it could not place (issue #9 item 6)', async ({ page }) => {
  // The claim's quote is not in the text any more: the annotation is an orphan, and its two relations cannot be kept.
  const broken = dataset((d) => {
    const claim = d.articles[0].annotations.find((a: Json) => a.id === 'ann-claim-hold');
    claim.quote = 'a claim that the article never made';
  });
  await openDatasetFile(page, 'broken-claim.json', JSON.stringify(broken));
  await page.getByRole('dialog', { name: 'Restore as a new project?' }).getByRole('button', { name: 'Restore project' }).click();
  const done = page.getByRole('dialog', { name: 'Project restored' });
  await expect(done.getByRole('region', { name: 'Annotations not placed' })).toContainText('a claim that the article never made');
  const links = done.getByRole('region', { name: 'Links not kept' });
  await expect(links.getByRole('heading')).toHaveText('2 links could not be kept');
  await expect(links.getByRole('listitem')).toHaveText([/relation “claimant” not kept: its annotation “a claim that the article never made” could not be placed/, /relation “according-to” not kept/]);
  await expectNoSeriousAxeViolations(page, { include: 'dialog' });
  await page.screenshot({ path: '/tmp/h13rest-shots/restore-links-not-kept.png' });
  await done.getByRole('button', { name: 'Open project' }).click();
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('8 annotations');
});

test('a CSV export says where it wrote U+FFFD for a lone surrogate', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    // The download path (Playwright cannot drive the native save picker).
    Object.defineProperty(globalThis, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  await page.reload();
  await openSample(page);
  // A title with half of an emoji, as a broken scraper leaves it (stored as is by an older version).
  expect(await patchStore(page, 'articles', { order: 0 }, { title: 'Broken \ud83d title' })).toBe(1);
  await page.reload();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Export…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /CSV, one row per annotation/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Export \./ }).click();
  await download;
  const saved = page.getByRole('dialog', { name: 'Export saved' });
  await expect(saved.getByRole('alert')).toContainText('each was written as U+FFFD');
  await expect(saved.getByRole('list', { name: 'Characters replaced' }).getByRole('listitem')).toHaveText([/title: lone surrogate U\+D83D at code point 7 written as U\+FFFD/]);
  await page.screenshot({ path: testInfo.outputPath('export-replaced.png') });
});
