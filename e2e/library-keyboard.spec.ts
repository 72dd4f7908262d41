import { expect, test } from './fixtures.ts';

// Enough articles that the virtual list renders a small part of them.
const COUNT = 400;
test.describe.configure({ timeout: 150_000 });

test('the library keeps keyboard focus while paging through a long virtual list', async ({ page }) => {
  await page.getByLabel('New project name').fill('Long library');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Long library' })).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  const jsonl = Array.from({ length: COUNT }, (_, i) => JSON.stringify({ title: `Article ${i + 1}`, outlet: 'Daily Ledger', date: '2024-01-01', text: `Text of article number ${i + 1}.` })).join('\n') + '\n';
  await (await chooser).setFiles([{ name: 'long.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) }]);
  const dialog = page.getByRole('dialog', { name: 'Import finished' });
  await expect(dialog).toBeVisible({ timeout: 90_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();

  const list = page.getByRole('navigation', { name: 'Library' }).getByRole('list', { name: 'Articles' });
  const focusedRow = () => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset') ?? `focus on <${document.activeElement?.tagName.toLowerCase()}>`);
  await list.getByRole('link', { name: /^Article 1\b/ }).focus();
  await expect.poll(focusedRow).toBe('1');

  await page.keyboard.press('ArrowDown');
  await expect.poll(focusedRow).toBe('2');
  // Far past the rows rendered at first: focus moves with each page and never falls to <body>.
  for (let i = 0; i < 30; i++) await page.keyboard.press('PageDown');
  await expect.poll(async () => Number(await focusedRow())).toBeGreaterThan(150);
  await expect(list.locator(':focus')).toBeInViewport();
  await page.keyboard.press('End');
  await expect.poll(focusedRow).toBe(String(COUNT));
  await expect(list.getByRole('link', { name: new RegExp(`^Article ${COUNT}\\b`) })).toBeFocused();
  await page.keyboard.press('Home');
  await expect.poll(focusedRow).toBe('1');

  // Scrolling the focused row away (wheel) keeps it focused; the next arrow continues from it.
  await list.hover();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 2000);
  await expect.poll(focusedRow).toBe('1');
  await page.keyboard.press('ArrowDown');
  await expect.poll(focusedRow).toBe('2');
  await expect(list.locator(':focus')).toBeInViewport();
});
