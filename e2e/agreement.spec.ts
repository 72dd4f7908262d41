import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { chooseDatasetToMerge, openDatasetAsProject } from './study-setup.ts';
import { fixtureDatasets } from '../shared/analysis/agreement/study-fixture.ts';
import { cohenKappaRef, nominalAlphaRef, tokenTable, unitizingAlphaRef } from './agreement-reference.ts';
import type { Dataset } from '../shared/dataset/dataset.ts';

// Two coders' exports of the same articles, made here (shared/analysis/agreement/study-fixture.ts):
// ann coded three articles, bob two of them. The lead opens ann's file as the project and merges
// bob's; the agreement screen must show the figures computed below, independently, in Node.
const [annDataset, bobDataset] = fixtureDatasets();

/**
 * uα, Cohen's κ and α from the two files, computed here with the test's own formulas
 * (e2e/agreement-reference.ts, not the app's code): code points, articles matched by text, each
 * coder coded the articles of their own file.
 */
function expected() {
  const texts = [...new Set([...annDataset.articles, ...bobDataset.articles].map((a) => a.text))];
  const idOf = (text: string) => `t${texts.indexOf(text)}`;
  const coders = ['ann', 'bob'];
  const byCoder = (ds: Dataset, coder: string) => ds.articles.flatMap((a) => a.annotations.map((x) => ({ articleId: idOf(a.text), coder, start: x.start, end: x.end, tag: x.tag })));
  const spans = [...byCoder(annDataset, 'ann'), ...byCoder(bobDataset, 'bob')];
  const articles = texts.map((text) => ({ id: idOf(text), text, coders: coders.filter((c) => (c === 'ann' ? annDataset : bobDataset).articles.some((a) => a.text === text)) }));
  const table = tokenTable(articles, coders, spans);
  return { ua: unitizingAlphaRef(articles, coders, spans).toFixed(3), kappa: cohenKappaRef(table).toFixed(3), alpha: nominalAlphaRef(table).toFixed(3) };
}

// The web shell saves through showSaveFilePicker where it exists; Playwright cannot drive that
// native picker, so the test takes the download path (the same bytes).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(globalThis, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  await page.reload();
});

async function saved(page: Page, button: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

test('two coders’ work merged: the agreement screen shows uα and κ as computed independently, and opens a disagreement side by side', async ({ page }) => {
  // Many steps on a shared, loaded machine.
  test.setTimeout(240_000);
  const want = expected();
  // The test's formulas against the fixture's hand-derived figures (shared/analysis/agreement/study.test.ts):
  // tokens aa bb cc dd ee ff (gg hh: bob missing): α = 19/41, κ = 3/7.
  expect([want.alpha, want.kappa]).toEqual([(19 / 41).toFixed(3), (3 / 7).toFixed(3)]);
  // The lead's project: ann's dataset, opened as a new project.
  await openDatasetAsProject(page, 'ann.json', annDataset, 'Study');

  // bob's dataset merged back: his work stays his own layer.
  const preview = await chooseDatasetToMerge(page, 'bob.json', bobDataset);
  await expect(preview).toContainText('kept under their names');
  await preview.getByRole('button', { name: /^Merge into/ }).click();
  await page.getByRole('dialog', { name: 'Dataset merged' }).getByRole('button', { name: 'Close' }).click();

  // Blind coding: the reader shows one coder's layer at a time.
  await page.getByRole('link', { name: /Article ann-1/ }).click();
  const count = page.getByRole('complementary', { name: 'Annotations' }).getByLabel('Annotation count');
  await expect(count).toHaveText('3');
  const layer = page.getByLabel('Layer');
  await layer.selectOption({ label: 'bob' });
  await expect(count).toHaveText('2');
  await layer.selectOption({ label: 'ann' });
  await expect(count).toHaveText('1');
  // bob, coding in this installation, sees only his own layer.
  await page.getByRole('button', { name: /Change the coder name/ }).click();
  const name = page.getByRole('dialog', { name: 'Coder name' });
  await name.getByRole('textbox').fill('bob');
  await name.getByRole('button', { name: 'Save' }).click();
  await layer.selectOption({ label: 'My layer only (bob)' });
  await expect(count).toHaveText('2');
  await layer.selectOption({ label: 'All coders' });
  await expect(count).toHaveText('3');

  await page.getByRole('button', { name: 'Agreement' }).click();
  const screen = page.getByRole('dialog', { name: 'Agreement' });
  await expect(screen.getByRole('checkbox', { name: 'ann' })).toBeChecked();
  await expect(screen.getByRole('checkbox', { name: 'bob' })).toBeChecked();
  // bob never had article 3: missing data, not "nothing found".
  await screen.getByLabel('Coded articles').selectOption({ label: 'A coder coded only the articles they annotated' });
  await screen.getByRole('button', { name: 'Compute agreement' }).click();
  await expect(screen.getByRole('status').filter({ hasText: 'coders ann, bob' })).toBeVisible();

  const figure = (variable: string, measure: string) =>
    screen
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: variable, exact: true }) })
      .filter({ has: page.getByRole('cell', { name: measure, exact: true }) })
      .locator('.agreement-value');
  await expect(figure('All span categories', 'uα')).toHaveText(want.ua);
  await expect(figure('All span categories', "Cohen's κ")).toHaveText(want.kappa);
  await expect(figure('All span categories', 'α')).toHaveText(want.alpha);
  // A figure the data cannot support says why.
  await expect(figure('Claim: tag of matched spans', 'α')).toContainText('all pairable values are the same');

  await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });

  // The table as CSV and as a methods paragraph.
  const csv = await saved(page, 'Save table as CSV…');
  expect(csv.name).toBe('Study-agreement.csv');
  expect(csv.text.split('\r\n')[0]).toBe('variable,measure,level,units,n_units,n_pairable_units,n_values,n_coders,value,ci_lower,ci_upper,message,note,disagreements');
  expect(Number(csv.text.split('\r\n').find((l) => l.startsWith('All span categories,uα,'))?.split(',')[8]).toFixed(3)).toBe(want.ua);
  const md = await saved(page, 'Save methods paragraph…');
  expect(md.name).toBe('Study-agreement.md');
  expect(md.text).toContain(`Cohen's κ = ${want.kappa}`);
  expect(md.text).toContain('2 coders (ann, bob) coded 3 articles of the project “Study”');

  // The disagreements behind token α: two stretches of article 1.
  await screen.getByRole('button', { name: '2 disagreements: All span categories, α' }).click();
  const list = screen.getByRole('region', { name: 'Disagreements: All span categories, α' });
  await expect(list.getByRole('button')).toHaveCount(2);
  await expect(list.getByRole('button').first()).toContainText('ann: Claim one · bob: none');
  await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });
  await page.screenshot({ path: 'resources/screenshots/agreement.png' });

  // A disagreement opens the coders' layers side by side, the differing passage marked.
  await list.getByRole('button').last().click();
  const compare = screen.getByRole('region', { name: 'Coders side by side' });
  await expect(compare.getByRole('region', { name: 'Layer of ann' })).toContainText('ann — none');
  await expect(compare.getByRole('region', { name: 'Layer of bob' })).toContainText('bob — Claim two');
  await expect(compare.getByRole('region', { name: 'Layer of bob' }).locator('mark', { hasText: 'dd' })).toHaveClass('compare-focus');
  await expect(compare.getByRole('region', { name: 'Layer of ann' }).locator('mark', { hasText: 'dd' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });
  await page.screenshot({ path: 'resources/screenshots/agreement-compare.png' });

  await compare.getByRole('button', { name: 'Open in the reader' }).click();
  await expect(screen).toBeHidden();
  await expect(page).toHaveURL(/\/article\//);
  await expect(page.getByRole('heading', { name: 'Article ann-1' })).toBeVisible();
  // Both coders' layers are shown for the comparison.
  await expect(count).toHaveText('3');
  await expect(layer).toHaveValue('all');
});
