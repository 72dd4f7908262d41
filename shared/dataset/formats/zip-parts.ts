/**
 * Several exported files in one zip, built from their parts as they come (fflate's streaming
 * Zip): the app saves the CSV export's two files — annotations and relations — in one go.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';

export interface ZipEntry {
  name: string;
  parts: readonly (string | Uint8Array)[];
}

export function zipParts(entries: readonly ZipEntry[], mtime?: string | Date): Uint8Array[] {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else out.push(data);
  });
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6, ...(mtime ? { mtime } : {}) });
    zip.add(file);
    if (entry.parts.length === 0) file.push(new Uint8Array(0), true);
    entry.parts.forEach((p, i) => file.push(typeof p === 'string' ? strToU8(p) : p, i === entry.parts.length - 1));
  }
  zip.end();
  if (failure) throw failure;
  return out;
}
