import { describe, expect, it, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDataset } from '../../shared/dataset/dataset.ts';
import { fixtureInput } from '../../shared/dataset/fixtures/fixture-project.ts';

const bin = fileURLToPath(new URL('../bin.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'presswork-validate-'));
const good = join(dir, 'good.json');
const bad = join(dir, 'bad.json');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  const ds = buildDataset(fixtureInput());
  writeFileSync(good, JSON.stringify(ds));
  const broken = JSON.parse(JSON.stringify(ds));
  const art = broken.articles[0];
  // A UTF-16 offset, as a JavaScript tool would write it after the emoji.
  const a = art.annotations.find((x: { id: string }) => x.id === 'ann-overlap');
  a.start = art.text.indexOf(a.quote);
  a.end = a.start + a.quote.length;
  art.relations[0].to = 'ghost';
  broken.codebook.tags[0].color = 'orange';
  writeFileSync(bad, JSON.stringify(broken));
});

describe('presswork validate', () => {
  it('exits 0 for a valid dataset', async () => {
    const r = await cli('validate', good);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('valid (3 articles, 9 annotations)');
    expect(r.code).toBe(0);
  }, 30_000);

  it('prints each problem and exits 1', async () => {
    const r = await cli('validate', bad);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(r.stdout).toContain('/codebook/tags/0/color');
    expect(r.stdout).toContain('not the quote');
    expect(r.stdout).toContain('"to" refers to "ghost"');
    expect(r.stderr).toContain('3 problems');
  }, 30_000);

  it('reports unreadable JSON and usage errors', async () => {
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{ not json');
    expect((await cli('validate', junk)).code).toBe(1);
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"hello": "world"}');
    const r = await cli('validate', other);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("must have required property 'format'");
    expect((await cli('validate')).code).toBe(2);
    expect((await cli('validate', '--help')).stdout).toContain('Usage: presswork validate');
  }, 30_000);
});
