import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { selectWithMouse } from './helpers.ts';

// axe-core (WCAG 2.1 A/AA and best practice) on every screen a coder meets, in the states that
// matter: empty, filled, with a popover or a dialog open. Each check fails on any serious or
// critical violation. A screenshot of each screen is kept beside the test's output for review.

const CLAIM = 'accused the union of changing its demands at the last minute';

/** Checks the whole page (or one region of it) and keeps a screenshot named after the screen. */
async function check(page: Page, screen: string, options: { include?: string } = {}): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${screen}.png`) });
  await expectNoSeriousAxeViolations(page, options);
}

async function openSample(page: Page) {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Council denies link/ })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  // Exports take the download path (headless Chromium cannot drive the native save picker).
  await page.addInitScript(() => {
    Object.defineProperty(globalThis, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  await page.reload();
});

test('the projects page, a new project and an unknown project pass axe', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'No projects yet' })).toBeVisible();
  await check(page, 'projects-empty');

  await page.getByLabel('New project name').fill('Election coverage');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'No articles yet' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing to read yet' })).toBeVisible();
  await check(page, 'project-empty');

  await page.getByRole('link', { name: 'Presswork — all projects' }).click();
  await expect(page.getByRole('list', { name: 'Projects' }).getByRole('listitem')).toHaveCount(1);
  await check(page, 'projects-one');

  await page.goto(`${page.url().split('#')[0]}#/project/no-such-project`);
  await expect(page.getByRole('heading', { name: 'Project not found' })).toBeVisible();
  await check(page, 'project-not-found');
});

test('the library and reader of the sample project, the tag popover and a selected annotation pass axe', async ({ page }) => {
  await openSample(page);
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(4);
  await check(page, 'library-reader');

  await page.getByRole('link', { name: /Dock workers extend strike/ }).click();
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Dock workers/ })).toBeVisible();
  await selectWithMouse(page, CLAIM);
  const popover = page.getByRole('dialog', { name: 'Tag selection' });
  await expect(popover.getByRole('listbox', { name: 'Tags' })).toBeVisible();
  await check(page, 'reader-tag-popover');

  await page.keyboard.press('1');
  await expect(popover).toBeHidden();
  const detail = page.getByRole('complementary', { name: 'Annotations' }).getByRole('region', { name: 'Selected annotation' });
  await expect(detail).toContainText(CLAIM);
  await expect(detail.getByRole('combobox', { name: 'Stance' })).toBeVisible();
  await check(page, 'annotation-selected');

  // A library filter that matches nothing.
  await page.getByRole('searchbox', { name: 'Filter articles' }).fill('no article is called this');
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(0);
  await check(page, 'library-filtered-empty');
});

test('the shortcuts, codebook and export dialogs and the export menu pass axe', async ({ page }) => {
  await openSample(page);

  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  await check(page, 'shortcuts-dialog');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();

  await page.getByRole('button', { name: 'Codebook' }).click();
  const codebook = page.getByRole('dialog', { name: 'Codebook' });
  await expect(codebook.getByText('Claim').first()).toBeVisible();
  await check(page, 'codebook-dialog');
  await page.keyboard.press('Escape');
  await expect(codebook).toBeHidden();

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Merge coded dataset…/ })).toBeVisible();
  await check(page, 'export-menu');
  await page.getByRole('button', { name: /^Export…/ }).click();
  const exporter = page.getByRole('dialog', { name: 'Export' });
  await expect(exporter.getByRole('radio', { name: /Presswork dataset \(JSON\)/ })).toBeChecked();
  await check(page, 'export-dialog');
});

test('the import menu, the import report and an article without annotations pass axe', async ({ page }) => {
  await page.getByLabel('New project name').fill('Regional press');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Files…/ })).toBeVisible();
  await check(page, 'import-menu');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  await (await chooser).setFiles([
    { name: 'market.txt', mimeType: 'text/plain', buffer: Buffer.from('Market keeps Sunday hours\n\nThe town market will stay open on Sundays through the summer, the council said.\n') },
    { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') },
  ]);
  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report.getByTestId('import-added')).toHaveText('1');
  await check(page, 'import-report');
  await report.getByRole('button', { name: 'Close' }).click();

  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: 'Market keeps Sunday hours' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No annotations yet' })).toBeVisible();
  await check(page, 'article-no-annotations');
});

test('the restore and merge dialogs pass axe', async ({ page }) => {
  await openSample(page);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Export…/ }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: /^Export \./ }).click();
  const file = await download;
  const dataset = { name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(await readFile(await file.path())) };
  const saved = page.getByRole('dialog', { name: 'Export saved' });
  await expect(saved).toBeVisible();
  await check(page, 'export-saved');
  await saved.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Merge coded dataset…/ }).click();
  const merge = page.getByRole('dialog', { name: 'Merge coded dataset' });
  await expect(merge.getByRole('button', { name: 'Choose dataset…' })).toBeVisible();
  await check(page, 'merge-choose');
  let chooser = page.waitForEvent('filechooser');
  await merge.getByRole('button', { name: 'Choose dataset…' }).click();
  await (await chooser).setFiles(dataset);
  const preview = page.getByRole('dialog', { name: 'Merge this dataset?' });
  await expect(preview.getByTestId('merge-matched')).toHaveText('4');
  await check(page, 'merge-preview');
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toBeHidden();

  await page.getByRole('link', { name: 'Presswork — all projects' }).click();
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open dataset…' }).click();
  await (await chooser).setFiles(dataset);
  const restore = page.getByRole('dialog', { name: 'Restore as a new project?' });
  await expect(restore.getByTestId('restore-articles')).toHaveText('4');
  await check(page, 'restore-confirm');
  await restore.getByRole('button', { name: 'Cancel' }).click();

  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open dataset…' }).click();
  await (await chooser).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  const refused = page.getByRole('dialog', { name: 'This file cannot be opened' });
  await expect(refused.getByRole('alert')).toContainText('is not a Presswork dataset');
  await check(page, 'restore-refused');
});

test('the workspace reflows into a narrow window: every topbar action and the annotations panel stay on screen', async ({ page }) => {
  await openSample(page);
  await page.setViewportSize({ width: 1024, height: 760 });
  // WCAG 1.4.10 (reflow): no page-wide horizontal scrolling; the topbar wraps instead.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const topbar = page.getByRole('banner');
  for (const name of ['Undo', 'Codebook', 'Agreement', 'Actors']) {
    const box = await topbar.getByRole('button', { name, exact: true }).boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.x + box!.width, name).toBeLessThanOrEqual(1024);
  }
  // The reader's own toolbar wraps too: Next stays inside the reader.
  const reader = (await page.getByRole('region', { name: 'Reader' }).boundingBox())!;
  const next = (await page.getByRole('toolbar', { name: 'Article' }).getByRole('button', { name: 'Next article' }).boundingBox())!;
  expect(next.x + next.width).toBeLessThanOrEqual(reader.x + reader.width);
  const panel = await page.getByRole('complementary', { name: 'Annotations' }).boundingBox();
  expect(panel!.x + panel!.width).toBeLessThanOrEqual(1024);
  await check(page, 'workspace-narrow');
});
