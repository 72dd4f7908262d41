// The real desktop app, driven through Playwright's Electron support: launch, the window's
// isolation, importing a file through the native menu (dialog stubbed in main), and writing an
// export through the save dialog. Skipped where no Electron binary exists (these machines cannot
// download it); runs wherever `npm install` could fetch Electron.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The Electron executable npm installed, or null. Never require('electron'): it would try to download. */
function electronBinary(): string | null {
  const dist = join(root, 'node_modules', 'electron', 'dist');
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(dist) || !existsSync(pathFile)) return null;
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
test.skip(binary === null, 'Electron binary not available');
test.describe.configure({ mode: 'serial' });

const ARTICLE_TITLE = 'Harbour authority delays the new ferry terminal';
const ARTICLE = `${ARTICLE_TITLE}\n\nThe harbour authority said on Friday that the new ferry terminal will open a year later than planned.\n\nA spokesperson blamed the delay on a shortage of steel and on a dispute with the main contractor.\n`;

let work: string;
let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'ignore' });
  work = await mkdtemp(join(tmpdir(), 'presswork-electron-'));
  app = await electron.launch({
    executablePath: binary as string,
    args: ['.'],
    cwd: root,
    env: { ...process.env, PRESSWORK_USER_DATA: join(work, 'profile') },
  });
  page = await app.firstWindow();
  // Nothing may leave for the system browser during the test: record instead.
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as { __opened?: string[] }).__opened = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
});

test.afterAll(async () => {
  await app?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

test('launches the app from app:// in an isolated, sandboxed page', async () => {
  await expect(page).toHaveTitle('Presswork');
  expect(page.url()).toBe('app://presswork/index.html');
  const isolation = await page.evaluate(() => ({
    bridge: Object.keys((globalThis as unknown as { presswork: object }).presswork).sort(),
    require: typeof (globalThis as unknown as { require?: unknown }).require,
    process: typeof (globalThis as unknown as { process?: unknown }).process,
    popup: (globalThis as unknown as { open(url: string): unknown }).open('https://example.org/') === null,
  }));
  expect(isolation).toEqual({
    bridge: ['appInfo', 'onMenuCommand', 'openDropped', 'openFiles', 'openFolder', 'saveFile', 'saveStreamClose', 'saveStreamOpen', 'saveStreamWrite', 'showInFolder'],
    require: 'undefined',
    process: 'undefined',
    popup: true,
  });
  expect(await app.evaluate(() => (globalThis as { __opened?: string[] }).__opened)).toEqual(['https://example.org/']);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  const info = await page.evaluate(() => (globalThis as unknown as { presswork: { appInfo(): Promise<unknown> } }).presswork.appInfo());
  expect(info).toMatchObject({ name: 'Presswork', shell: 'desktop' });
});

test('imports a file chosen through File › Import Files…', async () => {
  const file = join(work, 'harbour.txt');
  await writeFile(file, ARTICLE);
  await page.getByLabel('New project name').fill('Harbour coverage');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Harbour coverage' })).toBeVisible();

  await app.evaluate(({ dialog }, path) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
  }, file);
  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('import-files')?.click());

  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toBeVisible();
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('link', { name: new RegExp(ARTICLE_TITLE) })).toBeVisible();
});

test('writes an export chosen through File › Export… and the save dialog', async () => {
  const target = join(work, 'harbour-export');
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      const options = args.at(-1) as { defaultPath?: string };
      const name = options.defaultPath?.split(/[\\/]/).pop() ?? 'export';
      return { canceled: false, filePath: `${path}-${name}` };
    }) as typeof dialog.showSaveDialog;
  }, target);
  await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('export')?.click());

  const form = page.getByRole('dialog', { name: 'Export' });
  await form.getByRole('button', { name: /^Export / }).click();
  const saved = page.getByRole('dialog', { name: 'Export saved' });
  await expect(saved).toBeVisible();
  const location = (await saved.getByTestId('export-location').textContent())?.trim() ?? '';
  expect(location.startsWith(`${target}-`)).toBe(true);
  const bytes = await readFile(location);
  expect(bytes.length).toBeGreaterThan(0);
  await expect(saved.getByRole('button', { name: 'Show in folder' })).toBeVisible();
});
