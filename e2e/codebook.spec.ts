import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

async function openSample(page: Page) {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.getByRole('heading', { name: 'Sample: Riverside water dispute' })).toBeVisible();
}

async function openCodebook(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Codebook' }).click();
  const codebook = page.getByRole('dialog', { name: 'Codebook' });
  await expect(codebook.getByRole('heading', { name: 'Codebook' })).toBeVisible();
  return codebook;
}

/** The dialog opened on top of the codebook (a tag, category or attribute form, a confirmation). */
function topDialog(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog', { name });
}

test('creates, renames and merges tags; annotations follow the merge; undo restores', async ({ page }) => {
  await openSample(page);
  const codebook = await openCodebook(page);
  await expect(codebook.getByRole('navigation', { name: 'Categories' }).getByRole('listitem')).toHaveText([/Claim/, /Source/, /Actor/]);
  const claimTags = codebook.getByRole('list', { name: 'Tags in Claim' });
  // The sample codes three claims with the built-in "Claim" tag.
  await expect(codebook.getByRole('group', { name: 'Claim', exact: true })).toContainText('3 annotations');

  // Create a tag with a colour and a description.
  await codebook.getByRole('button', { name: 'Add tag to Claim' }).click();
  let form = topDialog(page, 'New tag');
  await form.getByLabel('Name').fill('Helth claim');
  await form.getByLabel('Colour').fill('#c0392b');
  await form.getByLabel('Description').fill('Statements about effects on health');
  await form.getByRole('button', { name: 'Add tag' }).click();
  await expect(form).toBeHidden();
  await expect(codebook.getByRole('status')).toHaveText('Added “Helth claim”.');
  await expect(claimTags.getByRole('group', { name: 'Helth claim' })).toBeVisible();
  await expect(claimTags.getByLabel('Colour of Helth claim')).toHaveValue('#c0392b');

  // Rename it.
  await codebook.getByRole('button', { name: 'Edit Helth claim' }).click();
  form = topDialog(page, 'Edit tag “Helth claim”');
  await expect(form.getByLabel('Name')).toHaveValue('Helth claim');
  await form.getByLabel('Name').fill('Health claim');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(claimTags.getByRole('group', { name: 'Health claim' })).toBeVisible();
  await expect(claimTags.getByRole('group', { name: 'Helth claim' })).toHaveCount(0);

  // A sub-tag, shown nested under its parent.
  await codebook.getByRole('button', { name: 'Add sub-tag to Health claim' }).click();
  form = topDialog(page, 'New tag');
  await expect(form.getByLabel('Parent')).toHaveValue(/.+/);
  await form.getByLabel('Name').fill('Water safety');
  await form.getByRole('button', { name: 'Add tag' }).click();
  const healthItem = claimTags.getByRole('listitem').filter({ has: page.getByRole('group', { name: 'Health claim' }) });
  await expect(healthItem.getByRole('group', { name: 'Water safety' })).toBeVisible();

  // A second tag takes the key "2": it moves from Source, and the editor says so.
  await codebook.getByRole('button', { name: 'Add tag to Claim' }).click();
  form = topDialog(page, 'New tag');
  await form.getByLabel('Name').fill('Economic claim');
  await form.getByLabel('Description').fill('Costs, jobs, prices');
  await form.getByLabel('Shortcut').fill('2');
  await page.screenshot({ path: test.info().outputPath('tag-form.png') });
  await form.getByRole('button', { name: 'Add tag' }).click();
  await expect(codebook.getByRole('status')).toHaveText('Added “Economic claim”. Shortcut “2” moved from “Source” to “Economic claim”.');
  await expect(claimTags.getByRole('group', { name: 'Economic claim' }).getByLabel('Shortcut 2')).toBeVisible();

  // Reorder from the keyboard: focus stays on the button, the rows change places.
  const topLevelNames = claimTags.locator(':scope > li > .cb-tag-row .cb-tag-name');
  await expect(topLevelNames).toHaveText(['Claim', 'Health claim', 'Economic claim']);
  await codebook.getByRole('button', { name: 'Move Economic claim up' }).focus();
  await page.keyboard.press('Enter');
  await expect(topLevelNames).toHaveText(['Claim', 'Economic claim', 'Health claim']);
  await expect(codebook.getByRole('button', { name: 'Move Economic claim up' })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(topLevelNames).toHaveText(['Claim', 'Health claim', 'Economic claim']);

  // Merge the built-in "Claim" tag into "Health claim": its three annotations move.
  await codebook.getByRole('button', { name: 'Merge Claim into another tag' }).click();
  form = topDialog(page, 'Merge “Claim”');
  await expect(form).toContainText('3 annotations will move to the chosen tag');
  await form.getByLabel('Merge into').selectOption({ label: 'Health claim' });
  await form.getByRole('button', { name: 'Merge' }).click();
  await expect(codebook.getByRole('status')).toHaveText('Merged “Claim” into “Health claim”: 3 annotations moved.');
  await expect(claimTags.getByRole('group', { name: 'Claim', exact: true })).toHaveCount(0);
  await expect(claimTags.getByRole('group', { name: 'Health claim' })).toContainText('3 annotations');
  // It had no shortcut, so it inherits the merged tag's key "1".
  await expect(claimTags.getByRole('group', { name: 'Health claim' }).getByLabel('Shortcut 1')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('codebook-after-merge.png') });

  // Undo with Ctrl+Z (focus on a button, not in a text field): the merge is reverted exactly.
  await codebook.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Control+z');
  await expect(claimTags.getByRole('group', { name: 'Claim', exact: true })).toContainText('3 annotations');
  await expect(codebook.getByRole('status')).toHaveText('');
  await expect(claimTags.getByRole('group', { name: 'Health claim' })).not.toContainText('annotation');
  // And redo.
  await page.keyboard.press('Control+Shift+z');
  await expect(claimTags.getByRole('group', { name: 'Health claim' })).toContainText('3 annotations');

  // Row actions appear for the row in focus, for keyboard users too.
  await codebook.getByRole('button', { name: 'Edit Water safety' }).focus();
  await expect(codebook.getByRole('button', { name: 'Delete Water safety' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('codebook.png') });

  // Move the sub-tag to the top level, then into another category.
  await codebook.getByRole('button', { name: 'Edit Water safety' }).click();
  form = topDialog(page, 'Edit tag “Water safety”');
  await form.getByLabel('Parent').selectOption({ label: 'None (top level)' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(healthItem.getByRole('group', { name: 'Water safety' })).toHaveCount(0);
  await expect(claimTags.getByRole('group', { name: 'Water safety' })).toBeVisible();
  await codebook.getByRole('button', { name: 'Edit Water safety' }).click();
  form = topDialog(page, 'Edit tag “Water safety”');
  await form.getByLabel('Category').selectOption({ label: 'Actor' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(claimTags.getByRole('group', { name: 'Water safety' })).toHaveCount(0);
  await codebook.getByRole('navigation', { name: 'Categories' }).getByRole('button', { name: 'Actor' }).click();
  await expect(codebook.getByRole('list', { name: 'Tags in Actor' }).getByRole('group', { name: 'Water safety' })).toBeVisible();
  await codebook.getByRole('navigation', { name: 'Categories' }).getByRole('button', { name: 'Claim' }).click();

  // The change is stored: after a reload the codebook shows the same.
  await page.reload();
  const again = await openCodebook(page);
  await expect(again.getByRole('list', { name: 'Tags in Claim' }).getByRole('group', { name: 'Health claim' })).toContainText('3 annotations');
});

test('deleting a tag in use asks first and offers merging instead', async ({ page }) => {
  await openSample(page);
  const codebook = await openCodebook(page);
  await codebook.getByRole('button', { name: 'Source', exact: true }).click();
  await expect(codebook.getByRole('heading', { name: 'Source' })).toBeVisible();
  await codebook.getByRole('button', { name: 'Delete Source' }).click();
  const confirm = topDialog(page, 'Delete “Source”?');
  await expect(confirm).toContainText('used by 1 annotation');
  await confirm.getByRole('button', { name: 'Merge instead…' }).click();
  const merge = topDialog(page, 'Merge “Source”');
  await expect(merge).toContainText('1 annotation will move');
  await merge.getByRole('button', { name: 'Cancel' }).click();
  await expect(codebook.getByRole('group', { name: 'Source', exact: true })).toContainText('1 annotation');

  // Recolour in place with the swatch; one change, one undo step.
  const swatch = codebook.getByLabel('Colour of Source');
  const original = await swatch.inputValue();
  await swatch.fill('#2e86c1');
  await expect(codebook.getByRole('status')).toHaveText('Recoloured “Source”.');
  await expect(codebook.getByLabel('Colour of Source')).toHaveValue('#2e86c1');
  await codebook.getByRole('button', { name: 'Undo' }).click();
  await expect(codebook.getByLabel('Colour of Source')).toHaveValue(original);

  // Escape closes only the dialog on top.
  await codebook.getByRole('button', { name: 'Add tag to Source' }).click();
  await expect(topDialog(page, 'New tag')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(topDialog(page, 'New tag')).toBeHidden();
  await expect(codebook).toBeVisible();

  // An unused tag is deleted after a plain confirmation; the Undo button brings it back.
  await codebook.getByRole('button', { name: 'Add tag to Source' }).click();
  const form = topDialog(page, 'New tag');
  await form.getByLabel('Name').fill('Press release');
  await form.getByRole('button', { name: 'Add tag' }).click();
  await codebook.getByRole('button', { name: 'Delete Press release' }).click();
  await topDialog(page, 'Delete “Press release”?').getByRole('button', { name: 'Delete tag' }).click();
  await expect(codebook.getByRole('group', { name: 'Press release' })).toHaveCount(0);
  await codebook.getByRole('button', { name: 'Undo' }).click();
  await expect(codebook.getByRole('group', { name: 'Press release' })).toBeVisible();
});

test('a document-level category labels an article from the reader, kept after a reload', async ({ page }) => {
  await openSample(page);
  const codebook = await openCodebook(page);
  await codebook.getByRole('button', { name: 'Add category' }).click();
  const form = topDialog(page, 'New category');
  await form.getByLabel('Name').fill('Topic');
  await form.getByRole('radio', { name: /Label whole articles/ }).check();
  await form.getByRole('button', { name: 'Add category' }).click();
  await expect(codebook.getByRole('heading', { name: 'Topic' })).toBeVisible();
  await expect(codebook).toContainText('No tags in Topic yet.');

  for (const name of ['Environment', 'Economy']) {
    await codebook.getByRole('button', { name: 'Add tag to Topic' }).click();
    const tagForm = topDialog(page, 'New tag');
    // Document-level tags cannot have a passage shortcut.
    await expect(tagForm.getByLabel('Shortcut')).toHaveCount(0);
    await tagForm.getByLabel('Name').fill(name);
    if (name === 'Environment') await tagForm.getByLabel('Description').fill('Pollution, water, climate');
    await tagForm.getByRole('button', { name: 'Add tag' }).click();
    await expect(codebook.getByRole('list', { name: 'Tags in Topic' }).getByRole('group', { name })).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('codebook-topic.png') });
  await codebook.getByRole('button', { name: 'Close' }).click();

  const reader = page.getByRole('region', { name: 'Reader' });
  const environment = reader.getByRole('button', { name: 'Topic: Environment' });
  await expect(environment).toHaveAttribute('aria-pressed', 'false');
  await expect(environment).toHaveAttribute('title', 'Pollution, water, climate');
  await environment.click();
  await expect(environment).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Topic: Environment' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Topic: Economy' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('region', { name: 'Reader' }).screenshot({ path: test.info().outputPath('reader-labels.png') });

  // Undo the label (Ctrl+Z with focus outside text fields).
  const chip = page.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Topic: Economy' });
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+z');
  await expect(chip).toHaveAttribute('aria-pressed', 'false');

  // Deleting the category removes its chips; undo brings the category, its tags and the label back.
  const again = await openCodebook(page);
  await again.getByRole('navigation', { name: 'Categories' }).getByRole('button', { name: 'Topic' }).click();
  await again.getByRole('button', { name: 'Delete category Topic' }).click();
  await topDialog(page, 'Delete category “Topic”?').getByRole('button', { name: 'Delete category' }).click();
  await expect(again.getByRole('navigation', { name: 'Categories' }).getByRole('listitem')).toHaveCount(3);
  await again.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('group', { name: 'Article labels' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Topic: Environment' })).toHaveAttribute('aria-pressed', 'true');
});

test('attributes of a category can be added and edited', async ({ page }) => {
  await openSample(page);
  const codebook = await openCodebook(page);
  await codebook.getByRole('button', { name: 'Actor', exact: true }).click();
  const attributes = codebook.getByRole('list', { name: 'Attributes of Actor' });
  await expect(attributes.getByRole('listitem', { name: 'Type' })).toContainText('organisation');
  await codebook.getByRole('button', { name: 'Add attribute to Actor' }).click();
  const form = topDialog(page, 'New attribute for Actor');
  await form.getByLabel('Attribute name').fill('Gender');
  await form.getByLabel('Type').selectOption('choice');
  await form.getByLabel('Options (comma-separated)').fill('woman, man, , unknown');
  await form.getByRole('button', { name: 'Add attribute' }).click();
  const gender = attributes.getByRole('listitem', { name: 'Gender' });
  await expect(gender).toContainText('Choice');
  await expect(gender.locator('.cb-option')).toHaveText(['woman', 'man', 'unknown']);

  // A choice with one option is refused with a visible message.
  await codebook.getByRole('button', { name: 'Add attribute to Actor' }).click();
  const bad = topDialog(page, 'New attribute for Actor');
  await bad.getByLabel('Attribute name').fill('Role');
  await bad.getByLabel('Options (comma-separated)').fill('speaker');
  await bad.getByRole('button', { name: 'Add attribute' }).click();
  await expect(bad.getByRole('alert')).toHaveText('A choice needs at least two options, separated by commas.');
  await bad.getByRole('button', { name: 'Cancel' }).click();

  await codebook.getByRole('button', { name: 'Edit attribute Gender' }).click();
  const edit = topDialog(page, 'Edit attribute “Gender”');
  await expect(edit.getByLabel('Type')).toBeDisabled();
  await edit.getByLabel('Options (comma-separated)').fill('woman, man, non-binary, unknown');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(gender.locator('.cb-option')).toHaveText(['woman', 'man', 'non-binary', 'unknown']);
});
