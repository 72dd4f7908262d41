import { describe, expect, it } from 'vitest';
import { buildDataset, datasetJsonChunks } from './dataset.ts';
import { codebookAsDataset, readDatasetFile } from './app-read.ts';
import { parseQdc, refiCodebookXml } from './refi-qda.ts';
import { validateDataset } from './validate.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function fixtureJson(mutate?: (d: ReturnType<typeof buildDataset>) => void): Uint8Array {
  const ds = buildDataset(fixtureInput());
  mutate?.(ds);
  return enc([...datasetJsonChunks(ds)].join(''));
}

function refused(result: ReturnType<typeof readDatasetFile>): { message: string; problems: string[] } {
  if (result.ok) throw new Error('expected a refusal');
  return result;
}

describe('readDatasetFile', () => {
  it('reads a dataset exported by Presswork, with a BOM too', () => {
    const result = readDatasetFile('d.json', new Uint8Array([0xef, 0xbb, 0xbf, ...fixtureJson()]));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.dataset.articles).toHaveLength(fixtureInput().articles.length);
      expect(result.warnings).toEqual([]);
    }
  });

  it('says what a wrong file is', () => {
    expect(refused(readDatasetFile('x.bin', new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).message).toContain('not a text file in UTF-8');
    expect(refused(readDatasetFile('x.json', enc('{"a": 1,'))).message).toContain('is not valid JSON');
    expect(refused(readDatasetFile('p.qdpx', new Uint8Array([0x50, 0x4b, 3, 4, 0]))).message).toContain('zip archive');
    expect(refused(readDatasetFile('c.qdc', enc('<?xml version="1.0"?><CodeBook/>'))).message).toContain('XML file');
    expect(refused(readDatasetFile('n.json', enc('[1, 2]'))).message).toContain('is not a Presswork dataset');
    expect(refused(readDatasetFile('v.json', fixtureJson((d) => Object.assign(d, { version: 2 })))).message).toContain('version 2');
  });

  it('refuses a dataset with broken references and lists the problems', () => {
    const result = refused(readDatasetFile('bad.json', fixtureJson((d) => (d.articles[0]!.annotations[0]!.tag = 'no-such-tag'))));
    expect(result.message).toContain('nothing was imported');
    expect(result.problems.some((p) => p.includes('unknown tag "no-such-tag"'))).toBe(true);
  });

  it('accepts offsets that do not fit their quote as warnings (the import re-anchors them)', () => {
    const bytes = fixtureJson((d) => {
      d.articles[0]!.annotations[1]!.start += 1;
      d.articles[0]!.annotations[1]!.end += 1;
    });
    const result = readDatasetFile('drift.json', bytes);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toContain('not the quote');
    }
  });
});

describe('codebookAsDataset', () => {
  it('turns a parsed codebook into a valid dataset without articles', () => {
    const parsed = parseQdc(refiCodebookXml(buildDataset(fixtureInput())));
    const ds = codebookAsDataset(parsed, '2026-01-01T00:00:00.000Z');
    expect(ds.articles).toEqual([]);
    expect(ds.codebook.tags.map((t) => t.name)).toEqual(parsed.tags.map((t) => t.name));
    expect(validateDataset(ds)).toEqual([]);
  });
});
