import { describe, expect, it, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { buildDataset, datasetJsonChunks } from '../../shared/export/dataset.ts';
import { csvChunks, csvRelationChunks } from '../../shared/export/csv.ts';
import { fixtureInput } from '../../shared/export/fixtures/fixture-project.ts';

const bin = fileURLToPath(new URL('../bin.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'presswork-convert-'));
const dataset = join(dir, 'dataset.json');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  writeFileSync(dataset, [...datasetJsonChunks(buildDataset(fixtureInput()))].join(''));
});

describe('presswork convert', () => {
  it('writes CSV identical to the library output, with a BOM on request', async () => {
    const out = join(dir, 'a.csv');
    const r = await cli('convert', dataset, '--to', 'csv', '-o', out);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe([...csvChunks(buildDataset(fixtureInput()))].join(''));
    // The relations, one row per link, beside it.
    expect(r.stderr).toContain('a-relations.csv');
    expect(readFileSync(join(dir, 'a-relations.csv'), 'utf8')).toBe([...csvRelationChunks(buildDataset(fixtureInput()))].join(''));
    const bomOut = join(dir, 'bom.csv');
    expect((await cli('convert', dataset, '--to', 'csv', '--bom', '-o', bomOut)).code).toBe(0);
    expect([...readFileSync(bomOut).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...readFileSync(join(dir, 'bom-relations.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  }, 30_000);

  it('writes every format', async () => {
    const outs = {
      jsonl: join(dir, 'd.jsonl'),
      w3c: join(dir, 'd.jsonld'),
      qdpx: join(dir, 'd.qdpx'),
      qdc: join(dir, 'd.qdc'),
      brat: join(dir, 'd.zip'),
      json: join(dir, 'd.json'),
    };
    const results = await Promise.all(Object.entries(outs).map(([to, out]) => cli('convert', dataset, '--to', to, '-o', out)));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(outs.jsonl, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(JSON.parse(readFileSync(outs.w3c, 'utf8')).type).toBe('AnnotationCollection');
    expect(Object.keys(unzipSync(readFileSync(outs.qdpx)))).toContain('project.qde');
    expect(readFileSync(outs.qdc, 'utf8')).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    expect(strFromU8(unzipSync(readFileSync(outs.brat))['annotation.conf']!)).toContain('[entities]');
    expect(readFileSync(outs.json, 'utf8')).toBe(readFileSync(dataset, 'utf8'));
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('refuses an invalid dataset and writes nothing', async () => {
    const bad = JSON.parse(readFileSync(dataset, 'utf8'));
    bad.articles[0].annotations[0].end += 1;
    const badPath = join(dir, 'bad.json');
    writeFileSync(badPath, JSON.stringify(bad));
    const out = join(dir, 'never.csv');
    const r = await cli('convert', badPath, '--to', 'csv', '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not the quote');
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('explains its usage', async () => {
    const help = await cli('convert', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--to FORMAT');
    const wrong = await cli('convert', dataset, '--to', 'docx', '-o', join(dir, 'x'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('unknown format "docx"');
    expect((await cli('convert', dataset, '--to', 'csv')).code).toBe(2);
  }, 30_000);
});

describe('writeChunks', () => {
  it('writes strings and bytes in order, across buffer boundaries, and counts bytes', async () => {
    const { writeChunks } = await import('./convert.ts');
    const out = join(dir, 'chunks.txt');
    const big = 'ж😀'.repeat(1_000_000); // 6 MB of UTF-8: larger than the write buffer
    const parts: (string | Uint8Array)[] = ['head ', new Uint8Array([0x41, 0x42]), big, ' tail'];
    const bytes = await writeChunks(out, parts);
    const expected = Buffer.concat([Buffer.from('head '), Buffer.from([0x41, 0x42]), Buffer.from(big), Buffer.from(' tail')]);
    expect(bytes).toBe(expected.length);
    expect(readFileSync(out).equals(expected)).toBe(true);
  });

  it('leaves no file behind when the chunks fail midway', async () => {
    const { writeChunks } = await import('./convert.ts');
    const out = join(dir, 'failed.txt');
    function* failing() {
      yield 'start';
      throw new Error('boom');
    }
    await expect(writeChunks(out, failing())).rejects.toThrow('boom');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('failed.txt'))).toEqual([]);
  });
});
