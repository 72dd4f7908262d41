import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureDatasets } from '../../shared/analysis/agreement/study-fixture.ts';
import { computeStudy, studyFromDatasets } from '../../shared/analysis/agreement/index.ts';

const bin = fileURLToPath(new URL('../bin.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'presswork-agreement-'));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, 'agreement', ...args], { encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const [annDataset, bobDataset] = fixtureDatasets();
const ann = file('ann.json', JSON.stringify(annDataset));
const bob = file('bob.json', JSON.stringify(bobDataset));

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers ×
// 12 units, missing values as empty cells. Published: nominal .743, ordinal .815, interval .849,
// ratio .797.
const EXAMPLE_C = file(
  'example-c.csv',
  ['A,1,2,3,3,2,1,4,1,2,,,', 'B,1,2,3,3,2,2,4,1,2,5,,3', 'C,,3,3,3,2,3,4,2,2,5,1,', 'D,1,2,3,3,2,4,4,1,2,5,1,'].join('\n') + '\n',
);

describe('presswork agreement --matrix', () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ])("Krippendorff (2011) example C, %s: α = %s as published", async (level, published) => {
    const r = await cli('--matrix', EXAMPLE_C, '--level', level, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.alpha.value).toBeCloseTo(published, 3);
    // The paper's n: 40 pairable values in 11 pairable units (unit 12 has one value).
    expect(out.alpha.n).toEqual({ units: 12, pairableUnits: 11, pairableValues: 40, coders: 4 });
    expect(out.alpha.ci.lower).toBeLessThanOrEqual(out.alpha.value);
    expect(out.alpha.ci.upper).toBeGreaterThanOrEqual(out.alpha.value);
  }, 30_000);

  it("Krippendorff (2011) example B: labels, nominal α = .692, with Cohen's κ; prints text", async () => {
    const csv = file('example-b.csv', 'obs1,a,a,b,b,d,c,c,c,e,d,d,a\nobs2,b,a,b,b,b,c,c,c,e,d,d,d\n');
    const r = await cli('--matrix', csv, '--level', 'nominal', '--measure', 'cohen');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Krippendorff's α \(nominal\) = 0\.692/);
    // Cohen's κ: p_o = 9/12; marginals (obs1/obs2) a 3/1, b 2/4, c 3/3, d 3/3, e 1/1: p_e = 30/144
    // → κ = (108 − 30)/(144 − 30) = .684.
    expect(r.stdout).toMatch(/Cohen's κ = 0\.684/);
    expect(r.stdout).toMatch(/percent agreement = 0\.750/);
  }, 30_000);

  it('ordinal labels take their order from --order', async () => {
    const csv = file('ordinal.csv', 'x,low,mid,high,mid\ny,low,high,high,mid\n');
    const bad = await cli('--matrix', csv, '--level', 'ordinal');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/ordinal α needs numbers or an order for the labels/);
    const good = await cli('--matrix', csv, '--level', 'ordinal', '--order', 'low,mid,high', '--json');
    expect(good.code, good.stderr).toBe(0);
    const numeric = await cli('--matrix', file('ordinal-n.csv', 'x,1,2,3,2\ny,1,3,3,2\n'), '--level', 'ordinal', '--json');
    expect(JSON.parse(good.stdout).alpha.value).toBeCloseTo(JSON.parse(numeric.stdout).alpha.value, 12);
  }, 30_000);

  it.each([
    ['an unreadable file', () => join(dir, 'missing.csv'), [], /cannot read/],
    ['ragged rows', () => file('ragged.csv', 'a,1,2,3\nb,1,2\n'), [], /ragged rows: row 2 has 3 cells, row 1 has 4/],
    ['one coder', () => file('one.csv', 'a,1,2,3\n'), [], /at least 2 coders/],
    ['no pairable unit', () => file('nopair.csv', 'a,1,,\nb,,2,\n'), [], /no unit was coded by two or more coders/],
    ['one value only', () => file('same.csv', 'a,1,1,1\nb,1,1,1\n'), [], /all pairable values are the same/],
    ['a missing level', () => EXAMPLE_C, ['--level'], /argument missing|--level/],
    ['an unknown level', () => EXAMPLE_C, ['--level', 'fuzzy'], /unknown level "fuzzy"/],
    ['interval on labels', () => file('labels.csv', 'a,x,y\nb,x,x\n'), ['--level', 'interval'], /interval α needs numbers/],
  ])('%s: a clear message, exit status 2, no NaN', async (_name, path, extra, message) => {
    const args = extra.length > 0 ? extra : ['--level', 'nominal'];
    const r = await cli('--matrix', path(), ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout + r.stderr).not.toMatch(/NaN/);
  }, 30_000);
});

describe('presswork agreement DATASET.json...', () => {
  it('groups by coder across files; --json gives the figures of the agreement screen with their n', async () => {
    const r = await cli(ann, bob, '--json', '--seed', '7', '--replicates', '200');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.coders).toEqual(['ann', 'bob']);
    const fig = (variable: string, measure: string) => out.figures.find((f: { variable: string; measure: string }) => f.variable === variable && f.measure === measure);
    // Hand-checked in shared/analysis/agreement/study.test.ts.
    expect(fig('All span categories', 'α').value).toBeCloseTo(19 / 41, 12);
    expect(fig('All span categories', "Cohen's κ").value).toBeCloseTo(3 / 7, 12);
    expect(fig('Claim: Stance', 'α').note).toBe('2 of 6 spans unmatched (ann 1, bob 1)');
    expect(fig('Claim: tag of matched spans', 'α')).toMatchObject({ value: null, reason: expect.stringMatching(/same/) });
    // The same figures as the library, intervals included (seeded).
    const study = computeStudy(studyFromDatasets(fixtureDatasets()).input, { seed: 7, replicates: 200 });
    expect(out.figures.map((f: { value: number | null }) => f.value)).toEqual(study.rows.map((row) => (row.result.computable ? row.result.value : null)));
    expect(fig('All span categories', 'α').ci.lower).toBe(study.rows.find((x) => x.key === 'all:alpha')?.ci?.computable && (study.rows.find((x) => x.key === 'all:alpha')?.ci as { lower: number }).lower);
    expect(r.stdout).not.toMatch(/NaN/);
  }, 30_000);

  it('prints a readable table', async () => {
    const r = await cli(ann, bob, '--replicates', '0');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/coders: ann, bob/);
    expect(r.stdout).toMatch(/α \(nominal, tokens\)\s+0\.463/);
    expect(r.stdout).toMatch(/uα \(unitizing, code points\)/);
  }, 30_000);

  it('one coder only, an unknown coder, an invalid dataset: message and exit status 2', async () => {
    const one = await cli(ann);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/at least 2 coders; found "ann"/);
    const unknown = await cli(ann, bob, '--coders', 'ann,zed');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no annotation by "zed"/);
    const broken = await cli(file('broken.json', '{"format": "presswork-dataset", "articles": [{}]}'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/not a valid Presswork dataset/);
    const notJson = await cli(file('nojson.json', 'hello'));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/cannot read/);
  }, 30_000);
});
