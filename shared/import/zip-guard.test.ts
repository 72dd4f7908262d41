import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { makeDocx } from './fixtures/make-docx.ts';
import { parseDocx } from './parsers/docx.ts';
import { importFile } from './pipeline.ts';
import { MAX_UNPACKED_BYTES, MIN_UNPACKED_BYTES } from './limits.ts';
import { checkZip, unpackLimit } from './zip-guard.ts';

/** A .docx whose text is `mb` megabytes of one repeated letter: it compresses about a thousandfold. */
function compressibleBomb(mb: number): Uint8Array {
  return makeDocx(['Headline', 'a'.repeat(mb * 1024 * 1024)]);
}

/** Rewrites the unpacked size that the archive declares for `name` (central directory and local header). */
function understate(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const encodedName = new TextEncoder().encode(name);
  const nameAt = (at: number, offset: number) => encodedName.every((b, i) => out[at + offset + i] === b);
  let patched = 0;
  for (let at = 0; at + 46 < out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x02014b50 && view.getUint16(at + 28, true) === encodedName.length && nameAt(at, 46)) {
      view.setUint32(at + 24, size, true);
      patched++;
    } else if (signature === 0x04034b50 && view.getUint16(at + 26, true) === encodedName.length && nameAt(at, 30)) {
      view.setUint32(at + 22, size, true);
      patched++;
    }
  }
  expect(patched).toBe(2);
  return out;
}

describe('checkZip', () => {
  it('lists the entries of an ordinary .docx', () => {
    const result = checkZip(makeDocx(['Title', 'Body.']));
    if ('error' in result) throw new Error(result.error);
    expect(result.entries.map((e) => e.name)).toContain('word/document.xml');
  });

  it('allows 50× the archive size, at least 4 MB, at most 256 MB', () => {
    expect(unpackLimit(10_000)).toBe(MIN_UNPACKED_BYTES);
    expect(unpackLimit(1024 * 1024)).toBe(50 * 1024 * 1024);
    expect(unpackLimit(100 * 1024 * 1024)).toBe(MAX_UNPACKED_BYTES);
  });

  it('refuses a highly compressible bomb by its declared sizes', () => {
    const bomb = compressibleBomb(8);
    expect(bomb.length).toBeLessThan(100_000);
    expect(checkZip(bomb)).toEqual({ error: expect.stringMatching(/^compressed content too large: the archive unpacks to 8\.\d MB; the limit for a \d+ KB file is 4\.0 MB$/) });
  });

  it('counts entries that share the same compressed data each time (overlapping entries)', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 6; i++) files[`part${i}.xml`] = strToU8('b'.repeat(1024 * 1024));
    expect(checkZip(zipSync(files))).toEqual({ error: expect.stringMatching(/^compressed content too large/) });
  });

  it('catches a central directory that understates the unpacked size, while inflating', () => {
    const lying = understate(makeDocx(['Headline', 'c'.repeat(2 * 1024 * 1024)]), 'word/document.xml', 1000);
    expect(checkZip(lying)).toEqual({ error: 'compressed content too large: "word/document.xml" unpacks to more than the 1 KB it declares' });
  });

  it('reports a damaged archive', () => {
    const zip = makeDocx(['Title', 'Body.']);
    expect(checkZip(zip.subarray(0, zip.length - 30))).toEqual({ error: 'damaged ZIP archive (no central directory)' });
  });
});

describe('.docx zip bombs in the import', { timeout: 30_000 }, () => {
  it('parseDocx says plainly that the content is too large', async () => {
    expect(await parseDocx(compressibleBomb(8))).toEqual({ error: expect.stringMatching(/^compressed content too large/) });
    const lying = understate(makeDocx(['Headline', 'c'.repeat(2 * 1024 * 1024)]), 'word/document.xml', 1000);
    expect(await parseDocx(lying)).toEqual({ error: expect.stringMatching(/^compressed content too large/) });
  });

  it('the pipeline reports it for the file and imports nothing from it', async () => {
    const result = await importFile({ name: 'bomb.docx', bytes: compressibleBomb(8) });
    expect(result.drafts).toEqual([]);
    expect(result.problems).toEqual([{ source: { file: 'bomb.docx' }, message: expect.stringMatching(/^compressed content too large/) }]);
  });
});
