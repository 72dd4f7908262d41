import type { Bridge, OpenResult, OpenedFile, SaveRequest, SaveResult, UnreadableFile } from '@shared/bridge/contract.ts';
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
    createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }>;
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
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = request.suggestedName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { status: 'saved', location: request.suggestedName };
}

export const webBridge: Bridge = {
  openFiles: () => pickFiles(false),
  openFolder: () => pickFiles(true),
  saveFile,
  appInfo: async () => ({ name: 'Presswork', version: __APP_VERSION__, shell: 'web' }),
  showInFolder: async () => {},
  onMenuCommand: () => () => {},
};
