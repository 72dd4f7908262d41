import type { OpenResult } from '@shared/bridge/contract.ts';
import { readBrowserFiles } from './web-bridge.ts';

/** Collects the files of a drop, walking dropped folders, with paths relative to the drop. */
export async function filesFromDrop(data: DataTransfer): Promise<OpenResult> {
  const entries = Array.from(data.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) {
    return readBrowserFiles(Array.from(data.files).map((file) => ({ file, name: file.name })));
  }
  const collected: { file: File; name: string }[] = [];
  for (const entry of entries) await walk(entry, '', collected);
  return readBrowserFiles(collected);
}

async function walk(entry: FileSystemEntry, prefix: string, out: { file: File; name: string }[]): Promise<void> {
  if (entry.name.startsWith('.')) return;
  if (entry.isFile) {
    const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
    out.push({ file, name: prefix + entry.name });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most ~100 entries per call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, `${prefix}${entry.name}/`, out);
  }
}
