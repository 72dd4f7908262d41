import { describe, expect, it } from 'vitest';
import { buildDataset, datasetJsonChunks } from './dataset.ts';
import { codebookAsDataset, readDatasetFile, readDatasetFileSliced } from './app-read.ts';
import { parseQdc, refiCodebookXml } from './formats/refi-qda.ts';
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

  it('opens a version-1 file (written before statement roles) as it is', () => {
    const result = readDatasetFile('v1.json', fixtureJson((d) => Object.assign(d, { version: 1 })));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.dataset.version).toBe(2);
  });

  it('says what a wrong file is', () => {
    expect(refused(readDatasetFile('x.bin', new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).message).toContain('not a text file in UTF-8');
    expect(refused(readDatasetFile('x.json', enc('{"a": 1,'))).message).toContain('is not valid JSON');
    expect(refused(readDatasetFile('p.qdpx', new Uint8Array([0x50, 0x4b, 3, 4, 0]))).message).toContain('zip archive');
    expect(refused(readDatasetFile('c.qdc', enc('<?xml version="1.0"?><CodeBook/>'))).message).toContain('XML file');
    expect(refused(readDatasetFile('n.json', enc('[1, 2]'))).message).toContain('is not a Presswork dataset');
    expect(refused(readDatasetFile('v.json', fixtureJson((d) => Object.assign(d, { version: 3 })))).message).toContain('version 3; this Presswork reads versions 1 and 2');
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

describe('readDatasetFile on hostile datasets (issue #13)', () => {
  it('refuses NaN inside an article with a message naming the article, instead of throwing', () => {
    const text = new TextDecoder().decode(fixtureJson()).replace(/"start": \d+/, '"start": NaN');
    const result = refused(readDatasetFile('nan.json', enc(text)));
    expect(result.message).toContain('nothing was imported');
    expect(result.problems[0]).toMatch(/^articles\[0\] is not valid JSON \(/);
  });

  it('refuses an article without annotations, a title that is an object and a hostile colour', async () => {
    const bytes = fixtureJson((d) => {
      delete (d.articles[1] as { annotations?: unknown }).annotations;
      (d.articles[0] as { title: unknown }).title = { $$typeof: 'react', props: {} };
      d.codebook.tags[0]!.color = '#000000) {} body {display:none} ::highlight(x';
    });
    for (const result of [readDatasetFile('bad.json', bytes), await readDatasetFileSliced('bad.json', bytes, { budgetMs: 0 })]) {
      const r = refused(result);
      expect(r.problems).toEqual([
        expect.stringMatching(/^schema: \/codebook\/tags\/0\/color must be a colour of the form #rrggbb/),
        'schema: /articles/0/title must be string',
        "schema: /articles/1 must have required property 'annotations'",
      ]);
    }
  });

  it('refuses a note nested 100,000 levels deep with a message', () => {
    let doc = '{"type":"text","text":"deep"}';
    for (let i = 0; i < 100_000; i++) doc = `{"type":"paragraph","content":[${doc}]}`;
    const text = new TextDecoder().decode(fixtureJson((d) => (d.articles[0]!.annotations[0]!.note = { text: 'deep', doc: 'DOC' }))).replace('"DOC"', doc);
    const r = refused(readDatasetFile('deep.json', enc(text)));
    expect(r.problems).toEqual([expect.stringMatching(/^schema: \/articles\/0\/annotations\/0\/note\/doc is nested more than \d+ levels deep/)]);
  });

  it('reads lone surrogates as warnings: the app can hold them', () => {
    const result = readDatasetFile('s.json', fixtureJson((d) => (d.articles[0]!.title = 'A \ud800 title')));
    expect(result.ok && result.warnings).toEqual([expect.stringMatching(/^unicode: articles\[0\]\.title has a lone surrogate U\+D800/)]);
  });

  it('gives the same result in slices as at once', async () => {
    const bytes = fixtureJson();
    expect(await readDatasetFileSliced('d.json', bytes, { budgetMs: 0 })).toEqual(readDatasetFile('d.json', bytes));
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
