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
