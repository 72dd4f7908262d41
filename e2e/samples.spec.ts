import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';

const OUTLETS = [
  ['Harbour Gazette', 15, 'en'],
  ['Coastline Daily', 10, 'en'],
  ['Северный вестник', 5, 'ru'],
] as const;

const WORDS = ['council', 'river', 'harbour', 'budget', 'school', 'bridge', 'market', 'ferry', 'tram', 'library', 'festival', 'clinic'];
const RU_WORDS = ['мост', 'рынок', 'школа', 'бюджет', 'паром', 'трамвай'];

/** 30 articles over three outlets (15/10/5), two languages, and four months of 2026. */
function corpus(): Buffer {
  const lines: string[] = [];
  let n = 0;
  for (const [outlet, count, language] of OUTLETS) {
    for (let i = 0; i < count; i++, n++) {
      const a = WORDS[n % WORDS.length] as string;
      const b = WORDS[(n * 5 + 3) % WORDS.length] as string;
      const ru = RU_WORDS[n % RU_WORDS.length] as string;
      // Languages are detected from the text: the Russian outlet writes in Russian.
      const text =
        language === 'ru'
          ? `Статья номер ${n + 1} подробно рассказывает о том, что происходит с темой «${ru}» в нашем городе.\n\nВо втором абзаце жители ${n + 1} раз говорят, что они думают об этом, и редакция обещает вернуться к теме.`
          : `Article number ${n + 1} looks at the ${a} in detail, with figures from the ${b} office.\n\nIts second paragraph quotes residents ${n + 1} times and ends with a note on the ${a} and ${b}.`;
      lines.push(
        JSON.stringify({
          title: `Report ${n + 1}: the ${a} and the ${b}`,
          text,
          outlet,
          language,
          date: `2026-0${3 + (n % 4)}-1${n % 10}`,
        }),
      );
    }
  }
  return Buffer.from(lines.join('\n') + '\n');
}

// Playwright cannot drive the native save picker: take the download path (same bytes).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(globalThis, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  await page.reload();
});

async function importCorpus(page: Page) {
  await page.getByLabel('New project name').fill('Sampling study');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Sampling study' })).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  await (await chooser).setFiles([{ name: 'corpus.jsonl', mimeType: 'application/x-ndjson', buffer: corpus() }]);
  const dialog = page.getByRole('dialog', { name: 'Import finished' });
  await expect(dialog).toBeVisible({ timeout: 45_000 });
  await expect(dialog.getByTestId('import-added')).toHaveText('30');
  await dialog.getByRole('button', { name: 'Close' }).click();
}

function libraryOf(page: Page) {
  return page.getByRole('navigation', { name: 'Library' });
}

/** Titles of the articles the library lists (all of them: the sample is small enough to be on screen). */
async function listedTitles(page: Page): Promise<string[]> {
  return (await libraryOf(page).getByRole('list', { name: 'Articles' }).locator('.article-item-title').allTextContents()).sort();
}

async function drawSample(page: Page, name: string, size: number, seed: number) {
  await libraryOf(page).getByRole('button', { name: 'Draw sample…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Draw sample' });
  await expect(dialog).toContainText('From 30 articles: All articles.');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('radio', { name: 'Stratified' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'By outlet' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'Equal' }).check();
  await dialog.getByLabel('Articles').fill(String(size));
  await dialog.getByLabel('Seed').fill(String(seed));
  return dialog;
}

test('library filters show as removable chips with facet counts; a stratified sample drawn twice with one seed holds the same articles, and the export records it', async ({ page }) => {
  await importCorpus(page);
  const library = libraryOf(page);
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('listitem')).not.toHaveCount(0);

  // Facets: counts per outlet and language; choosing values makes chips.
  await library.getByRole('button', { name: 'Filters' }).click();
  const panel = library.getByRole('group', { name: 'Filters' });
  const outlet = panel.getByLabel('Outlet');
  await expect(outlet.locator('option')).toHaveText(['Any', 'Harbour Gazette (15)', 'Coastline Daily (10)', 'Северный вестник (5)']);
  await expect(panel.getByLabel('Language').locator('option')).toHaveText(['Any', 'English (en) (25)', 'Russian (ru) (5)']);
  await panel.getByLabel('Language').selectOption('en');
  // The outlet facet now counts among English articles only.
  await expect(outlet.locator('option')).toHaveText(['Any', 'Harbour Gazette (15)', 'Coastline Daily (10)']);
  await outlet.selectOption('Coastline Daily');
  await panel.getByLabel('From').fill('2026-04-01');
  await panel.getByLabel('To').fill('2026-05-31');
  const chips = library.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByRole('listitem')).toHaveText([/Outlet: Coastline Daily/, /Language: en/, /Date: 2026-04-01 – 2026-05-31/, /Clear all/]);
  // Coastline Daily articles are numbers 16–25; months cycle 03, 04, 05, 06 with n: April/May are n % 4 in {1, 2}.
  const expected = Array.from({ length: 10 }, (_, i) => 15 + i).filter((n) => n % 4 === 1 || n % 4 === 2).length;
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(expected);
  // The filter bar only: the virtual article list's own findings are the axe work's (it predates this).
  await expectNoSeriousAxeViolations(page, { include: '.library-filter-bar' });
  await page.screenshot({ path: '/tmp/annotable-shots/library-chips.png' });
  await chips.getByRole('button', { name: 'Remove filter Outlet: Coastline Daily' }).click();
  await expect(chips.getByRole('listitem')).toHaveText([/Language: en/, /Date:/, /Clear all/]);
  await chips.getByRole('button', { name: 'Clear all' }).click();
  await expect(chips).toBeHidden();
  await library.getByRole('button', { name: 'Filters' }).click();

  // A stratified sample: 3 articles from each outlet, seed 2026.
  let dialog = await drawSample(page, 'Pilot', 9, 2026);
  await expectNoSeriousAxeViolations(page, { include: 'dialog' });
  await page.screenshot({ path: '/tmp/annotable-shots/draw-sample.png' });
  await dialog.getByRole('button', { name: 'Draw' }).click();
  await expect(dialog).toBeHidden();
  await expect(chips.getByRole('listitem')).toHaveText([/In sample: Pilot/]);
  await expect(library.getByLabel('Sample definition')).toContainText('stratified by outlet, equal, 9 articles, seed 2026');
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(9);
  const first = await listedTitles(page);
  const byOutlet = (titles: string[]) => titles.map((t) => Number(/Report (\d+)/.exec(t)?.[1])).map((n) => (n <= 15 ? 'G' : n <= 25 ? 'D' : 'V'));
  expect(byOutlet(first).sort().join('')).toBe('DDDGGGVVV');
  await page.screenshot({ path: '/tmp/annotable-shots/sample-drawn.png' });

  // Drawn again from the same population with the same seed: the same articles.
  await chips.getByRole('button', { name: 'Remove filter In sample: Pilot' }).click();
  dialog = await drawSample(page, 'Pilot again', 9, 2026);
  await dialog.getByRole('button', { name: 'Draw' }).click();
  await expect(chips.getByRole('listitem')).toHaveText([/In sample: Pilot again/]);
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(9);
  await expect.poll(() => listedTitles(page)).toEqual(first);
  // Another seed, another sample (one draw in many could repeat by chance: not with these sizes, 1 in 455³).
  await chips.getByRole('button', { name: 'Remove filter In sample: Pilot again' }).click();
  dialog = await drawSample(page, 'Other seed', 9, 7);
  await dialog.getByRole('button', { name: 'Draw' }).click();
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(9);
  await expect.poll(() => listedTitles(page)).not.toEqual(first);

  // "In sample" is a filter like the others.
  await library.getByRole('button', { name: 'Filters' }).click();
  await library.getByRole('group', { name: 'Filters' }).getByLabel('In sample').selectOption({ label: 'Pilot (9)' });
  await expect(chips.getByRole('listitem')).toHaveText([/In sample: Pilot(?! again)/]);
  await expect.poll(() => listedTitles(page)).toEqual(first);

  // The dataset export records the samples with their definitions and seeds.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Export…/ }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await expect(exportDialog.getByRole('radio', { name: /Presswork dataset \(JSON\)/ })).toBeChecked();
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: /^Export \./ }).click();
  const ds = JSON.parse(await readFile(await (await download).path(), 'utf8')) as {
    samples: { name: string; method: string; seed: number; size: number; strata: string[]; allocation: string; articleIds: string[]; population: { size: number } }[];
    articles: { id: string; title: string }[];
  };
  expect(ds.samples.map((s) => [s.name, s.method, s.seed, s.size, s.strata, s.allocation, s.population.size])).toEqual([
    ['Pilot', 'stratified', 2026, 9, ['outlet'], 'equal', 30],
    ['Pilot again', 'stratified', 2026, 9, ['outlet'], 'equal', 30],
    ['Other seed', 'stratified', 7, 9, ['outlet'], 'equal', 30],
  ]);
  expect(ds.samples[1]?.articleIds).toEqual(ds.samples[0]?.articleIds);
  const titleOf = new Map(ds.articles.map((a) => [a.id, a.title]));
  expect((ds.samples[0]?.articleIds ?? []).map((id) => titleOf.get(id)).sort()).toEqual(first);
});
