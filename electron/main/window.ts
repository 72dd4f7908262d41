// The main window: secure web preferences, hidden until painted, and the size and position the
// user left it in.
import { BrowserWindow, type Rectangle } from 'electron';
import { readFile } from 'node:fs/promises';
import { writeFileAtomicSync } from '../../node/atomic-write.ts';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
const MIN_WIDTH = 800;
const MIN_HEIGHT = 560;

export interface WindowOptionsInput {
  preloadPath: string;
  state: WindowState;
  isDev: boolean;
  title?: string;
}

/**
 * The options are written out literally at the constructor on purpose: electronegativity reads
 * them there, so the audit checks the real window, not a helper's return value.
 */
export function createMainWindow(input: WindowOptionsInput): BrowserWindow {
  const { state } = input;
  return new BrowserWindow({
    title: input.title ?? 'Presswork',
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#f7f6f3',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click opens links in new windows through a path the open handler would not see.
      disableBlinkFeatures: 'Auxclick',
      // Linux spell checking downloads dictionaries from a remote server; research notes stay local.
      spellcheck: false,
      devTools: input.isDev,
    },
  });
}

function isFiniteInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 100_000;
}

function intersects(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Trust nothing in the saved file: a bad or hand-edited state falls back to defaults, and a
 * position that is no longer on any display (monitor unplugged) is dropped so the window opens
 * where the user can see it.
 */
export function parseWindowState(raw: unknown, workAreas: readonly Rectangle[]): WindowState {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE };
  const record = raw as Record<string, unknown>;
  const width = isFiniteInt(record.width) ? Math.max(MIN_WIDTH, Math.round(record.width)) : DEFAULT_WINDOW_STATE.width;
  const height = isFiniteInt(record.height) ? Math.max(MIN_HEIGHT, Math.round(record.height)) : DEFAULT_WINDOW_STATE.height;
  const state: WindowState = { width, height, maximized: record.maximized === true };
  if (isFiniteInt(record.x) && isFiniteInt(record.y)) {
    const bounds = { x: Math.round(record.x), y: Math.round(record.y), width, height };
    if (workAreas.some((area) => intersects(bounds, area))) {
      state.x = bounds.x;
      state.y = bounds.y;
    }
  }
  return state;
}

export async function loadWindowState(file: string, workAreas: readonly Rectangle[]): Promise<WindowState> {
  try {
    return parseWindowState(JSON.parse(await readFile(file, 'utf8')), workAreas);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/**
 * Synchronous on purpose: it runs in the window's 'close' handler, and closing the last window
 * quits the app before an asynchronous write would finish. The same atomic writer as every write.
 */
export function saveWindowState(file: string, state: WindowState): void {
  writeFileAtomicSync(file, [JSON.stringify(state)]);
}

/** What we read from a window when it closes; getNormalBounds ignores maximisation. */
export function captureWindowState(window: { getNormalBounds(): Rectangle; isMaximized(): boolean }): WindowState {
  const bounds = window.getNormalBounds();
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: window.isMaximized() };
}
