/**
 * Issue #13 item 8: a batch file with a few lines of binary junk keeps its good records and names
 * the bad ones; a file that is binary throughout is still refused as a whole.
 */
import { describe, expect, it } from 'vitest';
import { importFile } from './pipeline.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('importFile: NUL bytes in some records of a batch file', { timeout: 120_000 }, () => {
  it('JSON Lines: 50,000 lines, 10 with a NUL byte → 49,990 articles and a problem naming each of the 10 lines', async () => {
    const bad = new Set([3, 40, 700, 4_321, 10_000, 20_001, 33_333, 41_000, 49_000, 49_999]);
    const lines = Array.from({ length: 50_000 }, (_, i) =>
      bad.has(i) ? `{"title":"T${i}","text":"Body ${i}\u0000\u0001 of a damaged record"}` : `{"title":"T${i}","text":"Body ${i} of the article."}`,
    );
    const r = await importFile({ name: 'corpus.jsonl', bytes: utf8(lines.join('\n')) });
    expect(r.drafts).toHaveLength(49_990);
    expect(r.problems.map((p) => p.source.index)).toEqual([...bad]);
    expect(r.problems.map((p) => p.message)).toEqual([...bad].map((i) => `line ${i + 1}: contains NUL bytes (binary data); not imported`));
    expect(r.drafts.some((d) => d.text.includes('\0'))).toBe(false);
    expect(r.report).toMatchObject({ format: 'JSON Lines', items: 50_000, articles: 49_990 });
  });

  it('CSV: the rows holding NUL bytes are named (spreadsheet numbering), the others imported', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => (i === 7 || i === 300 ? `T${i},"Body ${i} \u0000 here"` : `T${i},"Body ${i} of the article."`));
    const r = await importFile({ name: 'c.csv', bytes: utf8(['title,text', ...rows].join('\n')) });
    expect(r.drafts).toHaveLength(498);
    expect(r.problems.map((p) => p.message)).toEqual(['row 9: contains NUL bytes (binary data); not imported', 'row 302: contains NUL bytes (binary data); not imported']);
  });

  it('a feed: the item holding a NUL byte is named, the other items imported', async () => {
    const item = (i: number, body: string) => `<item><title>Item ${i}</title><description>${body}</description></item>`;
    const xml = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>${item(1, 'First body text.')}${item(2, 'Second \u0000 body.')}${item(3, 'Third body text.')}</channel></rss>`;
    const r = await importFile({ name: 'f.xml', bytes: utf8(xml) });
    expect(r.drafts.map((d) => d.title)).toEqual(['Item 1', 'Item 3']);
    expect(r.problems.map((p) => p.message)).toEqual(['item 2 ("Item 2"): contains NUL bytes (binary data); not imported']);
  });

  it('a text file with a stray NUL byte: imported without it, and the report says so', async () => {
    const r = await importFile({ name: 'a.txt', bytes: utf8('Headline\n\nFirst paragraph of the\u0000 article.\n\nSecond paragraph.\n') });
    expect(r.drafts.map((d) => d.text)).toEqual(['First paragraph of the article.\n\nSecond paragraph.']);
    expect(r.report.notes).toEqual(['1 NUL byte removed (binary data in a text file)']);
  });
});

describe('importFile: binary files are still refused whole', { timeout: 30_000 }, () => {
  it('PNG bytes named .jsonl', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, ...Array.from({ length: 4000 }, (_, i) => (i * 37) % 256)]);
    const r = await importFile({ name: 'photo.jsonl', bytes: png });
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([{ source: { file: 'photo.jsonl' }, message: 'binary file (PNG image), not an article file' }]);
  });

  it('binary data without a known signature named .jsonl (NUL bytes throughout)', async () => {
    let x = 12345;
    const bytes = Uint8Array.from({ length: 64_000 }, () => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return x % 7 === 0 ? 0 : x >>> 23;
    });
    const r = await importFile({ name: 'data.jsonl', bytes });
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([{ source: { file: 'data.jsonl' }, message: 'binary file (contains NUL bytes), not text' }]);
  });

  it('a JSON Lines file whose every line holds NUL bytes', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `{"text":"Body ${i}\u0000"}`);
    const r = await importFile({ name: 'all-bad.jsonl', bytes: utf8(lines.join('\n')) });
    expect(r.drafts).toEqual([]);
    expect(r.problems).toEqual([{ source: { file: 'all-bad.jsonl' }, message: 'binary file (contains NUL bytes), not text' }]);
  });
});

describe('importFile: invalid UTF-8 is reported, never silent mojibake (issue #13 item 9)', { timeout: 30_000 }, () => {
  it('names the number of invalid byte sequences in the file report', async () => {
    const bytes = new Uint8Array([
      ...utf8('Reservoir at a record low\n\nThe regional water board confirmed on Tuesday that the eastern reservoir had fallen to its lowest level in eleven years. '),
      0xff,
      ...utf8('he regional council said that'),
      0xc3,
      ...utf8('(he plan would wait until the spring, after consulting the growers.\n'),
    ]);
    const r = await importFile({ name: 'water.txt', bytes });
    expect(r.report).toMatchObject({ encoding: 'utf-8', notes: ['2 invalid byte sequences (not UTF-8), shown as \ufffd'] });
    expect(r.drafts[0]?.text).toContain('\ufffdhe regional council said that\ufffd(he plan');
  });
});
