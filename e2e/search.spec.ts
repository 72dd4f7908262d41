import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { bandColours } from './helpers.ts';

/** Find-hit tints in the reader as a user sees them: amber for the current hit, pale yellow for the others. */
async function findTints(page: Page): Promise<{ current: boolean; other: boolean }> {
  const text = page.getByRole('textbox', { name: 'Article text' });
  const colours = await bandColours(page, await text.screenshot());
  const rgb = colours.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number]);
  return {
    current: rgb.some(([r, g, b]) => r > 240 && g > 150 && g < 195 && b < 100),
    other: rgb.some(([r, g, b]) => r > 240 && g > 215 && g < 245 && b > 120 && b < 175),
  };
}

// Invented articles in three languages: inflected names and a phrase to find.
const ARTICLES = [
  {
    title: 'Лукашенко встретился с губернаторами',
    outlet: 'Минский вестник',
    date: '2024-02-10',
    language: 'ru',
    text: ['Александр Лукашенко провёл совещание с губернаторами областей.', 'По словам Лукашенко, урожай будет хорошим. Губернаторы пообещали отчитаться к осени.'].join('\n\n'),
  },
  {
    title: 'Санкции против окружения президента',
    outlet: 'Независимая газета',
    date: '2024-07-01',
    language: 'ru',
    text: ['Евросоюз ввёл новые санкции. Ограничения коснулись чиновников, близких к Лукашенке.', 'Лукашенку поддержали только в Москве; лукашенковские министры промолчали.'].join('\n\n'),
  },
  {
    title: 'Звернення президента',
    outlet: 'Київський кур’єр',
    date: '2024-03-05',
    language: 'uk',
    text: ['Президент Зеленський звернувся до громадян.', 'Слова Зеленського про мʼясо та хліб цитують усі.'].join('\n\n'),
  },
  {
    title: 'Harvest talks in Minsk',
    outlet: 'Daily Ledger',
    date: '2024-02-11',
    language: 'en',
    text: ['Lukashenko met regional governors on Tuesday.', 'The governors promised a good harvest, officials said.'].join('\n\n'),
  },
];

const SHOTS = '/tmp/search-shots';
const IMPORT_TIMEOUT = { timeout: 45_000 };
test.describe.configure({ timeout: 120_000 });

async function importCorpus(page: Page) {
  await page.getByLabel('New project name').fill('Regional politics');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Regional politics' })).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  const jsonl = ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n';
  await (await chooser).setFiles([{ name: 'politics.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) }]);
  const dialog = page.getByRole('dialog', { name: 'Import finished' });
  await expect(dialog).toBeVisible(IMPORT_TIMEOUT);
  await expect(dialog.getByTestId('import-added')).toHaveText(String(ARTICLES.length));
  await dialog.getByRole('button', { name: 'Close' }).click();
}

test('searches the library with inflected words and phrases, opens a hit and finds in the article', async ({ page }) => {
  await mkdir(SHOTS, { recursive: true });
  await importCorpus(page);
  const library = page.getByRole('navigation', { name: 'Library' });
  const box = library.getByRole('searchbox', { name: 'Search articles' });
  const results = library.getByRole('list', { name: 'Search results' });

  // Ctrl+K focuses the box from anywhere.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();

  // An inflected Russian query finds every form, and the English spelling is another word.
  await box.fill('Лукашенку');
  await expect(library.getByRole('status')).toHaveText('2 articles match');
  await expect(results.getByRole('listitem')).toHaveCount(2);
  const first = results.getByRole('link', { name: /Лукашенко встретился/ });
  await expect(first).toContainText('2 hits');
  await expect(first.locator('mark').first()).toHaveText('Лукашенко');
  await expect(results.getByRole('link', { name: /Санкции/ })).toContainText('Лукашенке');
  await page.screenshot({ path: `${SHOTS}/results.png` });
  await expectNoSeriousAxeViolations(page, { include: '.library' });

  // Ukrainian: the nominative finds the genitive; apostrophes of any kind match.
  await box.fill("Зеленський м'ясо");
  await expect(library.getByRole('status')).toHaveText('1 article matches');
  await expect(results.getByRole('link', { name: /Звернення/ })).toContainText('3 hits');

  // A phrase holds only where the words are adjacent and in order.
  await box.fill('"словам Лукашенко"');
  await expect(library.getByRole('status')).toHaveText('1 article matches');
  await expect(results.getByRole('link', { name: /Лукашенко встретился/ })).toBeVisible();
  await box.fill('"Лукашенко словам"');
  await expect(library.getByRole('status')).toHaveText('No articles match');
  await expect(library.getByRole('heading', { name: /No articles match/ })).toBeVisible();

  // Fields, OR and exclusion.
  await box.fill('губернатор* OR governors -outlet:ledger');
  await expect(library.getByRole('status')).toHaveText('1 article matches');
  await box.fill('date:2024-02 lang:en');
  await expect(library.getByRole('status')).toHaveText('1 article matches');
  await expect(results.getByRole('link', { name: /Harvest talks/ })).toBeVisible();
  await expect(results.getByRole('link', { name: /Harvest talks/ })).not.toContainText('hits'); // filters only: no hits to count

  // A query that cannot be read says why, next to the box.
  await box.fill('date:2024-13');
  await expect(library.getByRole('alert')).toContainText('Cannot read the date “2024-13”');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  // The results of the last good query are not left standing under the error.
  await expect(results).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/query-error.png` });
  await expectNoSeriousAxeViolations(page, { include: '.library' });

  // The concordance: one line per hit, sortable by context, opening the article at its hit.
  await box.fill('Лукашенку');
  await expect(library.getByRole('status')).toHaveText('2 articles match');
  await library.getByRole('button', { name: 'Concordance (KWIC)' }).click();
  const kwic = library.getByRole('listbox', { name: 'Concordance' });
  await expect(library.getByRole('status').filter({ hasText: 'lines' })).toHaveText('4 lines');
  const hitsShown = kwic.locator('.kwic-hit');
  // Text order first: the results' order, then position in the article.
  await expect(hitsShown).toHaveText(['Лукашенко', 'Лукашенко', 'Лукашенке', 'Лукашенку']);
  await library.getByLabel('Sort by').selectOption('Right context');
  // By the first word after the hit: лукашенку (after "Лукашенке."), поддержали, провёл, урожай.
  await expect(hitsShown).toHaveText(['Лукашенке', 'Лукашенку', 'Лукашенко', 'Лукашенко']);
  await expect(kwic.getByRole('option').nth(2)).toContainText('провёл');
  await page.screenshot({ path: `${SHOTS}/kwic.png` });
  await expectNoSeriousAxeViolations(page, { include: '.library' });
  await kwic.getByRole('option').nth(1).dblclick();
  await expect(page.getByRole('region', { name: 'Reader' }).locator('.find-count')).toHaveText('2 of 2');
  await library.getByRole('button', { name: 'Articles', exact: true }).click();

  // Open a hit: the reader opens its find bar on the query, at the first hit.
  await results.getByRole('link', { name: /Санкции/ }).click();
  const reader = page.getByRole('region', { name: 'Reader' });
  await expect(reader.getByRole('heading', { name: 'Санкции против окружения президента' })).toBeVisible();
  const find = reader.getByRole('searchbox', { name: 'Find in article' });
  await expect(find).toHaveValue('Лукашенку');
  const count = reader.locator('.find-count');
  await expect(count).toHaveText('1 of 2');
  await expect.poll(() => findTints(page)).toEqual({ current: true, other: true });
  await reader.getByRole('button', { name: 'Next hit' }).click();
  await expect(count).toHaveText('2 of 2');
  await reader.getByRole('button', { name: 'Next hit' }).click();
  await expect(count).toHaveText('1 of 2');
  await reader.getByRole('button', { name: 'Previous hit' }).click();
  await expect(count).toHaveText('2 of 2');
  await page.screenshot({ path: `${SHOTS}/find-bar.png` });
  await expectNoSeriousAxeViolations(page, { include: '.find-bar' });
  await expectNoSeriousAxeViolations(page, { include: '.library' });

  // Close it; Ctrl+F opens it again, and a new query counts again.
  await reader.getByRole('button', { name: 'Close find bar' }).click();
  await expect(find).toBeHidden();
  await expect.poll(() => findTints(page)).toEqual({ current: false, other: false });
  await page.getByRole('textbox', { name: 'Article text' }).click();
  await page.keyboard.press('Control+f');
  await expect(find).toBeFocused();
  await find.fill('санкция');
  await expect(count).toHaveText('1 of 1');
  await find.fill('"Лукашенку поддержали"');
  await expect(count).toHaveText('1 of 1');
  await find.fill('нетаких');
  await expect(count).toHaveText('No hits');

  // Escape in the search box ends the search: the library lists every article again.
  await box.click();
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(library.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(ARTICLES.length);
});
