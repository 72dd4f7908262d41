// The README's screenshots, taken from the real app (web shell in Chromium):
//   npx playwright test --config scripts/screenshots.config.ts
import { test } from '../e2e/fixtures.ts';
import { clickOnText, selectWithMouse } from '../e2e/helpers.ts';

test('reader with nested annotations and the tag list', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 860 });
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await page.getByRole('heading', { name: /Council denies link/ }).waitFor();
  // An actor nested inside an existing claim, and a source.
  await selectWithMouse(page, 'the regional authority');
  await page.keyboard.press('3');
  await selectWithMouse(page, 'Marta Ilves');
  await page.keyboard.press('3');
  await clickOnText(page, 'detergent levels');
  await selectWithMouse(page, 'foam can also form naturally after heavy rain');
  await page.getByRole('dialog', { name: 'Tag selection' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'resources/screenshots/reader.png' });
});

test('actor registry with proposed mentions', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 860 });
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await page.getByRole('heading', { name: /Council denies link/ }).waitFor();
  await page.getByRole('button', { name: 'Actors' }).click();
  const registry = page.getByRole('dialog', { name: 'Actors' });
  for (const [name, kind, aliases] of [
    ['Eastmere Port Holdings', 'organisation', 'port operator, operator'],
    ['Tomas Varga', 'person', 'Deputy Mayor'],
    ['Виктор Степанов', 'person', 'глава района'],
  ] as const) {
    await registry.getByRole('button', { name: '+ Add actor' }).click();
    const form = page.getByRole('dialog', { name: 'New actor' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Kind').selectOption(kind);
    await form.getByLabel('Aliases').fill(aliases);
    await form.getByRole('button', { name: 'Add actor' }).click();
    await form.waitFor({ state: 'hidden' });
  }
  await registry.getByRole('button', { name: 'Find mentions of Tomas Varga' }).click();
  await registry.getByRole('button', { name: /^Accept all/ }).click();
  await registry.getByText('Nothing left to review.').waitFor();
  await registry.getByRole('button', { name: 'Find mentions of Eastmere Port Holdings' }).click();
  await registry.getByRole('list', { name: 'Proposed mentions of Eastmere Port Holdings' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'resources/screenshots/actors.png' });
});
