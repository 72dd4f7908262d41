import { expect, test } from './fixtures.ts';
import { clickOnText, coloursUnder, readStore, selectWithMouse, type StoredAnnotation } from './helpers.ts';

const CLAIM = 'accused the union of changing its demands at the last minute';
// The default codebook's colours of Claim and Actor.
const CLAIM_COLOUR = '#e8a33d';
const ACTOR_COLOUR = '#4caf6e';

function expectAnchored(a: StoredAnnotation, text: string) {
  expect(text.slice(a.start, a.end)).toBe(a.quote);
  expect(text.slice(Math.max(0, a.start - a.prefix.length), a.start)).toBe(a.prefix);
  expect(text.slice(a.end, a.end + a.suffix.length)).toBe(a.suffix);
}

test('tags a claim through the popover, a nested actor by shortcut, notes, moves, undoes, deletes, and keeps it all', async ({ page }) => {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await page.getByRole('link', { name: /Dock workers extend strike/ }).click();
  const reader = page.getByRole('region', { name: 'Reader' });
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await expect(reader.getByRole('heading', { name: /Dock workers/ })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'No annotations yet' })).toBeVisible();

  // A partial mouse selection snaps to whole words.
  await selectWithMouse(page, CLAIM.slice(2, -3));
  const popover = page.getByRole('dialog', { name: 'Tag selection' });
  await expect(popover).toBeVisible();
  await popover.getByRole('option', { name: /Claim/ }).click();
  await expect(popover).toBeHidden();
  await expect(panel.getByRole('region', { name: 'Claim annotations' })).toContainText(CLAIM);

  // Nested: an actor inside the claim, with the Actor shortcut (3).
  await selectWithMouse(page, 'the union');
  await page.keyboard.press('3');
  await expect(panel.getByRole('region', { name: 'Actor annotations' })).toContainText('the union');
  // Both are painted in their tags' colours, the nested one in a second lane: under the actor's
  // words both underlines show as stacked bands, the claim's alone elsewhere (read from the
  // screen, with nothing selected so that the selection's shade does not tint them).
  await page.keyboard.press('Escape');
  await expect(panel.getByRole('region', { name: 'Selected annotation' })).toHaveCount(0);
  await expect.poll(() => coloursUnder(page, 'the union')).toEqual(expect.arrayContaining([CLAIM_COLOUR, ACTOR_COLOUR]));
  const claimOnly = await coloursUnder(page, 'accused');
  expect(claimOnly).toContain(CLAIM_COLOUR);
  expect(claimOnly).not.toContain(ACTOR_COLOUR);

  // Clicking inside the nested spot lists every annotation covering it.
  await clickOnText(page, 'union of changing', 'start');
  await expect(panel.getByRole('region', { name: 'Annotations at this point' }).getByRole('listitem')).toHaveCount(2);

  // A note on the claim.
  await panel.getByRole('region', { name: 'Claim annotations' }).getByRole('button').first().click();
  const detail = panel.getByRole('region', { name: 'Selected annotation' });
  await detail.getByRole('textbox', { name: 'Note' }).click();
  await page.keyboard.type('Company statement; check the union minutes.');
  await detail.getByRole('combobox', { name: 'Stance' }).click();
  await detail.getByRole('combobox', { name: 'Stance' }).selectOption('opposes');
  await expect(panel.getByRole('region', { name: 'Claim annotations' })).toContainText('✎');

  // Move the end one word left, then undo and redo it.
  await detail.getByRole('button', { name: 'Move end one word left' }).click();
  await expect(detail).toContainText('at the last”');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(detail).toContainText('at the last minute”');
  await page.keyboard.press('Control+Shift+z');
  await expect(detail).toContainText('at the last”');

  // Delete the actor from the keyboard.
  await panel.getByRole('region', { name: 'Actor annotations' }).getByRole('button').first().click();
  await page.keyboard.press('Delete');
  await expect(panel.getByRole('region', { name: 'Actor annotations' })).toHaveCount(0);

  await page.reload();
  await expect(panel.getByRole('region', { name: 'Claim annotations' })).toContainText('accused the union of changing its demands at the last');
  const store = await readStore(page);
  const claimTag = store.tags.find((t) => t.name === 'Claim');
  const mine = store.annotations.filter((a) => a.quote.startsWith('accused'));
  expect(mine).toHaveLength(1);
  const claim = mine[0] as StoredAnnotation;
  expect(claim.tagId).toBe(claimTag?.id);
  expect(claim.quote).toBe('accused the union of changing its demands at the last');
  expect(claim.note?.text).toBe('Company statement; check the union minutes.');
  expect(claim.attributes).toEqual({ stance: 'opposes' });
  const text = store.texts[claim.articleId] as string;
  expectAnchored(claim, text);
  expect(store.annotations.some((a) => a.quote === 'the union')).toBe(false);
  for (const a of store.annotations) expectAnchored(a, store.texts[a.articleId] as string);
});

test('selects text from the keyboard and tags it through the filtered codebook', async ({ page }) => {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await page.getByRole('link', { name: /Dock workers extend strike/ }).click();
  const text = page.getByRole('textbox', { name: 'Article text' });
  await text.click({ position: { x: 2, y: 10 } });
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('s'); // a letter starts filtering: "s" matches Source
  const popover = page.getByRole('dialog', { name: 'Tag selection' });
  await expect(popover.getByRole('combobox', { name: 'Filter tags' })).toHaveValue('s');
  await expect(popover.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  // Snapping extends "Dock" to the whole word; the first word of the article is "Dock".
  await expect(panel.getByRole('region', { name: 'Source annotations' })).toContainText('Dock');
  const store = await readStore(page);
  const a = store.annotations.find((x) => x.quote === 'Dock');
  expect(a?.start).toBe(0);
});

test('shows the keyboard shortcuts with ?', async ({ page }) => {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.getByRole('heading', { name: 'Sample: Riverside water dispute' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Next / previous annotation');
});

test('hides and shows the library and the annotations panel from the keyboard', async ({ page }) => {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.getByRole('heading', { name: 'Sample: Riverside water dispute' })).toBeVisible();
  await page.keyboard.press(']');
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeHidden();
  await page.keyboard.press('[');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Reader' })).toBeVisible();
  await page.keyboard.press('[');
  await page.keyboard.press(']');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeVisible();
});

test('links actor mentions to one canonical actor, undoably', async ({ page }) => {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await panel.getByRole('region', { name: 'Actor annotations' }).getByRole('button', { name: /Deputy Mayor Tomas Varga/ }).click();
  const detail = panel.getByRole('region', { name: 'Selected annotation' });
  await detail.getByRole('combobox', { name: 'Refers to actor' }).fill('Tomas Varga');
  await detail.getByRole('combobox', { name: 'Refers to actor' }).press('Enter');
  await expect.poll(async () => (await readStore(page)).actors.map((a) => a.name)).toEqual(['Tomas Varga']);
  const linked = (await readStore(page)).annotations.find((a) => a.quote === 'Deputy Mayor Tomas Varga');
  expect(linked?.actorId).toBe((await readStore(page)).actors[0]?.id);

  // A second mention refers to the same actor by typing its name: no duplicate actor.
  await panel.getByRole('region', { name: 'Actor annotations' }).getByRole('button', { name: /The Riverside city council/ }).click();
  await detail.getByRole('combobox', { name: 'Refers to actor' }).fill('tomas varga ');
  await detail.getByRole('combobox', { name: 'Refers to actor' }).press('Enter');
  await expect.poll(async () => (await readStore(page)).annotations.filter((a) => a.actorId).length).toBe(2);
  expect((await readStore(page)).actors).toHaveLength(1);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await readStore(page)).actors).toHaveLength(0);
  expect((await readStore(page)).annotations.filter((a) => a.actorId)).toHaveLength(0);
});

test('stores the coder name set in settings on new annotations, and keeps it', async ({ page }) => {
  await page.getByRole('button', { name: /Change the coder name/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Coder name' });
  await dialog.getByRole('textbox').fill('Ana K.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await page.getByRole('link', { name: /Dock workers extend strike/ }).click();
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Coder: Ana K.');
  await selectWithMouse(page, 'Owen Hale');
  await page.keyboard.press('3');
  await expect.poll(async () => (await readStore(page)).annotations.find((a) => a.quote === 'Owen Hale')?.coder).toBe('Ana K.');
  await page.reload();
  await expect(page.getByRole('status', { name: 'Status' })).toContainText('Coder: Ana K.');
});

test('sets an article’s status and filters the library by it', async ({ page }) => {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await page.getByRole('link', { name: /Dock workers extend strike/ }).click();
  await page.getByRole('toolbar', { name: 'Article' }).getByRole('combobox', { name: 'Status' }).selectOption('done');
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('combobox', { name: 'Filter by status' }).selectOption('done');
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toContainText('Dock workers extend strike');
  await expect(library.getByLabel('Done').first()).toBeVisible();
  await library.getByRole('combobox', { name: 'Filter by status' }).selectOption('todo');
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(3);
  await page.reload();
  await library.getByRole('combobox', { name: 'Filter by status' }).selectOption('done');
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
});
