import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Restores a dataset (e.g. one coder's export) as a new project through "Open dataset…". */
export async function openDatasetAsProject(page: Page, fileName: string, dataset: unknown, projectName: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open dataset…' }).click();
  await (await chooser).setFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset)) });
  await page.getByRole('dialog', { name: 'Restore as a new project?' }).getByRole('button', { name: 'Restore project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
}

/** Chooses another coder's dataset in "Merge coded dataset…"; returns the preview dialog. */
export async function chooseDatasetToMerge(page: Page, fileName: string, dataset: unknown): Promise<Locator> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Merge coded dataset…/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('dialog', { name: 'Merge coded dataset' }).getByRole('button', { name: 'Choose dataset…' }).click();
  await (await chooser).setFiles({ name: fileName, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset)) });
  return page.getByRole('dialog', { name: 'Merge this dataset?' });
}
