import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { readStore } from './helpers.ts';

const LONG_CLAIM = 'inspectors recorded detergent levels twice the permitted maximum during a visit on 2 March';

async function openSample(page: Page) {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.getByRole('heading', { name: 'Sample: Riverside water dispute' })).toBeVisible();
}

function panelOf(page: Page) {
  return page.getByRole('complementary', { name: 'Annotations' });
}

async function selectAnnotation(page: Page, group: string, quote: string | RegExp) {
  await panelOf(page).getByRole('region', { name: `${group} annotations` }).getByRole('button', { name: quote }).click();
  return panelOf(page).getByRole('region', { name: 'Selected annotation' });
}

test('"Refers to actor" suggests actors by prefix, Enter picks the suggestion, and only an explicit choice creates one', async ({ page }) => {
  await openSample(page);
  const detail = await selectAnnotation(page, 'Actor', /Deputy Mayor Tomas Varga/);
  const field = detail.getByRole('combobox', { name: 'Refers to actor' });
  await field.fill('Tomas Varga');
  const list = detail.getByRole('listbox', { name: 'Refers to actor' });
  await expect(list.getByRole('option')).toHaveText(['Create actor “Tomas Varga”']);
  await field.press('Enter');
  await expect.poll(async () => (await readStore(page)).actors.map((a) => a.name)).toEqual(['Tomas Varga']);
  await expect(field).toHaveValue('Tomas Varga');

  // Another mention: a half-typed name and Enter choose the existing actor, never a new "tom".
  await selectAnnotation(page, 'Actor', /The Riverside city council/);
  // The detail re-renders for the newly selected mention (no actor yet): type only into that one.
  await expect(field).toHaveValue('');
  await field.fill('tom');
  await expect(list.getByRole('option').first()).toHaveAccessibleName(/^Tomas Varga/);
  await expect(list.getByRole('option', { name: 'Create actor “tom”' })).toBeVisible();
  await expect(field).toHaveAttribute('aria-activedescendant', (await list.getByRole('option').first().getAttribute('id')) ?? 'none');
  await field.press('Enter');
  await expect.poll(async () => (await readStore(page)).annotations.filter((a) => a.actorId).length).toBe(2);
  expect((await readStore(page)).actors.map((a) => a.name)).toEqual(['Tomas Varga']);

  // A later word and diacritics find it too; Escape closes the list without choosing.
  await field.fill('várg');
  await expect(list.getByRole('option').first()).toHaveAccessibleName(/^Tomas Varga/);
  await field.press('Escape');
  await expect(list).toBeHidden();
  await field.press('Escape');
  await expect(field).toHaveValue('Tomas Varga');

  // Creating is a choice of its own: arrow down to it. The old actor keeps one mention.
  await field.fill('Riverside council');
  await field.press('ArrowDown');
  await expect(list.getByRole('option', { name: 'Create actor “Riverside council”' })).toHaveAttribute('aria-selected', 'true');
  await field.press('Enter');
  await expect.poll(async () => (await readStore(page)).actors.map((a) => a.name).sort()).toEqual(['Riverside council', 'Tomas Varga']);

  // An actor whose mentions were all relinked is marked as such in the suggestions.
  await selectAnnotation(page, 'Actor', /Deputy Mayor Tomas Varga/);
  // Wait for the detail to show this mention's actor: typing into the previous one's field is lost on re-render.
  await expect(field).toHaveValue('Tomas Varga');
  await field.fill('');
  await expect(list.getByRole('option', { name: /^Remove the link to “Tomas Varga”/ })).toBeVisible();
  await list.getByRole('option', { name: /^Riverside council/ }).click();
  await expect.poll(async () => (await readStore(page)).annotations.filter((a) => a.actorId).length).toBe(2);
  await field.click();
  await expect(list.getByRole('option', { name: /^Tomas Varga/ })).toContainText('no mentions');
  await expect(list.getByRole('option', { name: /^Riverside council/ })).toContainText('linked');
  await page.screenshot({ path: test.info().outputPath('actor-combobox.png') });
});

test('link targets offer the fitting categories first, are searchable, show whole quotes and the exported type name', async ({ page }) => {
  await openSample(page);
  const detail = await selectAnnotation(page, 'Claim', /the new wastewater treatment plant/);
  await expect(detail.getByRole('combobox', { name: 'Link type' })).toHaveValue('claimant');
  await expect(detail.getByText('in the dataset: claimant')).toBeVisible();
  const target = detail.getByRole('combobox', { name: 'Link target' });
  await target.click();
  const list = detail.getByRole('listbox', { name: 'Link target' });
  // "claimed by": the actors first, then the sources, other claims only at the end.
  const groups = list.getByRole('group');
  await expect(groups).toHaveCount(3);
  await expect(groups.nth(0)).toHaveAccessibleName('Actor');
  await expect(groups.nth(0).getByRole('option')).toHaveText([/The Riverside city council/, /Deputy Mayor Tomas Varga/]);
  await expect(groups.nth(1)).toHaveAccessibleName('Source');
  await expect(groups.nth(2)).toHaveAccessibleName('Other annotations');
  await expect(groups.nth(2).getByRole('option')).toHaveCount(2);
  // The whole quote, never cut.
  await expect(list.getByRole('option', { name: new RegExp(LONG_CLAIM) })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('link-targets.png') });

  // "according to": the source first.
  await page.keyboard.press('Escape');
  await detail.getByRole('combobox', { name: 'Link type' }).selectOption('according-to');
  await expect(detail.getByText('in the dataset: according-to')).toBeVisible();
  await target.click();
  await expect(list.getByRole('group').first()).toHaveAccessibleName('Source');

  // Searchable: typing finds by words of the quote; Enter links to it.
  await target.fill('LEAKED');
  await expect(list.getByRole('option')).toHaveCount(1);
  await target.press('Enter');
  const link = detail.getByRole('list', { name: 'Links' }).getByRole('button', { name: /according to Source: “a leaked inspection report”/ });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('title', /Exported as “according-to”/);
  // Not twice.
  await target.fill('leaked');
  await target.press('Enter');
  await expect(detail.getByRole('list', { name: 'Links' }).getByRole('listitem')).toHaveCount(1);
});

test('a new sub-tag starts in a colour of its own, not its parent’s', async ({ page }) => {
  await openSample(page);
  await page.getByRole('button', { name: 'Codebook' }).click();
  const codebook = page.getByRole('dialog', { name: 'Codebook' });
  const parentColour = await codebook.getByLabel('Colour of Claim', { exact: true }).inputValue();
  await codebook.getByRole('button', { name: 'Add sub-tag to Claim' }).click();
  const form = page.getByRole('dialog', { name: 'New tag' });
  const colour = form.getByLabel('Colour');
  await expect(colour).not.toHaveValue(parentColour);
  await expect(colour).toHaveValue(/^#[0-9a-f]{6}$/);
  await form.getByLabel('Name').fill('Security guarantee');
  await form.getByRole('button', { name: 'Add tag' }).click();
  const added = codebook.getByLabel('Colour of Security guarantee');
  await expect(added).toBeVisible();
  await expect(added).not.toHaveValue(parentColour);
});
