import { expect, test } from './fixtures.ts';
import { createProjectWithArticles } from './helpers.ts';

// Enough articles that the virtual list renders a small part of them.
const COUNT = 400;
test.describe.configure({ timeout: 150_000 });

test('the library keeps keyboard focus while paging through a long virtual list', async ({ page }) => {
  const articles = Array.from({ length: COUNT }, (_, i) => ({ title: `Article ${i + 1}`, outlet: 'Daily Ledger', date: '2024-01-01', text: `Text of article number ${i + 1}.` }));
  await createProjectWithArticles(page, 'Long library', articles);

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
