import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureWindowState, createMainWindow, DEFAULT_WINDOW_STATE, loadWindowState, parseWindowState, saveWindowState } from './window.ts';

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(public options: BrowserWindowConstructorOptions) {}
  },
}));

function mainWindowOptions(input: Parameters<typeof createMainWindow>[0]): BrowserWindowConstructorOptions {
  return (createMainWindow(input) as unknown as { options: BrowserWindowConstructorOptions }).options;
}

const SCREEN = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('main window options', () => {
  const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', state: DEFAULT_WINDOW_STATE, isDev: false });

  it('turns every renderer hardening on', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(options.webPreferences?.disableBlinkFeatures).toContain('Auxclick');
    expect(options.webPreferences?.enableBlinkFeatures).toBeUndefined();
  });

  it('is created hidden (shown on ready-to-show)', () => {
    expect(options.show).toBe(false);
  });

  it('has DevTools only in development', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: 'p', state: DEFAULT_WINDOW_STATE, isDev: true }).webPreferences?.devTools).toBe(true);
  });

  it('uses the remembered bounds', () => {
    const restored = mainWindowOptions({ preloadPath: 'p', state: { x: 10, y: 20, width: 900, height: 700, maximized: false }, isDev: false });
    expect(restored).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
    expect('x' in options).toBe(false);
  });
});

describe('window state', () => {
  it('keeps a valid on-screen state', () => {
    expect(parseWindowState({ x: 100, y: 50, width: 1000, height: 700, maximized: true }, SCREEN)).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('drops a position that is on no display any more', () => {
    expect(parseWindowState({ x: 5000, y: 50, width: 1000, height: 700 }, SCREEN)).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('falls back to defaults for junk and clamps tiny sizes', () => {
    expect(parseWindowState('nope', SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState({ width: 'big', height: Number.NaN }, SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState({ width: 10, height: 10 }, SCREEN)).toMatchObject({ width: 800, height: 560 });
  });

  describe('on disk', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'presswork-window-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('round-trips through the userData file, and survives a corrupt one', async () => {
      const file = join(dir, 'window-state.json');
      expect(await loadWindowState(file, SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
      const state = captureWindowState({ getNormalBounds: () => ({ x: 30, y: 40, width: 1111, height: 777 }), isMaximized: () => false });
      saveWindowState(file, state);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state);
      expect(await loadWindowState(file, SCREEN)).toEqual(state);
      expect(await readdir(dir)).toEqual(['window-state.json']);
      await writeFile(file, '{"width": 9');
      expect(await loadWindowState(file, SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
    });
  });
});
