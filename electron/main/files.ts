// File I/O for the bridge: reading what the user picked (with limits, every failure reported
// per file) and writing exports atomically (the old file survives any failed write).
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { OpenResult, UnreadableFile } from '../../shared/bridge/contract.ts';

/** Per file: beyond this the import pipeline cannot do anything useful, and IPC would choke. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Per open/drop: all files together. */
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;
/** A folder walk stops listing after this many files (someone picked their home folder). */
export const MAX_FOLDER_FILES = 20_000;
const READ_CHUNK_BYTES = 8 * 1024 * 1024;

const MB = 1024 * 1024;

/** A file picked by the user: where it is, and the name the import pipeline sees. */
export interface PickedFile {
  path: string;
  name: string;
}

const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db', 'icon\r', '$recycle.bin', '__macosx', 'system volume information']);

/** Hidden (dot) files and the litter operating systems leave in folders are not articles. */
export function isHiddenOrSystem(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || SYSTEM_FILES.has(name.toLowerCase());
}

/** Read a whole file in chunks, refusing it when it is (or grows) larger than `maxBytes`. */
export async function readFileLimited(path: string, maxBytes: number = MAX_FILE_BYTES): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('Not a regular file');
    if (info.size > maxBytes) throw new Error(tooLarge(info.size, maxBytes));
    const bytes = new Uint8Array(info.size);
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesRead } = await handle.read(bytes, offset, Math.min(READ_CHUNK_BYTES, bytes.length - offset), offset);
      if (bytesRead === 0) break; // the file shrank while we read it: keep what is there
      offset += bytesRead;
    }
    return offset === bytes.length ? bytes : bytes.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

function tooLarge(size: number, max: number): string {
  return `File is ${(size / MB).toFixed(1)} MB; the limit is ${Math.round(max / MB)} MB. Split it or import it with the presswork CLI.`;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'Permission denied';
    if (code === 'ENOENT') return 'File not found';
    if (code === 'EISDIR') return 'Is a folder';
    return error.message;
  }
  return String(error);
}

export interface ReadLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
}

/** Read every picked file; a file that cannot be read is reported in `unreadable`, never dropped. */
export async function readPickedFiles(
  picked: readonly PickedFile[],
  limits: ReadLimits = { maxFileBytes: MAX_FILE_BYTES, maxTotalBytes: MAX_TOTAL_BYTES },
): Promise<OpenResult> {
  const result: OpenResult = { files: [], unreadable: [] };
  let total = 0;
  for (const file of picked) {
    try {
      const remaining = limits.maxTotalBytes - total;
      const size = (await stat(file.path)).size;
      if (size > limits.maxFileBytes) throw new Error(tooLarge(size, limits.maxFileBytes));
      if (size > remaining) {
        throw new Error(`Not read: this import already holds ${Math.round(total / MB)} MB (limit ${Math.round(limits.maxTotalBytes / MB)} MB). Import the rest separately.`);
      }
      const bytes = await readFileLimited(file.path, Math.min(limits.maxFileBytes, remaining));
      total += bytes.length;
      result.files.push({ name: file.name, bytes });
    } catch (error) {
      result.unreadable.push({ name: file.name, error: describeError(error) });
    }
  }
  return result;
}

export interface FolderListing {
  files: PickedFile[];
  skipped: UnreadableFile[];
}

/**
 * Every regular file below `root`, named by its path relative to `root` with `/` separators
 * (the same on every OS). Hidden and system files are left out silently; symbolic links are not
 * followed (they can loop or lead out of the folder) and are reported; so are unreadable folders.
 * `prefix` names the files as if `root` itself were inside the selection (drag-and-drop of a folder).
 */
export async function walkFolder(root: string, options: { prefix?: string; maxFiles?: number } = {}): Promise<FolderListing> {
  const maxFiles = options.maxFiles ?? MAX_FOLDER_FILES;
  const listing: FolderListing = { files: [], skipped: [] };
  const pending: { dir: string; rel: string }[] = [{ dir: root, rel: options.prefix ?? '' }];
  while (pending.length > 0) {
    const { dir, rel } = pending.shift() as { dir: string; rel: string };
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      listing.skipped.push({ name: rel === '' ? '.' : rel, error: describeError(error) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isHiddenOrSystem(entry.name)) continue;
      const name = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        listing.skipped.push({ name, error: 'Symbolic link not followed' });
      } else if (entry.isDirectory()) {
        pending.push({ dir: path, rel: name });
      } else if (entry.isFile()) {
        if (listing.files.length >= maxFiles) {
          listing.skipped.push({ name, error: `Not read: more than ${maxFiles} files in this folder` });
        } else {
          listing.files.push({ path, name });
        }
      }
    }
  }
  return listing;
}

/** Read a whole folder: the listing's problems come first in `unreadable`. */
export async function readFolder(root: string, prefix?: string): Promise<OpenResult> {
  const listing = await walkFolder(root, prefix === undefined ? {} : { prefix });
  const read = await readPickedFiles(listing.files);
  return { files: read.files, unreadable: [...listing.skipped, ...read.unreadable] };
}

/** Read dropped paths: files by their base name, folders walked with the folder's name as prefix. */
export async function readDroppedPaths(paths: readonly string[]): Promise<OpenResult> {
  const result: OpenResult = { files: [], unreadable: [] };
  const loose: PickedFile[] = [];
  for (const path of paths) {
    const name = basename(path);
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const folder = await readFolder(path, name);
        result.files.push(...folder.files);
        result.unreadable.push(...folder.unreadable);
      } else {
        loose.push({ path, name });
      }
    } catch (error) {
      result.unreadable.push({ name, error: describeError(error) });
    }
  }
  const read = await readPickedFiles(loose);
  result.files.unshift(...read.files);
  result.unreadable.push(...read.unreadable);
  return result;
}

/** The file operations an atomic write needs; injectable so tests can make one fail. */
export interface AtomicWriteIo {
  open(path: string, flags: string): Promise<{
    /** Writes all of `data` at the current position (FileHandle.writeFile loops until done). */
    writeFile(data: string | Uint8Array): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

const nodeIo: AtomicWriteIo = {
  open: (path, flags) => open(path, flags, 0o644),
  rename,
  unlink,
};

/** The temp file sits beside the target so that the final rename never crosses file systems. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.presswork-tmp`);
}

/**
 * Write `parts` in order to `target` so that readers see either the old file or the complete
 * new one: temp file (exclusive create), write, fsync, close, rename over the target. If any step
 * fails the temp file is removed and the old file is untouched.
 */
export async function writeFileAtomic(target: string, parts: readonly (string | Uint8Array)[], io: AtomicWriteIo = nodeIo): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await io.open(temp, 'wx');
  let closed = false;
  try {
    for (const part of parts) {
      // Not handle.write(): a single write() may be partial; writeFile() continues from the
      // current position until all of the part is written.
      await handle.writeFile(part);
    }
    await handle.sync();
    closed = true;
    await handle.close();
    await io.rename(temp, target);
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await io.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** A suggested export name reduced to a safe base name (the dialog may still change it). */
export function safeFileName(suggested: string): string {
  const cleaned = basename(suggested.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return cleaned === '' ? 'export' : cleaned.slice(0, 200);
}
