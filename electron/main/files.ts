// File I/O for the bridge: reading what the user picked (with limits, every failure reported
// per file). Writing goes through the one atomic writer in node/atomic-write.ts.
import { constants, type Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { OpenResult, UnreadableFile } from '../../shared/bridge/contract.ts';
import { MAX_FILE_BYTES } from '../../shared/import/limits.ts';
import { describeFsError } from '../../node/fs-errors.ts';

/** Per file: the import pipeline's own limit, so nothing read here is refused later. */
export { MAX_FILE_BYTES };
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

function notRegular(info: Stats): Error {
  if (info.isDirectory()) return Object.assign(new Error('Is a folder'), { code: 'EISDIR' });
  if (info.isFIFO()) return new Error('Not a regular file (a named pipe)');
  if (info.isCharacterDevice() || info.isBlockDevice()) return new Error('Not a regular file (a device)');
  if (info.isSocket()) return new Error('Not a regular file (a socket)');
  return new Error('Not a regular file');
}

// Opening a named pipe for reading waits for a writer, possibly forever: non-blocking open (where
// the platform has it) returns at once, and the type is checked again on the open file in case
// the path changed after the first check.
const OPEN_FOR_READING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Read a whole file in chunks, refusing it when it is (or grows) larger than `maxBytes`. */
export async function readFileLimited(path: string, maxBytes: number = MAX_FILE_BYTES): Promise<Uint8Array> {
  const before = await stat(path);
  if (!before.isFile()) throw notRegular(before);
  const handle = await open(path, OPEN_FOR_READING);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegular(info);
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
  return `File is ${(size / MB).toFixed(1)} MB; the limit is ${Math.round(max / MB)} MB. Split it into smaller files.`;
}

function describeError(error: unknown): string {
  const reason = describeFsError(error);
  return reason.charAt(0).toUpperCase() + reason.slice(1);
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

/** A suggested export name reduced to a safe base name (the dialog may still change it). */
export function safeFileName(suggested: string): string {
  const cleaned = basename(suggested.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return cleaned === '' ? 'export' : cleaned.slice(0, 200);
}
