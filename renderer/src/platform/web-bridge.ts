import type { Bridge, OpenResult, OpenedFile, SaveRequest, SaveResult, SaveStreamOpened, SaveStreamRequest, UnreadableFile } from '@shared/bridge/contract.ts';
import { errorMessage } from '@shared/errors.ts';

declare const __APP_VERSION__: string;

/** Reads browser File objects into the bridge's shape; a file that cannot be read is reported. */
export async function readBrowserFiles(files: { file: File; name: string }[]): Promise<OpenResult> {
  const opened: OpenedFile[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const { file, name } of files) {
    try {
      opened.push({ name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (e) {
      unreadable.push({ name, error: errorMessage(e) });
    }
  }
  return { files: opened, unreadable };
}

function pickFiles(directory: boolean): Promise<OpenResult> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    if (directory) input.webkitdirectory = true;
    input.style.display = 'none';
    input.setAttribute('data-testid', directory ? 'web-folder-input' : 'web-file-input');
    const done = (result: Promise<OpenResult> | OpenResult) => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('change', () => {
      const list = Array.from(input.files ?? []);
      done(readBrowserFiles(list.map((file) => ({ file, name: file.webkitRelativePath || file.name }))));
    });
    input.addEventListener('cancel', () => done({ files: [], unreadable: [] }));
    document.body.append(input);
    input.click();
  });
}

interface SaveFilePickerWindow {
  showSaveFilePicker?: (options: { suggestedName: string }) => Promise<{
    name: string;
    createWritable(): Promise<WritableFile>;
  }>;
}

async function saveFile(request: SaveRequest): Promise<SaveResult> {
  const blob = new Blob(request.parts as BlobPart[], { type: request.mimeType ?? 'application/octet-stream' });
  const picker = (window as unknown as SaveFilePickerWindow).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({ suggestedName: request.suggestedName });
      const writable = await handle.createWritable();
      await writable.write(blob);
      await writable.close();
      return { status: 'saved', location: handle.name };
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return { status: 'cancelled' };
      throw e;
    }
  }
  download(blob, request.suggestedName);
  return { status: 'saved', location: request.suggestedName };
}

/**
 * Streamed saves: to the file the picker chose, written as parts arrive; without a picker, the
 * parts become Blobs (held by the browser outside the page's JavaScript heap) downloaded at close.
 */
type OpenSave = { kind: 'file'; name: string; writable: WritableFile } | { kind: 'download'; request: SaveStreamRequest; blobs: Blob[] };
type WritableFile = { write(data: Blob): Promise<void>; close(): Promise<void>; abort?(): Promise<void> };
const openSaves = new Map<string, OpenSave>();

async function saveStreamOpen(request: SaveStreamRequest): Promise<SaveStreamOpened> {
  const picker = (window as unknown as SaveFilePickerWindow).showSaveFilePicker;
  const stream = crypto.randomUUID();
  if (!picker) {
    openSaves.set(stream, { kind: 'download', request, blobs: [] });
    return { status: 'open', stream };
  }
  try {
    const handle = await picker({ suggestedName: request.suggestedName });
    openSaves.set(stream, { kind: 'file', name: handle.name, writable: await handle.createWritable() });
    return { status: 'open', stream };
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return { status: 'cancelled' };
    throw e;
  }
}

function openSave(stream: string): OpenSave {
  const save = openSaves.get(stream);
  if (!save) throw new Error('No such save in progress');
  return save;
}

async function saveStreamWrite(stream: string, parts: (string | Uint8Array)[]): Promise<void> {
  const save = openSave(stream);
  const blob = new Blob(parts as BlobPart[]);
  if (save.kind === 'file') await save.writable.write(blob);
  else save.blobs.push(blob);
}

async function saveStreamClose(stream: string, commit: boolean): Promise<SaveResult> {
  const save = openSave(stream);
  openSaves.delete(stream);
  if (save.kind === 'file') {
    if (!commit) {
      await save.writable.abort?.();
      return { status: 'cancelled' };
    }
    await save.writable.close();
    return { status: 'saved', location: save.name };
  }
  if (!commit) return { status: 'cancelled' };
  download(new Blob(save.blobs, { type: save.request.mimeType ?? 'application/octet-stream' }), save.request.suggestedName);
  return { status: 'saved', location: save.request.suggestedName };
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const webBridge: Bridge = {
  openFiles: () => pickFiles(false),
  openFolder: () => pickFiles(true),
  saveFile,
  saveStreamOpen,
  saveStreamWrite,
  saveStreamClose,
  appInfo: async () => ({ name: 'Presswork', version: __APP_VERSION__, shell: 'web' }),
  showInFolder: async () => {},
  onMenuCommand: () => () => {},
};
