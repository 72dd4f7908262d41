/**
 * Several exported files in one zip, built from their parts as they come (fflate's streaming
 * Zip): the app saves the CSV export's two files — annotations and relations — in one go, and
 * hands the zip's bytes on as they are made (`take`), never holding the whole archive.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';

export interface ZipEntry {
  name: string;
  parts: readonly (string | Uint8Array)[];
}

export interface ZipWriter {
  /** Starts the next file; give it its parts, the last one with `last`. */
  entry(name: string): { push(part: string | Uint8Array, last?: boolean): void };
  end(): void;
  /** The archive's bytes made since the last call. */
  take(): Uint8Array[];
}

export function zipWriter(mtime?: string | Date): ZipWriter {
  let out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else out.push(data);
  });
  return {
    entry(name) {
      const file = new ZipDeflate(name, { level: 6, ...(mtime ? { mtime } : {}) });
      zip.add(file);
      return { push: (part, last = false) => file.push(typeof part === 'string' ? strToU8(part) : part, last) };
    },
    end: () => zip.end(),
    take() {
      if (failure) throw failure;
      const taken = out;
      out = [];
      return taken;
    },
  };
}

export function zipParts(entries: readonly ZipEntry[], mtime?: string | Date): Uint8Array[] {
  const zip = zipWriter(mtime);
  for (const entry of entries) {
    const file = zip.entry(entry.name);
    if (entry.parts.length === 0) file.push(new Uint8Array(0), true);
    entry.parts.forEach((p, i) => file.push(p, i === entry.parts.length - 1));
  }
  zip.end();
  return zip.take();
}
