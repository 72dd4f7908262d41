/**
 * The one atomic file writer of the Node side (desktop main process and CLI).
 *
 * Readers see either the old file or the complete new one, never a mix: the bytes go to a temp
 * file beside the target (random name, created exclusively, so nothing planted there — a symbolic
 * link, say — is followed), every byte is accounted for (a `write` may take only part of what it
 * was given; on a full disk the next one fails), the file and then its folder are flushed to
 * disk, and a rename puts it in place with the old file's permissions. Anything that fails
 * removes the temp file and leaves the old file untouched.
 *
 * The algorithm is written once, as a generator of file-system steps; a synchronous and an
 * asynchronous runner perform them. The window state is saved synchronously while the app quits;
 * exports are written asynchronously so the main process stays responsive.
 */
import { close, closeSync, fchmod, fchmodSync, fsync, fsyncSync, lstat, lstatSync, open, openSync, realpath, realpathSync, rename, renameSync, stat, statSync, unlink, unlinkSync, write, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

export type Chunk = string | Uint8Array;

/** One file-system operation the writer asks for. Exported so tests can intercept some of them. */
export type Step =
  | { op: 'lstat'; path: string }
  | { op: 'stat'; path: string }
  | { op: 'realpath'; path: string }
  | { op: 'open'; path: string; flags: 'wx'; mode: number }
  | { op: 'write'; fd: number; buffer: Uint8Array; offset: number; length: number }
  | { op: 'fchmod'; fd: number; mode: number }
  | { op: 'fsync'; fd: number }
  | { op: 'close'; fd: number }
  | { op: 'rename'; from: string; to: string }
  | { op: 'unlink'; path: string }
  | { op: 'fsyncDir'; path: string };

/** Performs one step: returns Stats (stat/lstat, undefined when the path does not exist), a path (realpath), an fd (open), a byte count (write). */
export type SyncIo = (step: Step) => unknown;
export type AsyncIo = (step: Step) => Promise<unknown>;

/** A target that is not a regular file (folder, device, pipe, socket): never replaced. */
export class NotAFileError extends Error {
  readonly code = 'ENOTREG';
}

/** Strings are encoded into one reusable buffer of this size, so a long export costs few writes. */
const BUFFER_BYTES = 4 << 20;

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Chunks as byte ranges to write; strings share one buffer, reused once it is written. */
function makeEncoder() {
  const buf = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  return {
    *add(chunk: Chunk): Generator<Uint8Array> {
      // UTF-8 needs at most 3 bytes per UTF-16 unit: check room before encoding.
      const room = typeof chunk === 'string' ? chunk.length * 3 : chunk.length;
      if (room > buf.length - used && used > 0) {
        yield buf.subarray(0, used);
        used = 0;
      }
      if (room > buf.length) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      else if (typeof chunk === 'string') used += buf.write(chunk, used, 'utf8');
      else {
        buf.set(chunk, used);
        used += chunk.length;
      }
    },
    *end(): Generator<Uint8Array> {
      if (used > 0) yield buf.subarray(0, used);
      used = 0;
    },
  };
}

function* encoded(chunks: Iterable<Chunk>): Generator<Uint8Array> {
  const encoder = makeEncoder();
  for (const chunk of chunks) yield* encoder.add(chunk);
  yield* encoder.end();
}

/** The same for chunks that arrive over time (an export streamed from the page). */
async function* encodedAsync(chunks: AsyncIterable<Chunk>): AsyncGenerator<Uint8Array> {
  const encoder = makeEncoder();
  for await (const chunk of chunks) yield* encoder.add(chunk);
  yield* encoder.end();
}

/** Asks the runner for the next bytes to write (undefined when there are no more). */
interface Pull {
  op: 'pull';
}

/** Where to write and which permissions to keep: a link is written through (it stays a link). */
function* resolveTarget(target: string): Generator<Step, { path: string; mode?: number }, unknown> {
  const info = (yield { op: 'stat', path: target }) as Stats | undefined;
  if (info === undefined) {
    const link = (yield { op: 'lstat', path: target }) as Stats | undefined;
    if (link !== undefined) throw new NotAFileError(`${target} is a symbolic link to a file that does not exist`);
    return { path: target };
  }
  if (!info.isFile()) throw new NotAFileError(`${target} is ${kindOf(info)}, not a regular file; give the path of a file`);
  const link = (yield { op: 'lstat', path: target }) as Stats | undefined;
  const path = link?.isSymbolicLink() ? ((yield { op: 'realpath', path: target }) as string) : target;
  return { path, mode: info.mode & 0o7777 };
}

function* attempt(step: Step): Generator<Step, void, unknown> {
  try {
    yield step;
  } catch {
    // Cleaning up after a failure: the first error is the one to report.
  }
}

function* atomicWrite(target: string): Generator<Step | Pull, number, unknown> {
  const resolved = yield* resolveTarget(target);
  const folder = dirname(resolved.path);
  const temp = join(folder, `.${basename(resolved.path)}.${randomBytes(8).toString('hex')}.tmp`);
  // A new file gets the usual permissions (umask applies); a replaced file keeps its own, and
  // the temp file is private until then.
  const fd = (yield { op: 'open', path: temp, flags: 'wx', mode: resolved.mode === undefined ? 0o666 : 0o600 }) as number;
  let bytes = 0;
  try {
    for (let buffer = (yield { op: 'pull' }) as Uint8Array | undefined; buffer !== undefined; buffer = (yield { op: 'pull' }) as Uint8Array | undefined) {
      let offset = 0;
      while (offset < buffer.length) {
        const written = (yield { op: 'write', fd, buffer, offset, length: buffer.length - offset }) as number;
        if (!(written > 0)) throw errno('ENOSPC', 'no space left on device (the disk took no more bytes)');
        offset += written;
      }
      bytes += buffer.length;
    }
    if (resolved.mode !== undefined) yield { op: 'fchmod', fd, mode: resolved.mode };
    yield { op: 'fsync', fd };
  } catch (error) {
    yield* attempt({ op: 'close', fd });
    yield* attempt({ op: 'unlink', path: temp });
    throw error;
  }
  try {
    yield { op: 'close', fd };
    yield { op: 'rename', from: temp, to: resolved.path };
  } catch (error) {
    yield* attempt({ op: 'unlink', path: temp });
    throw error;
  }
  // The rename is durable only once the folder's entry is on disk.
  yield { op: 'fsyncDir', path: folder };
  return bytes;
}

function missingAsUndefined(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}

/** Folders cannot be opened or flushed everywhere (Windows, some network file systems). */
const FOLDER_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

function folderSyncUnsupported(error: unknown): void {
  if (!FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
}

export const nodeSyncIo: SyncIo = (step) => {
  switch (step.op) {
    case 'stat':
      try {
        return statSync(step.path);
      } catch (error) {
        return missingAsUndefined(error);
      }
    case 'lstat':
      try {
        return lstatSync(step.path);
      } catch (error) {
        return missingAsUndefined(error);
      }
    case 'realpath':
      return realpathSync(step.path);
    case 'open':
      return openSync(step.path, step.flags, step.mode);
    case 'write':
      return writeSync(step.fd, step.buffer, step.offset, step.length);
    case 'fchmod':
      return fchmodSync(step.fd, step.mode);
    case 'fsync':
      return fsyncSync(step.fd);
    case 'close':
      return closeSync(step.fd);
    case 'rename':
      return renameSync(step.from, step.to);
    case 'unlink':
      return unlinkSync(step.path);
    case 'fsyncDir': {
      if (process.platform === 'win32') return undefined;
      try {
        const fd = openSync(step.path, 'r');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (error) {
        folderSyncUnsupported(error);
      }
      return undefined;
    }
  }
};

const p = {
  stat: promisify(stat),
  lstat: promisify(lstat),
  realpath: promisify(realpath),
  open: promisify(open),
  write: promisify(write),
  fchmod: promisify(fchmod),
  fsync: promisify(fsync),
  close: promisify(close),
  rename: promisify(rename),
  unlink: promisify(unlink),
};

export const nodeAsyncIo: AsyncIo = async (step) => {
  switch (step.op) {
    case 'stat':
      return p.stat(step.path).catch(missingAsUndefined);
    case 'lstat':
      return p.lstat(step.path).catch(missingAsUndefined);
    case 'realpath':
      return p.realpath(step.path);
    case 'open':
      return p.open(step.path, step.flags, step.mode);
    case 'write':
      return (await p.write(step.fd, step.buffer, step.offset, step.length)).bytesWritten;
    case 'fchmod':
      return p.fchmod(step.fd, step.mode);
    case 'fsync':
      return p.fsync(step.fd);
    case 'close':
      return p.close(step.fd);
    case 'rename':
      return p.rename(step.from, step.to);
    case 'unlink':
      return p.unlink(step.path);
    case 'fsyncDir': {
      if (process.platform === 'win32') return undefined;
      try {
        const fd = await p.open(step.path, 'r');
        try {
          await p.fsync(fd);
        } finally {
          await p.close(fd);
        }
      } catch (error) {
        folderSyncUnsupported(error);
      }
      return undefined;
    }
  }
};

/**
 * Writes `chunks` in order to `target` atomically and returns the number of bytes written.
 * Refuses (NotAFileError) a target that exists and is not a regular file. The chunks may arrive
 * over time (an async iterable): if it fails, the temp file is removed and the target untouched.
 */
export async function writeFileAtomic(target: string, chunks: Iterable<Chunk> | AsyncIterable<Chunk>, io: AsyncIo = nodeAsyncIo): Promise<number> {
  const buffers = Symbol.asyncIterator in chunks ? encodedAsync(chunks) : encoded(chunks);
  const steps = atomicWrite(target);
  let next = steps.next();
  while (!next.done) {
    let result: unknown;
    try {
      const step = next.value;
      result = step.op === 'pull' ? (await buffers.next()).value : await io(step);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(result);
  }
  return next.value;
}

/** The same, synchronously: for the few writes that must finish before the process may exit. */
export function writeFileAtomicSync(target: string, chunks: Iterable<Chunk>, io: SyncIo = nodeSyncIo): number {
  const buffers = encoded(chunks);
  const steps = atomicWrite(target);
  let next = steps.next();
  while (!next.done) {
    let result: unknown;
    try {
      const step = next.value;
      result = step.op === 'pull' ? buffers.next().value : io(step);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(result);
  }
  return next.value;
}
