import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { readStore } from './helpers.ts';

const PLANT_CLAIM = 'the new wastewater treatment plant is not responsible';
const INSPECTORS_CLAIM = 'inspectors recorded detergent levels';

// Playwright cannot drive the native save picker: take the download path (same bytes).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(globalThis, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  await page.reload();
});

function panelOf(page: Page) {
  return page.getByRole('complementary', { name: 'Annotations' });
}

async function selectAnnotation(page: Page, group: string, quote: RegExp) {
  await panelOf(page).getByRole('region', { name: `${group} annotations` }).getByRole('button', { name: quote }).click();
  return panelOf(page).getByRole('region', { name: 'Selected annotation' });
}

/** The sample project, with Tomas Varga in the actor registry and the plant claim "claimed by" his mention. */
async function openCodedSample(page: Page) {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.getByRole('heading', { name: 'Sample: Riverside water dispute' })).toBeVisible();
  let detail = await selectAnnotation(page, 'Actor', /Deputy Mayor Tomas Varga/);
  const actorField = detail.getByRole('combobox', { name: 'Refers to actor' });
  await actorField.fill('Tomas Varga');
  await expect(detail.getByRole('listbox', { name: 'Refers to actor' }).getByRole('option')).toHaveText(['Create actor “Tomas Varga”']);
  await actorField.press('Enter');
  await expect.poll(async () => (await readStore(page)).annotations.filter((a) => a.actorId).length).toBe(1);
  detail = await selectAnnotation(page, 'Claim', /the new wastewater treatment plant/);
  await expect(detail.getByRole('combobox', { name: 'Link type' })).toHaveValue('claimant');
  const target = detail.getByRole('combobox', { name: 'Link target' });
  await target.fill('Deputy Mayor');
  await expect(detail.getByRole('listbox', { name: 'Link target' }).getByRole('option')).toHaveCount(1);
  await target.press('Enter');
  await expect(detail.getByRole('list', { name: 'Links' }).getByRole('listitem')).toHaveCount(1);
}

function tableOf(page: Page) {
  return page.getByRole('table', { name: 'Annotations' });
}

/** The quotes of the rows on screen (the data rows, not the header). */
async function quotes(page: Page): Promise<string[]> {
  return tableOf(page).locator('[role="row"] mark').allTextContents();
}

test('the annotations table filters claims by attribute value and by linked actor, counts them, exports CSV and opens a row in the reader', async ({ page }) => {
  await openCodedSample(page);
  await page.getByRole('link', { name: 'Annotations', exact: true }).click();
  await expect(page).toHaveURL(/#\/project\/[^/]+\/annotations$/);
  const screen = page.getByRole('main', { name: 'Annotations table' });
  await expect(screen.getByRole('status').first()).toHaveText('6 annotations');
  await expect.poll(async () => (await quotes(page)).length).toBe(6); // rows render after the count
  // Counts per tag and per actor, over the whole table.
  const counts = screen.getByRole('complementary', { name: 'Counts' });
  await expect(counts.getByRole('region', { name: 'Counts per tags' }).getByRole('button', { name: /^Claim\s*3$/ })).toBeVisible();
  await expect(counts.getByRole('region', { name: 'Counts per actors' }).getByRole('button', { name: /^Tomas Varga\s*2$/ })).toBeVisible();

  // Claims by an attribute value.
  const filters = screen.getByRole('form', { name: 'Filter annotations' });
  await filters.getByLabel('Attribute value').selectOption({ label: 'Claim · Verifiable: yes' });
  await expect(screen.getByRole('status').first()).toHaveText('2 annotations match');
  await expect.poll(() => quotes(page)).toEqual([expect.stringContaining(PLANT_CLAIM), expect.stringContaining(INSPECTORS_CLAIM)]);
  await expect(filters.getByLabel('Category')).toHaveValue('claim');

  // Claims by linked actor (through the "claimed by" link to a mention of him).
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(screen.getByRole('status').first()).toHaveText('6 annotations');
  await filters.getByLabel('Category').selectOption({ label: 'Claim' });
  await filters.getByLabel('Actor').selectOption({ label: 'Tomas Varga' });
  await expect(screen.getByRole('status').first()).toHaveText('1 annotation match');
  await expect.poll(() => quotes(page)).toEqual([expect.stringContaining(PLANT_CLAIM)]);
  const row = tableOf(page).getByRole('row').filter({ hasText: PLANT_CLAIM });
  await expect(row.getByRole('cell').nth(3)).toHaveText('Tomas Varga');
  await expect(row.getByRole('cell').nth(4)).toHaveText(/claimed by “Deputy Mayor Tomas Varga”/);
  await expect(row.getByRole('cell').nth(2)).toHaveText('Stance: neutral; Verifiable: yes');

  // Claims that have no claimant yet.
  await filters.getByLabel('Actor').selectOption({ label: 'Any' });
  await filters.getByLabel('Has no link').selectOption({ label: 'claimed by' });
  await expect(screen.getByRole('status').first()).toHaveText('2 annotations match');

  // This screen only: the topbar's own findings belong to the axe work on the workspace.
  await expectNoSeriousAxeViolations(page, { include: '.annotations-table-screen' });
  await page.screenshot({ path: '/tmp/annotable-shots/annotations-table.png' });

  // The CSV holds what the table shows.
  const download = page.waitForEvent('download');
  await screen.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  const csv = Papa.parse<Record<string, string>>((await readFile(await file.path(), 'utf8')).trim(), { header: true });
  expect(csv.errors).toEqual([]);
  expect(csv.data.map((r) => r.quote)).toEqual([expect.stringContaining('The plant has operated'), expect.stringContaining(INSPECTORS_CLAIM)]);
  expect(csv.data[0]?.tag).toBe('Claim');

  // A row opens the article in the reader, with the annotation selected.
  await filters.getByLabel('Has no link').selectOption({ label: '—' });
  await filters.getByLabel('Actor').selectOption({ label: 'Tomas Varga' });
  await expect.poll(() => quotes(page)).toEqual([expect.stringContaining(PLANT_CLAIM)]);
  await tableOf(page).getByRole('link', { name: new RegExp(PLANT_CLAIM) }).click();
  await expect(page).toHaveURL(/\/article\/[^/]+\/annotation\/[^/]+$/);
  const selected = panelOf(page).getByRole('region', { name: 'Selected annotation' });
  await expect(selected).toContainText(PLANT_CLAIM);
  await page.screenshot({ path: '/tmp/annotable-shots/reader-at-annotation.png' });
  await expect(page.getByRole('link', { name: 'Annotations', exact: true })).toBeVisible();
});

test('the library filters by has tag, has not tag and coded by, read through the annotation indexes', async ({ page }) => {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.getByRole('heading', { name: 'Sample: Riverside water dispute' })).toBeVisible();
  const library = page.getByRole('navigation', { name: 'Library' });
  const articles = library.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(articles).toHaveCount(4);
  await library.getByRole('button', { name: 'Filters' }).click();
  const panel = library.getByRole('group', { name: 'Filters' });
  // Only the first sample article is coded.
  await panel.getByLabel('Has tag').selectOption({ label: 'Source' });
  await expect(articles).toHaveCount(1);
  await expect(articles).toContainText('Council denies link');
  await panel.getByLabel('Has tag').selectOption({ label: 'Any' });
  await panel.getByLabel('Has not tag').selectOption({ label: 'Claim' });
  await expect(articles).toHaveCount(3);
  await panel.getByLabel('Has not tag').selectOption({ label: '—' });
  await expect(articles).toHaveCount(4);
  await panel.getByLabel('Coded by').selectOption('coder');
  await expect(library.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveText([/Coded by: coder/]);
  await expect(articles).toHaveCount(1);
});
