/**
 * Checks a ZIP archive before anything unpacks it (mammoth's JSZip inflates whole entries in
 * memory): a zip bomb — a few kilobytes that unpack to gigabytes, or a central directory that
 * understates the sizes — is refused with "compressed content too large" instead of freezing
 * the import and exhausting memory.
 *
 * Two checks: the sizes the central directory declares (summed over every entry, so entries
 * that share compressed data count each time), then every entry is actually inflated as a
 * stream, counting bytes without keeping them, and stopped as soon as it passes what it declared.
 * Pure (fflate's streaming inflate): runs in the import worker and the CLI.
 */
import { Inflate } from 'fflate';
import { MAX_UNPACK_RATIO, MAX_UNPACKED_BYTES, MIN_UNPACKED_BYTES } from './limits.ts';
import { errorMessage } from '../errors.ts';

export interface ZipEntry {
  name: string;
  /** Unpacked size in bytes (declared, and checked). */
  size: number;
}

/** How much an archive of `archiveBytes` may unpack to, all entries together. */
export function unpackLimit(archiveBytes: number): number {
  return Math.min(MAX_UNPACKED_BYTES, Math.max(MIN_UNPACKED_BYTES, archiveBytes * MAX_UNPACK_RATIO));
}

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes < MB ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`);
// Inflating 16 KB of input yields at most ~16 MB (DEFLATE's ratio is at most ~1032:1).
const INPUT_SLICE = 16 * 1024;

class ZipProblem extends Error {}

function tooLarge(detail: string): ZipProblem {
  return new ZipProblem(`compressed content too large: ${detail}`);
}

function damaged(detail: string): ZipProblem {
  return new ZipProblem(`damaged ZIP archive (${detail})`);
}

interface RawEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, length: number) => {
    if (at < 0 || at + length > bytes.length) throw damaged('a record points outside the file');
  };
  return {
    u16: (at: number) => (need(at, 2), view.getUint16(at, true)),
    u32: (at: number) => (need(at, 4), view.getUint32(at, true)),
    u64: (at: number) => (need(at, 8), view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32),
  };
}

/** The central directory's entries (ZIP64 included). */
function centralDirectory(bytes: Uint8Array): RawEntry[] {
  const r = reader(bytes);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (r.u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('no central directory');
  let count = r.u16(eocd + 10);
  let offset = r.u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && r.u32(eocd - 20) === 0x07064b50) {
    const zip64 = r.u64(eocd - 20 + 8);
    if (r.u32(zip64) !== 0x06064b50) throw damaged('broken ZIP64 directory');
    count = r.u64(zip64 + 32);
    offset = r.u64(zip64 + 48);
  }
  const entries: RawEntry[] = [];
  let at = offset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (r.u32(at) !== 0x02014b50) throw damaged('broken central directory');
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    const entry: RawEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: r.u16(at + 8),
      method: r.u16(at + 10),
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      localOffset: r.u32(at + 42),
    };
    // ZIP64 extra field: the 64-bit values of the fields set to 0xFFFFFFFF, in this order.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = r.u16(e);
      const length = r.u16(e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        if (entry.size === 0xffffffff) {
          entry.size = r.u64(f);
          f += 8;
        }
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = r.u64(f);
          f += 8;
        }
        if (entry.localOffset === 0xffffffff) entry.localOffset = r.u64(f);
      }
      e += 4 + length;
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry as a stream, counting bytes; throws once it passes `entry.size`. */
function checkInflatedSize(bytes: Uint8Array, entry: RawEntry): void {
  const r = reader(bytes);
  if (r.u32(entry.localOffset) !== 0x04034b50) throw damaged(`no local header for "${entry.name}"`);
  const start = entry.localOffset + 30 + r.u16(entry.localOffset + 26) + r.u16(entry.localOffset + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged(`"${entry.name}" is cut off`);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw tooLarge(`"${entry.name}" is larger than its declared size`);
    return;
  }
  if (entry.method !== 8) throw damaged(`"${entry.name}" uses an unsupported compression method (${entry.method})`);
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size) throw tooLarge(`"${entry.name}" unpacks to more than the ${mb(entry.size)} it declares`);
  });
  try {
    for (let i = start; i < end; i += INPUT_SLICE) inflater.push(bytes.subarray(i, Math.min(end, i + INPUT_SLICE)), i + INPUT_SLICE >= end);
    if (end === start) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipProblem) throw error;
    throw damaged(`"${entry.name}" cannot be unpacked: ${errorMessage(error)}`);
  }
  if (produced !== entry.size) throw damaged(`"${entry.name}" unpacks to ${produced} bytes, not the ${entry.size} it declares`);
}

/**
 * The archive's entries if it is safe to unpack, or the reason it is not: damaged, encrypted,
 * or unpacking to more than `limit` bytes (see unpackLimit), declared or real.
 */
export function checkZip(bytes: Uint8Array, limit: number = unpackLimit(bytes.length)): { entries: ZipEntry[] } | { error: string } {
  try {
    const entries = centralDirectory(bytes);
    const declared = entries.reduce((sum, e) => sum + e.size, 0);
    if (declared > limit) {
      return { error: tooLarge(`the archive unpacks to ${mb(declared)}; the limit for a ${mb(bytes.length)} file is ${mb(limit)}`).message };
    }
    for (const entry of entries) {
      if (entry.flags & 1) return { error: `encrypted ZIP archive ("${entry.name}"); save it without a password` };
      checkInflatedSize(bytes, entry);
    }
    return { entries: entries.map((e) => ({ name: e.name, size: e.size })) };
  } catch (error) {
    if (error instanceof ZipProblem) return { error: error.message };
    throw error;
  }
}
