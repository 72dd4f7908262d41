/**
 * The one interface between the React app and the world outside the page (DESIGN.md §2).
 * Implemented by the Electron preload (desktop) and by renderer/src/platform/web-bridge.ts.
 */

export type Shell = 'desktop' | 'web';

export interface OpenedFile {
  /** File name, or path relative to the chosen folder for folder imports. */
  name: string;
  bytes: Uint8Array;
}

/** A file the shell could not read (too large, permission denied…): reported, never dropped. */
export interface UnreadableFile {
  name: string;
  error: string;
}

export interface OpenResult {
  files: OpenedFile[];
  unreadable: UnreadableFile[];
}

export interface SaveRequest {
  suggestedName: string;
  /** Written in order; large exports arrive in chunks, never as one giant string. */
  parts: (string | Uint8Array)[];
  mimeType?: string;
}

export type SaveResult = { status: 'saved'; location: string } | { status: 'cancelled' };

/** A save whose bytes follow in pieces (`saveStreamWrite`), so no side ever holds the whole file. */
export interface SaveStreamRequest {
  suggestedName: string;
  mimeType?: string;
}

export type SaveStreamOpened = { status: 'open'; stream: string } | { status: 'cancelled' };

export interface AppInfo {
  name: string;
  version: string;
  shell: Shell;
}

/** Commands that the native menu (desktop) sends to the app. */
export const MENU_COMMANDS = [
  'new-project',
  'import-files',
  'import-folder',
  'export',
  'undo',
  'redo',
  'toggle-library',
  'toggle-annotations',
  'show-shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * The channel map: every page → main call, with its argument list and its result. Main's handlers
 * (`InvokeHandlers`), the preload's `invoke` and the page's `Bridge` are all derived from it, so a
 * handler, a call or a shell with the wrong types does not compile (see contract.test.ts).
 */
export interface InvokeMap {
  /** Ask the user for files; an empty result when cancelled. */
  openFiles: { args: []; result: OpenResult };
  /** Ask the user for a folder; every file below it. */
  openFolder: { args: []; result: OpenResult };
  /** Read files and folders dropped onto the window, by absolute path (desktop only). */
  openDropped: { args: [paths: string[]]; result: OpenResult };
  saveFile: { args: [request: SaveRequest]; result: SaveResult };
  /** Ask where to save (the dialog opens now, during the click); the bytes follow. */
  saveStreamOpen: { args: [request: SaveStreamRequest]; result: SaveStreamOpened };
  /** The next parts of an open save, in order; resolves once they are written (back pressure). */
  saveStreamWrite: { args: [stream: string, parts: (string | Uint8Array)[]]; result: void };
  /** `commit`: put the file in place (atomically); otherwise discard what was written. */
  saveStreamClose: { args: [stream: string, commit: boolean]; result: SaveResult };
  appInfo: { args: []; result: AppInfo };
  /** Reveal a saved file in the system file manager (desktop only; a no-op on the web). */
  showInFolder: { args: [location: string]; result: void };
}
export type InvokeName = keyof InvokeMap;
export type InvokeArgs<K extends InvokeName> = InvokeMap[K]['args'];
export type InvokeResult<K extends InvokeName> = InvokeMap[K]['result'];

/** Main's side of the map: one handler per call, given the validated arguments. */
export type InvokeHandlers = { [K in InvokeName]: (...args: InvokeArgs<K>) => Promise<InvokeResult<K>> };

/** The page's side of the calls: the same signatures, except dropping, which starts from `File`s. */
type PageCalls = Omit<InvokeHandlers, 'openDropped'>;

export interface Bridge extends PageCalls {
  /** Subscribe to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Desktop only (optional): read files and folders dropped onto the window. The preload
   * resolves each dropped `File` to its path (Electron's webUtils.getPathForFile) and main reads
   * it — folders included, with names relative to the dropped folder's parent. The web shell
   * leaves this out and reads dropped files through the File API instead.
   */
  openDropped?(files: readonly File[]): Promise<InvokeResult<'openDropped'>>;
  /**
   * Desktop only (optional): before main closes the window it asks the page to finish the writes
   * it has started; `settle` resolves when they are done (or the page gave up waiting), and main
   * closes the window then — or after its own timeout, if the page never answers. Returns the
   * unsubscribe function. The web shell warns on `beforeunload` instead.
   */
  onCloseRequest?(settle: () => Promise<void>): () => void;
}

/** The IPC channel of each call in the map. */
export const INVOKE_CHANNEL = {
  openFiles: 'presswork:open-files',
  openFolder: 'presswork:open-folder',
  saveFile: 'presswork:save-file',
  saveStreamOpen: 'presswork:save-stream-open',
  saveStreamWrite: 'presswork:save-stream-write',
  saveStreamClose: 'presswork:save-stream-close',
  appInfo: 'presswork:app-info',
  showInFolder: 'presswork:show-in-folder',
  openDropped: 'presswork:open-dropped',
} as const satisfies Record<InvokeName, `presswork:${string}`>;

/** IPC channel names, shared by preload and main so that neither can drift. */
export const IPC_CHANNELS = {
  ...INVOKE_CHANNEL,
  menuCommand: 'presswork:menu-command',
  /** main → page: the window is about to close; finish pending writes. */
  closeRequest: 'presswork:close-request',
  /** page → main (send, no answer): pending writes are settled, close now. */
  closeReady: 'presswork:close-ready',
} as const;

/** How main answers every invoke: errors travel as values, not as thrown IPC errors. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * The preload's typed `invoke` over Electron's untyped one: the channel comes from the map, the
 * arguments must match it, and the result is unwrapped from `IpcResult` (a failed call throws,
 * as any async API would). `raw` is `ipcRenderer.invoke`, passed in so this stays free of Electron.
 */
export function typedInvoke(raw: (channel: string, ...args: unknown[]) => Promise<unknown>) {
  return async <K extends InvokeName>(name: K, ...args: InvokeArgs<K>): Promise<InvokeResult<K>> => {
    // Trusted because main's handlers satisfy the same map (`InvokeHandlers`) and wrap it so.
    const result = (await raw(INVOKE_CHANNEL[name], ...args)) as IpcResult<InvokeResult<K>>;
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };
}
