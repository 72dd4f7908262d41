import { mkdir } from 'node:fs/promises';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { createProjectWithArticles } from './helpers.ts';

// Invented articles: Лукашенко in several case forms, each followed by a different word, so the
// right-context sort has something to sort; one phrase occurs in two articles only.
const FORMS = ['Лукашенко', 'Лукашенку', 'Лукашенки', 'Лукашенкой'];
const NEXT = ['встретился', 'поддержали', 'не', 'заявил', 'ответил', 'приехал'];
const ARTICLES = Array.from({ length: 8 }, (_, i) => ({
  title: `Новости региона ${i + 1}`,
  outlet: i % 2 ? 'Минский вестник' : 'Независимая газета',
  date: `2024-0${1 + (i % 6)}-1${i}`,
  language: 'ru',
  text: [`Выпуск ${i + 1}.`, ...[0, 1, 2]
    .map((k) => `Сегодня ${FORMS[(i + k) % 4]} ${NEXT[(i * 3 + k) % 6]} губернаторам. ${k === 0 && i < 2 ? 'По словам Лукашенко, урожай будет хорошим.' : 'Урожай будет хорошим.'}`)]
    .join('\n\n'),
}));
// 8 articles × 3 lines, plus the two "по словам" sentences: 26 hits of Лукашенко.
const HITS = 26;

test.describe.configure({ timeout: 300_000 });

test('codes 20 concordance lines with one action, undoes and redoes it; coded hits show their tag', async ({ page }) => {
  await createProjectWithArticles(page, 'Coding from hits', ARTICLES);
  const library = page.getByRole('navigation', { name: 'Library' });
  const box = library.getByRole('searchbox', { name: 'Search articles' });
  const summary = library.locator('.search-summary').getByRole('status');

  // A phrase first: only the two articles where the words stand together.
  await box.fill('"словам Лукашенко"');
  await expect(summary).toHaveText('2 articles match', { timeout: 30_000 });

  // An inflected query finds every case form.
  await box.fill('Лукашенку');
  await expect(summary).toHaveText('8 articles match', { timeout: 30_000 });
  await library.getByRole('button', { name: 'Concordance (KWIC)' }).click();
  const kwic = library.getByRole('listbox', { name: 'Concordance' });
  await expect(library.getByRole('status').filter({ hasText: 'lines' })).toHaveText(`${HITS} lines`);
  await expect(kwic.locator('.kwic-hit').first()).toHaveText(/^Лукашенк/);

  // Sorted by the word right of the hit.
  await library.getByLabel('Sort by').selectOption('Right context');
  const firstWords = async () => (await kwic.locator('.kwic-right').allTextContents()).map((t) => (t.match(/\p{L}+/u)?.[0] ?? '').toLowerCase());
  await expect.poll(async () => {
    const w = await firstWords();
    return w.every((x, i) => i === 0 || (w[i - 1] as string).localeCompare(x) <= 0);
  }).toBe(true);

  // Select 20 lines: click the first, Shift+ArrowDown 19 times (keyboard selection).
  const options = kwic.getByRole('option');
  await options.first().click();
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(kwic).toBeFocused();
  for (let i = 0; i < 19; i++) await page.keyboard.press('Shift+ArrowDown');
  const coding = library.getByRole('group', { name: 'Code selected hits' });
  await expect(coding.getByText('20 selected')).toBeVisible();
  await expect(kwic.locator('[role="option"][aria-selected="true"]')).toHaveCount(20);

  // One action codes all 20 as claims.
  await coding.getByLabel('Tag').selectOption({ label: 'Claim' });
  await coding.getByRole('button', { name: 'Apply tag' }).click();
  const message = coding.getByRole('status');
  await expect(message).toHaveText('20 annotations added as Claim.');
  await expect(kwic.getByLabel('Coded: Claim')).toHaveCount(20);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo Code 20 hits as Claim/);

  await mkdir('resources/screenshots', { recursive: true });
  await page.screenshot({ path: 'resources/screenshots/kwic-coding.png' });
  await expectNoSeriousAxeViolations(page, { include: '.library' });

  // Applying again skips the exact duplicates and says so.
  await coding.getByRole('button', { name: 'Apply tag' }).click();
  await expect(message).toContainText('Nothing added; 20 hits were already coded so, skipped:');

  // Undo takes all 20 away at once, redo brings them back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(kwic.getByLabel('Coded: Claim')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(kwic.getByLabel('Coded: Claim')).toHaveCount(20);

  // Ctrl+A selects every line; Escape clears; Enter opens the focused line's article at its hit.
  await kwic.focus();
  await page.keyboard.press('Control+a');
  await expect(coding.getByText(`${HITS} selected`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(coding.getByText('0 selected')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Reader' }).locator('.find-count')).toHaveText(/ of /);
});
