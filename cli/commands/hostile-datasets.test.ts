// Issue #13, "Datasets and the app", through the real command: deep notes and lone surrogates.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDataset } from '../../shared/dataset/dataset.ts';
import { fixtureInput } from '../../shared/dataset/fixtures/fixture-project.ts';

const bin = fileURLToPath(new URL('../bin.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'presswork-hostile-'));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('presswork on hostile datasets', () => {
  it('refuses a note nested 100,000 levels: validate and convert say so, no RangeError', async () => {
    let doc = '{"type":"text","text":"deep"}';
    for (let i = 0; i < 100_000; i++) doc = `{"type":"paragraph","content":[${doc}]}`;
    const ds = buildDataset(fixtureInput());
    ds.articles[0]!.annotations[0]!.note = { text: 'deep', doc: 'DOC' };
    const file = write('deep.json', JSON.stringify(ds).replace('"DOC"', doc));
    const v = await cli('validate', file);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/note\/doc is nested more than \d+ levels deep/);
    for (const to of ['json', 'jsonl']) {
      const out = join(dir, `deep-out.${to}`);
      const c = await cli('convert', file, '--to', to, '-o', out);
      expect(c.code).toBe(1);
      expect(c.stderr).toMatch(/note\/doc is nested more than \d+ levels deep/);
      expect(c.stderr).not.toContain('RangeError');
      expect(existsSync(out)).toBe(false);
    }
  }, 60_000);

  it('reports lone surrogates in validate, keeps them in JSON and warns where CSV replaces them', async () => {
    const ds = buildDataset(fixtureInput());
    ds.articles[1]!.title = 'Broken \ud83d title';
    const file = write('surrogate.json', JSON.stringify(ds));
    const v = await cli('validate', file);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('unicode: articles[1].title has a lone surrogate U+D83D at code point 7');

    const csv = await cli('convert', file, '--to', 'csv', '-o', join(dir, 's.csv'));
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stderr).toContain('warning: articles[1].title has a lone surrogate U+D83D at code point 7');
    expect(csv.stderr).toContain('1 lone surrogate written as U+FFFD');
    expect(readFileSync(join(dir, 's.csv'), 'utf8')).toContain('Broken \ufffd title');

    const json = await cli('convert', file, '--to', 'json', '-o', join(dir, 's.json'));
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).not.toContain('warning');
    expect(JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')).articles[1].title).toBe('Broken \ud83d title');
  }, 60_000);
});
