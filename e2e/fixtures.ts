import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface AppFixtures {
  /** A fresh browser profile for each test (its own IndexedDB). */
  profileDir: string;
  context: BrowserContext;
  page: Page;
  /** Closes the browser and starts it again on the same profile, as a user restarting the app. */
  restart: () => Promise<Page>;
}

export async function launchProfile(profileDir: string, viewport = { width: 1400, height: 900 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
    acceptDownloads: true,
  });
}

export const test = base.extend<AppFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
  profileDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'presswork-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir }, use) => {
    const holder = { context: await launchProfile(profileDir) };
    await use(holder.context);
    await holder.context.close().catch(() => {});
  },
  page: async ({ context, baseURL }, use, testInfo) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseURL ?? '/');
    await use(page);
    // Our own context bypasses Playwright's built-in screenshot option: take it here.
    if (testInfo.status !== testInfo.expectedStatus && !page.isClosed()) {
      await page.screenshot({ path: testInfo.outputPath('failure.png'), fullPage: true }).catch(() => {});
    }
  },
  restart: async ({ context, profileDir, baseURL }, use) => {
    let current = context;
    await use(async () => {
      await current.close();
      current = await launchProfile(profileDir);
      const page = current.pages()[0] ?? (await current.newPage());
      await page.goto(baseURL ?? '/');
      return page;
    });
    await current.close().catch(() => {});
  },
});

export { expect } from '@playwright/test';
