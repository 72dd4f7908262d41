import type { BrowserContext, Locator, Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchProfile, test } from './fixtures.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { selectWithMouse } from './helpers.ts';
import { cohenKappaRef, tokenTable, unitizingAlphaRef } from './agreement-reference.ts';
import { contentHash } from '../shared/import/content-hash.ts';
import { DATASET_VERSION, type Dataset, type DatasetArticle } from '../shared/dataset/dataset.ts';

// A reliability study end to end (issue #10): the lead assigns both articles to ann and bob and
// exports a package for each; each coder opens theirs in a separate installation (own browser
// profile), codes different spans blind and exports; the lead merges both files back and the
// agreement screen shows the uα and κ computed here, independently, from the coders' own files.

const T = '2026-01-01T00:00:00.000Z';
const TEXTS = {
  bridge: 'The minister said the bridge will open in May. Critics doubt the plan entirely.',
  prices: 'Officials claim prices fell sharply last year. Farmers disagree with them strongly.',
};

function article(id: string, title: string, text: string): DatasetArticle {
  return { id, title, text, meta: { outlet: 'Daily' }, status: 'todo', labels: [], source: { file: `${id}.txt` }, contentHash: contentHash(text), importedAt: T, annotations: [], relations: [] };
}

/** The lead's corpus: two articles, a codebook whose Claim tag has the key 1, no coding yet. */
const LEAD: Dataset = {
  format: 'presswork-dataset',
  version: DATASET_VERSION,
  exportedAt: T,
  generator: 'Presswork',
  offsets: { unit: 'code-point', end: 'exclusive' },
  project: { id: 'lead', name: 'Study', createdAt: T, updatedAt: T },
  codebook: {
    categories: [{ id: 'claim', name: 'Claim', level: 'span', color: '#aa3377', builtIn: true, attributes: [] }],
    tags: [{ id: 'c', name: 'Claim', category: 'claim', parent: null, color: '#aa3377', description: '', shortcut: '1', order: 0, createdAt: T }],
  },
  actors: [],
  articles: [article('a-bridge', 'Bridge', TEXTS.bridge), article('a-prices', 'Prices', TEXTS.prices)],
};

/** What each coder marks as a claim (different spans, so agreement is neither 0 nor 1). */
const CODING: Record<string, { title: string; phrase: string }[]> = {
  ann: [
    { title: 'Bridge', phrase: 'the bridge will open in May' },
    { title: 'Prices', phrase: 'prices fell sharply' },
  ],
  bob: [
    { title: 'Bridge', phrase: 'the bridge will open' },
    { title: 'Prices', phrase: 'prices fell sharply' },
    { title: 'Prices', phrase: 'Farmers disagree' },
  ],
};

/**
 * uα and Cohen's κ from the coders' exported files, computed here with the test's own formulas
 * (e2e/agreement-reference.ts, not the app's code): code points; articles matched by text, tags
 * by name (each coder's project gave the tags ids of its own).
 */
function expected(files: Record<string, Dataset>) {
  const coders = Object.keys(files).sort();
  const texts = [...new Set(coders.flatMap((c) => files[c]!.articles.map((a) => a.text)))];
  const idOf = (text: string) => `t${texts.indexOf(text)}`;
  const spans = coders.flatMap((coder) => files[coder]!.articles.flatMap((a) => a.annotations.map((x) => ({ articleId: idOf(a.text), coder, start: x.start, end: x.end, tag: x.tagName }))));
  const articles = texts.map((text) => ({ id: idOf(text), text, coders }));
  return { ua: unitizingAlphaRef(articles, coders, spans).toFixed(3), kappa: cohenKappaRef(tokenTable(articles, coders, spans)).toFixed(3) };
}

/** Saves go through the download path (Playwright cannot drive the native save picker). */
async function useDownloads(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(globalThis, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  await page.reload();
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await click();
  const d = await pending;
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

async function openFile(page: Page, button: Locator, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function mergeFile(page: Page, name: string, text: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Merge coded dataset…/ }).click();
  await openFile(page, page.getByRole('dialog', { name: 'Merge coded dataset' }).getByRole('button', { name: 'Choose dataset…' }), name, text);
  const preview = page.getByRole('dialog', { name: 'Merge this dataset?' });
  await expect(preview).toBeVisible();
  return preview;
}

const coderRow = (page: Page, scope: Locator, coder: string) => scope.getByRole('row').filter({ has: page.getByRole('rowheader', { name: coder, exact: true }) });

/** One coder in their own installation: opens the package, codes blind, exports their dataset. */
async function codeAsCoder(baseURL: string, coder: string, pkg: { name: string; text: string }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `presswork-${coder}-`));
  let context: BrowserContext | undefined;
  try {
    context = await launchProfile(dir);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseURL);
    await useDownloads(page);
    await openFile(page, page.getByRole('button', { name: 'Open dataset…' }), pkg.name, pkg.text);
    const confirm = page.getByRole('dialog', { name: 'Open coder package?' });
    await expect(confirm).toContainText(`${coder}’s assignment in “Study”: 2 articles`);
    await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });
    await page.screenshot({ path: `/tmp/packages-shots/package-${coder}.png` });
    await confirm.getByRole('button', { name: `Start coding as ${coder}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Study — ${coder}` })).toBeVisible({ timeout: 30_000 });
    // Blind: the coder's name is set and the reader shows their own layer only.
    await expect(page.getByRole('button', { name: new RegExp(`Coder: ${coder}\\.`) }).first()).toBeVisible();
    await expect(page.getByLabel('Layer')).toHaveValue('mine');

    const count = page.getByRole('complementary', { name: 'Annotations' }).getByLabel('Annotation count');
    for (const title of ['Bridge', 'Prices']) {
      await page.getByRole('link', { name: new RegExp(title) }).click();
      await expect(page.getByRole('heading', { name: title })).toBeVisible();
      // Nobody's work came with the package.
      await expect(count).toHaveText('0');
      const spans = CODING[coder]!.filter((c) => c.title === title);
      for (const [i, span] of spans.entries()) {
        await selectWithMouse(page, span.phrase);
        await page.keyboard.press('1');
        await expect(count).toHaveText(String(i + 1));
      }
      if (title === 'Prices') await page.screenshot({ path: `/tmp/packages-shots/coding-${coder}.png` });
    }

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('button', { name: /^Export…/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const file = await download(page, () => dialog.getByRole('button', { name: /^Export \./ }).click());
    await expect(page.getByRole('dialog', { name: 'Export saved' })).toBeVisible();
    return file.text;
  } finally {
    await context?.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

test('a reliability study: assign, export packages, code blind in two installations, merge back, agreement as computed independently', async ({ page, baseURL }) => {
  // Three installations on a shared machine: each step is quick, but there are many (9 min at load 25).
  test.setTimeout(900_000);
  await useDownloads(page);

  // The lead's project.
  await openFile(page, page.getByRole('button', { name: 'Open dataset…' }), 'study.json', JSON.stringify(LEAD));
  await page.getByRole('dialog', { name: 'Restore as a new project?' }).getByRole('button', { name: 'Restore project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();

  // Assign the articles the library shows (both) to ann and bob.
  await page.getByRole('button', { name: 'Assignments' }).click();
  const screen = page.getByRole('dialog', { name: 'Assignments' });
  await expect(screen.getByRole('region', { name: 'Coders' })).toContainText('No article is assigned yet');
  await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });
  await screen.getByRole('textbox', { name: 'Coders' }).fill('ann, bob');
  await expect(screen.getByRole('radio', { name: /Shown in the library \(2 articles/ })).toBeChecked();
  await screen.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(screen.getByRole('status')).toHaveText(/2 articles assigned to ann, bob \(4 new assignments\)/);
  for (const coder of ['ann', 'bob']) {
    await expect(coderRow(page, screen, coder).getByRole('cell').nth(0)).toHaveText('2');
    await expect(coderRow(page, screen, coder).getByRole('cell').nth(1)).toHaveText('Not yet');
  }

  // Unassigning is one undoable step.
  await screen.getByRole('button', { name: 'Unassign bob' }).click();
  await expect(coderRow(page, screen, 'bob')).toHaveCount(0);
  await screen.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('button', { name: 'Assignments' }).click();
  await expect(coderRow(page, screen, 'bob').getByRole('cell').nth(0)).toHaveText('2');

  // One package per coder: the codebook and the assigned articles, nobody's annotations.
  const packages: Record<string, { name: string; text: string }> = {};
  for (const coder of ['ann', 'bob']) {
    packages[coder] = await download(page, () => screen.getByRole('button', { name: `Export package for ${coder}` }).click());
    expect(packages[coder]!.name).toBe(`Study-${coder}.presswork.json`);
    const pkg = JSON.parse(packages[coder]!.text) as Dataset;
    expect(pkg.package?.coder).toBe(coder);
    expect(pkg.package?.leadProject.name).toBe('Study');
    expect(pkg.articles.map((a) => a.title).sort()).toEqual(['Bridge', 'Prices']);
    expect(pkg.articles.flatMap((a) => a.annotations)).toEqual([]);
    expect(pkg.codebook.tags.map((t) => t.name)).toEqual(['Claim']);
  }
  await expect(screen.getByRole('status')).toContainText('bob’s package saved (2 articles, no annotations)');
  await screen.getByRole('button', { name: 'Close' }).click();

  // Each coder in a separate installation.
  const returned: Record<string, string> = {};
  for (const coder of ['ann', 'bob']) returned[coder] = await codeAsCoder(baseURL ?? '/', coder, packages[coder]!);
  const files = Object.fromEntries(Object.entries(returned).map(([c, text]) => [c, JSON.parse(text) as Dataset]));
  for (const coder of ['ann', 'bob']) {
    const anns = files[coder]!.articles.flatMap((a) => a.annotations);
    expect(anns.map((a) => a.quote).sort()).toEqual(CODING[coder]!.map((c) => c.phrase).sort());
    expect(new Set(anns.map((a) => a.coder))).toEqual(new Set([coder]));
  }
  const want = expected(files);
  // By hand, on words: 26 tokens, the coders differ on 4 ("in May", "Farmers disagree"); each
  // marked 9 of 26 as claims: p_o = 22/26, p_e = (9² + 17²)/26² = 370/676, κ = 202/306 = .660.
  expect(want.kappa).toBe((202 / 306).toFixed(3));

  // The lead merges both files: each coder's work is their own layer, reported per coder.
  for (const coder of ['ann', 'bob']) {
    const preview = await mergeFile(page, `${coder}.json`, returned[coder]!);
    const perCoder = preview.getByRole('table', { name: 'Per coder' });
    await expect(coderRow(page, perCoder, coder).getByRole('cell').nth(1)).toHaveText(String(CODING[coder]!.length));
    await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });
    await page.screenshot({ path: `/tmp/packages-shots/merge-${coder}.png` });
    await preview.getByRole('button', { name: /^Merge into/ }).click();
    const done = page.getByRole('dialog', { name: 'Dataset merged' });
    await expect(coderRow(page, done.getByRole('table', { name: 'Per coder' }), coder).getByRole('cell').nth(1)).toHaveText(String(CODING[coder]!.length));
    await done.getByRole('button', { name: 'Close' }).click();
  }
  // Merging the same file again adds nothing.
  const again = await mergeFile(page, 'ann.json', returned.ann!);
  await expect(again.getByRole('status')).toHaveText(/Nothing new/);
  await expect(coderRow(page, again.getByRole('table', { name: 'Per coder' }), 'ann').getByRole('cell').nth(1)).toHaveText('0');
  await again.getByRole('button', { name: 'Cancel' }).click();

  // The assignments screen shows whose work has come back.
  await page.getByRole('button', { name: 'Assignments' }).click();
  for (const coder of ['ann', 'bob']) await expect(coderRow(page, screen, coder).getByRole('cell').nth(1)).toHaveText('2 of 2 articles coded');
  await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });
  await page.screenshot({ path: 'resources/screenshots/assignments.png' });
  await screen.getByRole('button', { name: 'Close' }).click();

  // The lead can show one layer or all.
  await page.getByRole('link', { name: /Prices/ }).click();
  const count = page.getByRole('complementary', { name: 'Annotations' }).getByLabel('Annotation count');
  const layer = page.getByLabel('Layer');
  await layer.selectOption({ label: 'All coders' });
  await expect(count).toHaveText('3');
  await layer.selectOption({ label: 'bob' });
  await expect(count).toHaveText('2');
  await layer.selectOption({ label: 'ann' });
  await expect(count).toHaveText('1');

  // Agreement: uα and κ equal to the figures computed above.
  await page.getByRole('button', { name: 'Agreement' }).click();
  const agreement = page.getByRole('dialog', { name: 'Agreement' });
  await expect(agreement.getByRole('checkbox', { name: 'ann' })).toBeChecked();
  await expect(agreement.getByRole('checkbox', { name: 'bob' })).toBeChecked();
  await agreement.getByRole('button', { name: 'Compute agreement' }).click();
  await expect(agreement.getByRole('status').filter({ hasText: 'coders ann, bob' })).toBeVisible({ timeout: 60_000 });
  const figure = (variable: string, measure: string) =>
    agreement
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: variable, exact: true }) })
      .filter({ has: page.getByRole('cell', { name: measure, exact: true }) })
      .locator('.agreement-value');
  await expect(figure('All span categories', 'uα')).toHaveText(want.ua);
  await expect(figure('All span categories', "Cohen's κ")).toHaveText(want.kappa);
});

test('a stored sample is assigned and packaged with its seed, articles can be chosen by hand, and a sample exports on its own', async ({ page }) => {
  test.setTimeout(300_000);
  await useDownloads(page);
  const extra = [article('a-roads', 'Roads', 'Roads were repaired in the north. Drivers are pleased.'), article('a-schools', 'Schools', 'Two schools open in autumn. Parents wait.')];
  await openFile(page, page.getByRole('button', { name: 'Open dataset…' }), 'study.json', JSON.stringify({ ...LEAD, articles: [...LEAD.articles, ...extra] }));
  await page.getByRole('dialog', { name: 'Restore as a new project?' }).getByRole('button', { name: 'Restore project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Study' })).toBeVisible();

  // A simple random sample of 2 of the 4 articles, seed 7.
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Draw sample…' }).click();
  const draw = page.getByRole('dialog', { name: 'Draw sample' });
  await draw.getByLabel('Name').fill('Pilot');
  await draw.getByLabel('Articles').fill('2');
  await draw.getByLabel('Seed').fill('7');
  await draw.getByRole('button', { name: 'Draw' }).click();
  await expect(draw).toBeHidden();

  await page.getByRole('button', { name: 'Assignments' }).click();
  const screen = page.getByRole('dialog', { name: 'Assignments' });
  await screen.getByRole('textbox', { name: 'Coders' }).fill('cat');
  await screen.getByRole('radio', { name: /A sample/ }).check();
  await expect(screen.getByRole('combobox', { name: 'Sample' })).toHaveValue(/.+/);
  await screen.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(coderRow(page, screen, 'cat').getByRole('cell').nth(0)).toHaveText('2');
  // By hand: one article to dan.
  await screen.getByRole('textbox', { name: 'Coders' }).fill('dan');
  await screen.getByRole('radio', { name: /Chosen by hand/ }).check();
  await screen.getByRole('list', { name: 'Articles to assign' }).getByRole('checkbox', { name: 'Roads' }).check();
  await expect(screen.getByRole('radio', { name: 'Chosen by hand (1 chosen)' })).toBeChecked();
  await screen.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(coderRow(page, screen, 'dan').getByRole('cell').nth(0)).toHaveText('1');
  await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });

  const cat = JSON.parse((await download(page, () => screen.getByRole('button', { name: 'Export package for cat' }).click())).text) as Dataset;
  const sample = cat.package?.assignment.sample;
  expect(sample).toMatchObject({ name: 'Pilot', method: 'simple', size: 2, seed: 7 });
  expect([...(sample?.articleIds ?? [])].sort()).toEqual([...(cat.package?.assignment.articleIds ?? [])].sort());
  expect(cat.articles).toHaveLength(2);
  const dan = JSON.parse((await download(page, () => screen.getByRole('button', { name: 'Export package for dan' }).click())).text) as Dataset;
  expect(dan.articles.map((a) => a.title)).toEqual(['Roads']);
  expect(dan.package?.assignment.sample).toBeUndefined();
  await screen.getByRole('button', { name: 'Close' }).click();

  // The sample on its own: its articles, and only that sample recorded with its seed.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Export…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /A sample/ }).check();
  const file = await download(page, () => dialog.getByRole('button', { name: /^Export \./ }).click());
  expect(file.name).toMatch(/^Study-Pilot-\d{4}-\d\d-\d\d\.json$/);
  const exported = JSON.parse(file.text) as Dataset;
  expect(exported.samples?.map((s) => [s.name, s.seed])).toEqual([['Pilot', 7]]);
  expect(exported.articles.map((a) => a.id).sort()).toEqual([...(exported.samples?.[0]?.articleIds ?? [])].sort());
  expect(exported.articles.map((a) => a.title).sort()).toEqual(cat.articles.map((a) => a.title).sort());
});
