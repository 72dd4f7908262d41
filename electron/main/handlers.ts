// What main does for each bridge call. Electron's dialog and shell come in as parameters so the
// behaviour can be tested without Electron.
import type { BrowserWindow, Dialog, Shell } from 'electron';
import { basename, isAbsolute, join } from 'node:path';
import type { AppInfo, OpenResult, SaveRequest, SaveResult, SaveStreamOpened, SaveStreamRequest } from '../../shared/bridge/contract.ts';
import { createSaveStreams } from './save-streams.ts';
import { writeFileAtomic } from '../../node/atomic-write.ts';
import { readDroppedPaths, readFolder, readPickedFiles, safeFileName } from './files.ts';
import type { MainHandlers } from './ipc.ts';

/** File types the import pipeline understands; "All files" stays available. */
export const IMPORT_FILTERS = [
  { name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'xhtml', 'xml', 'rss', 'atom', 'json', 'jsonl', 'ndjson', 'csv', 'tsv', 'docx', 'pdf'] },
  { name: 'All files', extensions: ['*'] },
];

export interface HandlerDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  /** The window dialogs belong to (null when none is open). */
  getWindow: () => BrowserWindow | null;
  appInfo: AppInfo;
  /** Where the save dialog starts (e.g. the Documents folder). */
  defaultSaveDir: () => string;
}

function extensionOf(name: string): string | undefined {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match?.[1];
}

export function createMainHandlers(deps: HandlerDeps): MainHandlers {
  /** Only files written in this session may be revealed: the page cannot probe arbitrary paths. */
  const savedLocations = new Set<string>();
  const streams = createSaveStreams();

  async function showOpen(properties: ('openFile' | 'openDirectory' | 'multiSelections')[], title: string) {
    const window = deps.getWindow();
    const options = { title, properties, ...(properties.includes('openFile') ? { filters: IMPORT_FILTERS } : {}) };
    return window === null ? deps.dialog.showOpenDialog(options) : deps.dialog.showOpenDialog(window, options);
  }

  return {
    async openFiles(): Promise<OpenResult> {
      const picked = await showOpen(['openFile', 'multiSelections'], 'Import files');
      if (picked.canceled) return { files: [], unreadable: [] };
      return readPickedFiles(picked.filePaths.map((path) => ({ path, name: basename(path) })));
    },

    async openFolder(): Promise<OpenResult> {
      const picked = await showOpen(['openDirectory'], 'Import folder');
      const folder = picked.filePaths[0];
      if (picked.canceled || folder === undefined) return { files: [], unreadable: [] };
      return readFolder(folder);
    },

    async openDropped(paths: string[]): Promise<OpenResult> {
      const relative = paths.filter((path) => !isAbsolute(path));
      if (relative.length > 0) throw new Error('Dropped paths must be absolute');
      return readDroppedPaths(paths);
    },

    async saveFile(request: SaveRequest): Promise<SaveResult> {
      const path = await chooseSavePath(request.suggestedName);
      if (path === null) return { status: 'cancelled' };
      await writeFileAtomic(path, request.parts);
      savedLocations.add(path);
      return { status: 'saved', location: path };
    },

    async saveStreamOpen(request: SaveStreamRequest): Promise<SaveStreamOpened> {
      const path = await chooseSavePath(request.suggestedName);
      return path === null ? { status: 'cancelled' } : { status: 'open', stream: streams.begin(path) };
    },

    async saveStreamWrite(stream: string, parts: (string | Uint8Array)[]): Promise<void> {
      await streams.write(stream, parts);
    },

    async saveStreamClose(stream: string, commit: boolean): Promise<SaveResult> {
      const path = await streams.close(stream, commit);
      if (path === null) return { status: 'cancelled' };
      savedLocations.add(path);
      return { status: 'saved', location: path };
    },

    async appInfo(): Promise<AppInfo> {
      return deps.appInfo;
    },

    async showInFolder(location: string): Promise<void> {
      if (!savedLocations.has(location)) throw new Error('Only files saved in this session can be shown');
      deps.shell.showItemInFolder(location);
    },
  };

  /** The save dialog; null when cancelled. */
  async function chooseSavePath(suggestedName: string): Promise<string | null> {
    const window = deps.getWindow();
    const name = safeFileName(suggestedName);
    const extension = extensionOf(name);
    const options = {
      title: 'Export',
      defaultPath: join(deps.defaultSaveDir(), name),
      ...(extension === undefined ? {} : { filters: [{ name: extension.toUpperCase(), extensions: [extension] }, { name: 'All files', extensions: ['*'] }] }),
      properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
    };
    const chosen = window === null ? await deps.dialog.showSaveDialog(options) : await deps.dialog.showSaveDialog(window, options);
    return chosen.canceled || chosen.filePath === undefined || chosen.filePath === '' ? null : chosen.filePath;
  }
}
