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

export interface Bridge {
  /** Ask the user for files; an empty result when cancelled. */
  openFiles(): Promise<OpenResult>;
  /** Ask the user for a folder; every file below it. */
  openFolder(): Promise<OpenResult>;
  saveFile(request: SaveRequest): Promise<SaveResult>;
  appInfo(): Promise<AppInfo>;
  /** Reveal a saved file in the system file manager (desktop only; a no-op on the web). */
  showInFolder(location: string): Promise<void>;
  /** Subscribe to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Desktop only (optional): read files and folders dropped onto the window. The preload
   * resolves each dropped `File` to its path (Electron's webUtils.getPathForFile) and main reads
   * it — folders included, with names relative to the dropped folder's parent. The web shell
   * leaves this out and reads dropped files through the File API instead.
   */
  openDropped?(files: readonly File[]): Promise<OpenResult>;
  /**
   * Desktop only (optional): before main closes the window it asks the page to finish the writes
   * it has started; `settle` resolves when they are done (or the page gave up waiting), and main
   * closes the window then — or after its own timeout, if the page never answers. Returns the
   * unsubscribe function. The web shell warns on `beforeunload` instead.
   */
  onCloseRequest?(settle: () => Promise<void>): () => void;
}

/** IPC channel names, shared by preload and main so that neither can drift. */
export const IPC_CHANNELS = {
  openFiles: 'presswork:open-files',
  openFolder: 'presswork:open-folder',
  saveFile: 'presswork:save-file',
  appInfo: 'presswork:app-info',
  showInFolder: 'presswork:show-in-folder',
  openDropped: 'presswork:open-dropped',
  menuCommand: 'presswork:menu-command',
  /** main → page: the window is about to close; finish pending writes. */
  closeRequest: 'presswork:close-request',
  /** page → main (send, no answer): pending writes are settled, close now. */
  closeReady: 'presswork:close-ready',
} as const;

/** How main answers every invoke: errors travel as values, not as thrown IPC errors. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };
