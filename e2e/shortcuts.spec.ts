import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { phraseBox, readStore, selectWithMouse } from './helpers.ts';
import { KEY_BINDINGS, type Chord } from '../shared/keys/key-bindings.ts';

// The ? dialog and the key handlers are built from one table (shared/keys/key-bindings.ts):
// the dialog lists every binding, and each key of the reader, the history and the workspace does
// what its row says.

const binding = (id: string) => {
  const b = KEY_BINDINGS.find((x) => x.id === id);
  if (!b) throw new Error(`no binding ${id}`);
  return b;
};

/** The binding's first key as Playwright presses it. */
function press(page: Page, id: string, index = 0): Promise<void> {
  const c: Chord | undefined = binding(id).chords?.[index] ?? binding(id).example;
  if (!c) throw new Error(`no key for ${id}`);
  const mods = [c.mod ? 'ControlOrMeta' : '', c.alt === true ? 'Alt' : '', c.shift === true ? 'Shift' : ''].filter(Boolean);
  return page.keyboard.press([...mods, c.key].join('+'));
}

async function openDockArticle(page: Page) {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await page.getByRole('link', { name: /Dock workers extend strike/ }).click();
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Dock workers/ })).toBeVisible();
}

test('the ? dialog lists every key binding of the table', async ({ page }) => {
  await openDockArticle(page);
  await press(page, 'show-shortcuts');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('row')).toHaveCount(KEY_BINDINGS.length);
  for (const b of KEY_BINDINGS) await expect(dialog.getByRole('row', { name: `${b.keys} ${b.does}` })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('shortcuts.png') });
  await expectNoSeriousAxeViolations(page);
});

test('each key of the reader, the history and the workspace does what the table says', async ({ page }) => {
  await openDockArticle(page);
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  const popover = page.getByRole('dialog', { name: 'Tag selection' });
  const detail = panel.getByRole('region', { name: 'Selected annotation' });

  // Enter opens the tag list for the selection, Escape closes it; a letter opens it filtered.
  await selectWithMouse(page, 'accused');
  await press(page, 'open-tag-list');
  await expect(popover.getByRole('combobox', { name: 'Filter tags' })).toBeFocused();
  await press(page, 'dismiss');
  await expect(popover).toBeHidden();
  await selectWithMouse(page, 'demands');
  await page.keyboard.press('a');
  await expect(popover.getByRole('combobox', { name: 'Filter tags' })).toHaveValue('a');
  await press(page, 'dismiss');
  await expect(popover).toBeHidden();

  // A tag's key tags the selection (the Actor tag's key is 3 in the default codebook).
  await selectWithMouse(page, 'the union');
  await page.keyboard.press('3');
  await expect(panel.getByRole('region', { name: 'Actor annotations' })).toContainText('the union');
  await expect(detail).toBeVisible();

  // Alt + → moves the end a word; Alt + Shift + → the start.
  await press(page, 'move-annotation-end', 1);
  await expect(detail).toContainText('the union of');
  await press(page, 'move-annotation-start', 1);
  await expect(detail).toContainText('union of');
  await expect(detail).not.toContainText('the union of');

  // The history: Ctrl+Z undoes the last move, Ctrl+Shift+Z redoes it.
  await press(page, 'undo');
  await expect(detail).toContainText('the union of');
  await press(page, 'redo');
  await expect(detail).not.toContainText('the union of');

  // Escape deselects; n and p select the next and previous annotation.
  await press(page, 'dismiss');
  await expect(detail).toBeHidden();
  await press(page, 'step-annotation');
  await expect(detail).toBeVisible();
  await press(page, 'step-annotation', 1);
  await expect(detail).toBeVisible();

  // Delete removes the selected annotation.
  await press(page, 'remove-annotations');
  await expect(panel.getByRole('heading', { name: 'No annotations yet' })).toBeVisible();
  await expect.poll(async () => (await readStore(page)).annotations.filter((a) => a.quote.includes('union'))).toEqual([]);

  // j and k: the next and the previous article.
  await press(page, 'step-article');
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Dock workers/ })).toBeHidden();
  await press(page, 'step-article', 1);
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Dock workers/ })).toBeVisible();

  // ] and [ hide the annotations panel and the library.
  await press(page, 'toggle-pane', 1);
  await expect(panel).toBeHidden();
  await press(page, 'toggle-pane');
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
});

test('the keys of the search box and the find bar do what the table says', async ({ page }) => {
  await openDockArticle(page);
  // Ctrl/⌘ + K: to the search box; Escape there clears the search.
  await press(page, 'search');
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  await expect(search).toBeFocused();
  await search.fill('strike');
  await press(page, 'clear-search');
  await expect(search).toHaveValue('');

  // Ctrl/⌘ + F: the find bar; Enter / Shift + Enter step through the hits; Escape closes it.
  await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Dock workers/ }).click();
  await press(page, 'find');
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(find).toBeFocused();
  await find.fill('the');
  const count = page.getByRole('search', { name: 'Find in article' }).getByRole('status');
  await expect(count).toHaveText(/^1 of \d+$/);
  await press(page, 'step-hit');
  await expect(count).toHaveText(/^2 of \d+$/);
  await press(page, 'step-hit', 1);
  await expect(count).toHaveText(/^1 of \d+$/);
  await press(page, 'close-find');
  await expect(find).toBeHidden();
});

test('Enter or a letter pressed as the mouse is released opens the tag list with the focus in its filter', async ({ page }) => {
  // The drag's selection is reported just after the mouseup; a key that comes in between opened the
  // list focused, and that late report used to reopen it unfocused (9 of 10 tries lost the focus).
  await openDockArticle(page);
  const popover = page.getByRole('dialog', { name: 'Tag selection' });
  const filter = popover.getByRole('combobox', { name: 'Filter tags' });
  for (const key of ['Enter', 'a', 'Enter', 'a']) {
    const box = await phraseBox(page, 'accused');
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 4 });
    await Promise.all([page.mouse.up(), page.keyboard.press(key)]);
    await expect(filter).toBeFocused();
    await expect(filter).toHaveValue(key === 'a' ? 'a' : '');
    await press(page, 'dismiss');
    await expect(popover).toBeHidden();
    await press(page, 'dismiss');
  }
});
