import { describe, expect, it, beforeAll } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { buildDataset, datasetJsonChunks } from '../../shared/dataset/dataset.ts';
import { csvChunks, csvRelationChunks } from '../../shared/dataset/formats/csv.ts';
import { fixtureInput } from '../../shared/dataset/fixtures/fixture-project.ts';

const bin = fileURLToPath(new URL('../bin.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'presswork-convert-'));
const dataset = join(dir, 'dataset.json');

function run(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const cli = (...args: string[]) => run(process.execPath, [bin, ...args]);

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

describe('presswork convert: nothing lost', () => {
  const sub = (name: string) => {
    const d = join(dir, name);
    mkdirSync(d);
    return d;
  };

  it('on a full disk fails with exit 1 and leaves the previous output as it was', async () => {
    const d = sub('full');
    const out = join(d, 'out.json');
    writeFileSync(out, 'previous output');
    // The process may write files of at most 4 KB (RLIMIT_FSIZE, no mount needed): the system takes
    // part of the 12 KB write, then fails the rest — what a full disk does.
    const r = await run('sh', ['-c', `ulimit -f 8; exec "$0" "$@"`, process.execPath, bin, 'convert', dataset, '--to', 'json', '-o', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`cannot write ${out}: file too large for this disk`);
    expect(r.stderr).not.toContain('wrote');
    expect(readFileSync(out, 'utf8')).toBe('previous output');
    expect(readdirSync(d)).toEqual(['out.json']);
  }, 30_000);

  it('refuses a folder as output with a plain message, leaving nothing behind', async () => {
    const d = sub('folder-out');
    const r = await cli('convert', dataset, '--to', 'csv', '-o', d);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${d} is a folder, not a regular file`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(d)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('folder-out.'))).toEqual([]);
  }, 30_000);

  it('never replaces a named pipe or a device (reached through a link) with a regular file', async () => {
    const d = sub('special');
    const fifo = join(d, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const device = join(d, 'stdout-like');
    symlinkSync('/dev/null', device);
    for (const target of [fifo, device]) {
      const r = await cli('convert', dataset, '--to', 'csv', '-o', target);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/is a (named pipe|device), not a regular file.*use -o - for standard output/);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readlinkSync(device)).toBe('/dev/null');
    expect(readdirSync(d).sort()).toEqual(['pipe', 'stdout-like']);
  }, 30_000);

  it('-o - writes to standard output', async () => {
    const r = await cli('convert', dataset, '--to', 'csv', '-o', '-');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe([...csvChunks(buildDataset(fixtureInput()))].join(''));
    expect(r.stderr).toContain('wrote standard output');
  }, 30_000);
});
