// The wiring of index.ts with Electron mocked: the real window gets the secure options, the app
// is loaded from app://, and every policy is installed before the first window exists.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPC_CHANNELS } from '../../shared/bridge/contract.ts';

const userData = mkdtempSync(join(tmpdir(), 'presswork-index-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

const state = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const appListeners = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  class FakeWindow {
    static nextId = 1;
    listeners = new Map<string, Listener>();
    shown = false;
    loaded: string | undefined;
    sent: unknown[][] = [];
    webContents = { id: FakeWindow.nextId++, send: (...args: unknown[]) => this.sent.push(args) };
    constructor(public options: Record<string, unknown>) {
      windows.push(this);
    }
    once(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    show() {
      this.shown = true;
    }
    maximize() {}
    async loadURL(url: string) {
      this.loaded = url;
    }
    static getFocusedWindow() {
      return null;
    }
    static getAllWindows() {
      return windows;
    }
  }
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  return {
    appListeners,
    windows,
    FakeWindow,
    ready,
    resolveReady: () => resolveReady(),
    gotLock: true,
    order: [] as string[],
    handled: [] as string[],
    menuTemplate: undefined as unknown,
    protocolHandlers: new Map<string, unknown>(),
    userData: '',
    quit: vi.fn(),
  };
});

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    setName: vi.fn(),
    enableSandbox: () => state.order.push('enableSandbox'),
    requestSingleInstanceLock: () => state.gotLock,
    quit: state.quit,
    on: (event: string, listener: (...args: unknown[]) => void) => state.appListeners.set(event, listener),
    whenReady: () => state.ready,
    getPath: () => state.userData,
    getVersion: () => '0.1.0',
    setAboutPanelOptions: vi.fn(),
  },
  BrowserWindow: state.FakeWindow,
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => (state.menuTemplate = menu) },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
  ipcMain: { handle: (channel: string) => state.handled.push(channel) },
  protocol: {
    registerSchemesAsPrivileged: () => state.order.push('registerSchemes'),
    handle: (scheme: string, handler: unknown) => state.protocolHandlers.set(scheme, handler),
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: () => state.order.push('csp') },
      setPermissionRequestHandler: () => state.order.push('permissions'),
      setPermissionCheckHandler: vi.fn(),
    },
  },
  shell: { openExternal: vi.fn(), openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() },
}));

/** Starts the app once (module import + ready) so that any test can run alone, in any order. */
async function bootedWindow(): Promise<InstanceType<typeof state.FakeWindow>> {
  await import('./index.ts');
  state.resolveReady();
  await vi.waitFor(() => expect(state.windows[0]?.loaded).toBeDefined());
  return state.windows[0] as InstanceType<typeof state.FakeWindow>;
}

describe('main process wiring', () => {
  beforeEach(() => {
    state.userData = userData;
  });

  it('registers the scheme and sandbox before ready, then builds a secure hidden window on app://', async () => {
    await import('./index.ts');
    expect(state.order).toEqual(['enableSandbox', 'registerSchemes']);
    expect(state.appListeners.has('web-contents-created')).toBe(true);
    expect(state.appListeners.has('second-instance')).toBe(true);
    expect(state.windows).toHaveLength(0);

    state.resolveReady();
    await vi.waitFor(() => expect(state.windows[0]?.loaded).toBeDefined());
    expect(state.order).toEqual(['enableSandbox', 'registerSchemes', 'csp', 'permissions']);
    const window = state.windows[0] as InstanceType<typeof state.FakeWindow>;
    expect(window.loaded).toBe('app://presswork/index.html');
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false },
    });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.shown).toBe(false);
    window.listeners.get('ready-to-show')?.();
    expect(window.shown).toBe(true);
    expect(state.protocolHandlers.has('app')).toBe(true);
    expect(state.handled.sort()).toEqual(Object.values(IPC_CHANNELS).filter((c) => c !== IPC_CHANNELS.menuCommand && c !== IPC_CHANNELS.closeRequest && c !== IPC_CHANNELS.closeReady).sort());
  });

  it('sends menu commands to the app window over the menu channel', async () => {
    const window = await bootedWindow();
    const template = state.menuTemplate as { label?: string; submenu?: { id?: string; click?: () => void }[] }[];
    const file = template.find((item) => item.label === '&File');
    window.sent.length = 0;
    file?.submenu?.find((item) => item.id === 'import-files')?.click?.();
    expect(window.sent).toEqual([[IPC_CHANNELS.menuCommand, 'import-files']]);
    // Packaged build: no DevTools in the menu.
    expect(JSON.stringify(template)).not.toContain('toggleDevTools');
  });

  it('quits at once when another instance holds the lock', async () => {
    vi.resetModules();
    state.gotLock = false;
    state.appListeners.clear();
    try {
      await import('./index.ts');
      expect(state.quit).toHaveBeenCalled();
      expect(state.appListeners.size).toBe(0);
    } finally {
      state.gotLock = true;
      vi.resetModules();
    }
  });
});
