import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { chooseDatasetToMerge, openDatasetAsProject } from './study-setup.ts';
import { fixtureDatasets } from '../shared/analysis/agreement/study-fixture.ts';
import type { Dataset } from '../shared/dataset/dataset.ts';

// Two coders' exports of the same articles (shared/analysis/agreement/study-fixture.ts):
//   article 1 "aa bb cc dd"  ann: Claim one "aa bb" (pro)   bob: Claim one "aa" (contra), Claim two "dd"
//   article 2 "ee 😀 ff"     ann: Claim one "ee" (pro)      bob: Claim one "ee" (pro)
//   article 3 "gg hh"        only ann: Claim one "gg"
// Both coders agree only on "ee" (with stance pro): "Accept all agreed" adds that one.
const [annDataset, bobDataset] = fixtureDatasets();

test.beforeEach(async ({ page }) => {
  // The download path (Playwright cannot drive the native save picker).
  await page.addInitScript(() => {
    Object.defineProperty(globalThis, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  await page.reload();
});

test('adjudication: accept all agreed, accept one, reject one, undo once, export the gold layer', async ({ page }) => {
  // Many steps on a shared, loaded machine.
  test.setTimeout(240_000);
  await openDatasetAsProject(page, 'ann.json', annDataset, 'Study');
  await (await chooseDatasetToMerge(page, 'bob.json', bobDataset)).getByRole('button', { name: /^Merge into/ }).click();
  await page.getByRole('dialog', { name: 'Dataset merged' }).getByRole('button', { name: 'Close' }).click();

  // A coder cannot take the gold layer's name.
  await page.getByRole('button', { name: /Change the coder name/ }).click();
  const name = page.getByRole('dialog', { name: 'Coder name' });
  await name.getByRole('textbox').fill('Gold');
  await name.getByRole('button', { name: 'Save' }).click();
  await expect(name.getByRole('alert')).toContainText('reserved for the adjudicated gold layer');
  await name.getByRole('button', { name: 'Cancel' }).click();
  await expect(name).toBeHidden();

  await page.getByRole('button', { name: 'Agreement' }).click();
  const screen = page.getByRole('dialog', { name: 'Agreement' });
  await screen.getByLabel('Coded articles').selectOption({ label: 'A coder coded only the articles they annotated' });
  await screen.getByRole('button', { name: 'Compute agreement' }).click();
  await expect(screen.getByRole('status').filter({ hasText: 'coders ann, bob' })).toBeVisible();

  // Accept all agreed: with "all coders agree", only "ee".
  const gold = screen.getByRole('region', { name: 'Gold layer' });
  const summary = gold.getByTestId('gold-summary');
  await expect(summary).toContainText('In gold: 0 annotations · rejected: 0 places');
  const preview = gold.getByRole('status', { name: 'Accept all agreed preview' });
  await expect(preview).toHaveText('1 annotation and 0 links to add');
  // A chosen coder wins: all of bob's spans.
  await gold.getByLabel('Strategy').selectOption({ label: 'bob wins' });
  await expect(preview).toHaveText('3 annotations and 0 links to add');
  await gold.getByLabel('Strategy').selectOption({ label: 'All coders agree (same tag and span)' });
  await expect(preview).toHaveText('1 annotation and 0 links to add');
  await gold.getByRole('button', { name: 'Accept all agreed' }).click();
  await expect(summary).toContainText('In gold: 1 annotation · rejected: 0 places');
  await expect(preview).toHaveText('0 annotations and 0 links to add (1 already in gold)');
  await expect(gold.getByRole('button', { name: 'Accept all agreed' })).toBeDisabled();

  // The disagreements behind token α: both open.
  await screen.getByRole('button', { name: '2 disagreements: All span categories, α' }).click();
  const list = screen.getByRole('region', { name: 'Disagreements: All span categories, α' });
  await expect(list.getByTestId('decided-count')).toHaveText('Decided 0 of 2, open 2');

  // Decision 1: ann's "aa bb" into gold, from the side-by-side view.
  await list.getByRole('button').first().click();
  const compare = screen.getByRole('region', { name: 'Coders side by side' });
  const decide = compare.getByRole('region', { name: 'Decide this disagreement' });
  await expect(decide.getByRole('status')).toHaveText('Open: not decided yet.');
  await decide.getByRole('button', { name: "Accept into gold: ann's Claim one “aa bb”" }).click();
  await expect(decide.getByRole('status')).toHaveText('Decided: accepted into gold.');
  await expect(decide.getByRole('list', { name: 'Gold here' })).toContainText('Gold: Claim one “aa bb”');
  await expect(decide.getByRole('list', { name: 'Annotations of ann here' })).toContainText('in gold');
  await compare.getByRole('button', { name: 'Back to the list' }).click();

  // Decision 2: nothing into gold where only bob saw "Claim two".
  await list.getByRole('button').last().click();
  await expect(decide.getByRole('status')).toHaveText('Open: not decided yet.');
  await expect(decide.getByRole('list', { name: 'Annotations of bob here' })).toContainText('Claim two “dd”');
  await decide.getByRole('button', { name: 'Reject (nothing into gold)' }).click();
  await expect(decide.getByRole('status')).toHaveText('Decided: rejected (nothing in gold here).');
  await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });
  await compare.getByRole('button', { name: 'Back to the list' }).click();
  await expect(list.getByTestId('decided-count')).toHaveText('Decided 2 of 2, open 0');
  await expect(summary).toContainText('In gold: 2 annotations · rejected: 1 place');

  // Undo once (Ctrl+Z): the rejection goes, both gold annotations stay.
  await list.getByTestId('decided-count').click();
  await page.keyboard.press('Control+z');
  await expect(list.getByTestId('decided-count')).toHaveText('Decided 1 of 2, open 1');
  await expect(summary).toContainText('In gold: 2 annotations · rejected: 0 places');
  await expect(list.getByRole('button').last()).toContainText('open');
  await expect(list.getByRole('button').first()).toContainText('decided: in gold');
  await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });
  await gold.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'resources/screenshots/adjudication.png' });

  // Export: the gold layer is the default when there is one.
  await screen.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Export…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByLabel("Coders' layers")).toHaveValue('default');
  await expect(dialog.getByLabel("Coders' layers").locator('option:checked')).toHaveText('Gold layer (adjudicated)');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Export \./ }).click();
  const file = await download;
  const ds = JSON.parse(await readFile(await file.path(), 'utf8')) as Dataset;
  const anns = ds.articles.flatMap((a) => a.annotations.map((x) => ({ ...x, text: a.text })));
  expect(anns.map((a) => a.coder)).toEqual(['gold', 'gold']);
  expect(anns.map((a) => [a.quote, a.tagName, a.attributes]).sort()).toEqual([
    ['aa bb', 'Claim one', { stance: 'pro' }],
    ['ee', 'Claim one', { stance: 'pro' }],
  ]);
  // Offsets in code points: text[start:end] == quote.
  for (const a of anns) expect([...a.text].slice(a.start, a.end).join('')).toBe(a.quote);
  await page.getByRole('dialog', { name: 'Export saved' }).getByRole('button', { name: 'Close' }).click();
});
