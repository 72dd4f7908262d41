// Wiring only: each policy lives in its own module, written to be tested without Electron.
import { app, BrowserWindow, Menu, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_CHANNELS, type MenuCommand } from '../../shared/bridge/contract.ts';
import { createMainHandlers } from './handlers.ts';
import { createDispatcher, registerIpc } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, createAppProtocolHandler, registerAppScheme } from './protocol.ts';
import { applyCspHeader, applyPermissionPolicy, contentSecurityPolicy, secureAllWebContents } from './security.ts';
import { guardWindowClose } from './close-guard.ts';
import { captureWindowState, createMainWindow, loadWindowState, saveWindowState } from './window.ts';

const APP_NAME = 'Presswork';
const mainDir = fileURLToPath(new URL('.', import.meta.url));
const preloadPath = join(mainDir, '../preload/index.cjs');
const rendererDir = join(mainDir, '../renderer');

const isDev = !app.isPackaged;
/** How long closing the window waits for the page's pending writes (the page itself waits less). */
const CLOSE_WAIT_MS = 10_000;
// electron-vite's dev server, honoured only in unpackaged builds.
const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;
const appOrigin = devServerUrl === undefined ? APP_ORIGIN : new URL(devServerUrl).origin;

function log(message: string): void {
  console.warn(`[presswork] ${message}`);
}

let mainWindow: BrowserWindow | null = null;
const ourWebContents = new Set<number>();

function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

async function openMainWindow(): Promise<BrowserWindow> {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = await loadWindowState(windowStateFile(), workAreas);
  const window = createMainWindow({ preloadPath, state, isDev, title: APP_NAME });
  const id = window.webContents.id;
  ourWebContents.add(id);
  mainWindow = window;
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // The page's pending writes are stored before the window goes (the state below is saved on each try).
  guardWindowClose(window, {
    requestChannel: IPC_CHANNELS.closeRequest,
    onReady: (listener) => {
      const onMessage = (event: { sender: { id: number } }) => listener(event.sender.id);
      ipcMain.on(IPC_CHANNELS.closeReady, onMessage);
      return () => {
        ipcMain.removeListener(IPC_CHANNELS.closeReady, onMessage);
      };
    },
    timeoutMs: CLOSE_WAIT_MS,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    log,
  });
  window.on('close', () => {
    try {
      saveWindowState(windowStateFile(), captureWindowState(window));
    } catch (error) {
      log(`window state not saved: ${String(error)}`);
    }
  });
  window.on('closed', () => {
    ourWebContents.delete(id);
    if (mainWindow === window) mainWindow = null;
  });
  try {
    await window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  } catch (error) {
    log(`app page did not load: ${String(error)}`);
  }
  return window;
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (target === null || !ourWebContents.has(target.webContents.id)) {
    log(`menu command ${command} dropped: no app window`);
    return;
  }
  target.webContents.send(IPC_CHANNELS.menuCommand, command);
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: `About ${APP_NAME}`,
    message: `${APP_NAME} ${app.getVersion()}`,
    detail: `Annotation workbench for media researchers.\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome}`,
  };
  void (mainWindow === null ? dialog.showMessageBox(options) : dialog.showMessageBox(mainWindow, options));
}

function start(): void {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', secureAllWebContents({ appOrigin, shell, log }));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    const csp = contentSecurityPolicy(devServerUrl);
    applyCspHeader(session.defaultSession, csp);
    applyPermissionPolicy(session.defaultSession, { appOrigin, log });
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: rendererDir, csp }));

    const handlers = createMainHandlers({
      dialog,
      shell,
      getWindow: () => mainWindow,
      appInfo: { name: APP_NAME, version: app.getVersion(), shell: 'desktop' },
      defaultSaveDir: () => app.getPath('documents'),
    });
    registerIpc(ipcMain, createDispatcher({ handlers, appOrigin, isOurWebContents: (id) => ourWebContents.has(id), log }));

    app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() });
    const template = buildMenuTemplate({
      platform: process.platform,
      isDev,
      appName: APP_NAME,
      send: sendMenuCommand,
      openDataFolder: () => {
        void shell.openPath(app.getPath('userData')).then((error) => {
          if (error !== '') log(`data folder not opened: ${error}`);
        });
      },
      showAbout,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));

    await openMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void openMainWindow();
    });
  });
}

app.setName(APP_NAME);
// Tests give each run a fresh profile; packaged builds ignore this.
if (isDev && process.env.PRESSWORK_USER_DATA !== undefined) app.setPath('userData', process.env.PRESSWORK_USER_DATA);
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
registerAppScheme(protocol);

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
