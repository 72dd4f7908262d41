import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { buildDataset, datasetJsonChunks } from '../../shared/dataset/dataset.ts';
import { handDatasetInput } from '../../shared/statements/fixtures/hand-dataset.ts';

/**
 * The real command on the hand-made dataset of shared/statements/fixtures/hand-dataset.ts:
 *   c1 Lukashenko  Sanctions (claim tag)   −1  2026-03-01  alice
 *   c2 Tsikhanouskaya  Sanctions (topic)   +1  2026-03-01  alice
 *   c3 Зеленский   Credibility             −1  2026-03-05  bob    (object: Lukashenko)
 *   c4 unknown     (no issue)               0  2026-03-05  bob
 *   c5 Уряд        Sanctions (topic)       +1  (no date)   alice  (addressee and object: EU)
 */
const bin = fileURLToPath(new URL('../bin.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'presswork-network-'));
const dataset = join(dir, 'dataset.json');

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

type Xml = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['key', 'node', 'edge', 'data', 'attvalue'].includes(name) });
const list = (v: unknown) => (v ?? []) as Xml[];

/** Nodes and edges of a GraphML document, with each element's data by key name. */
function readGraphml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml).graphml as Xml;
  const keys = new Map(list(doc.key).map((k) => [k['@id'] as string, k['@attr.name'] as string]));
  const graph = doc.graph as Xml;
  const data = (el: Xml): Record<string, string> => Object.fromEntries(list(el.data).map((d) => [keys.get(d['@key'] as string) ?? '?', String(d['#text'])]));
  const nodes = list(graph.node).map((n): Record<string, string> => ({ ...data(n), id: n['@id'] as string }));
  const label = new Map(nodes.map((n) => [n.id!, n.label ?? '']));
  const edges = list(graph.edge).map((e): Record<string, string> => ({ ...data(e), source: label.get(e['@source'] as string) ?? '', target: label.get(e['@target'] as string) ?? '' }));
  return { nodes, edges, directed: graph['@edgedefault'] === 'directed', desc: doc.desc as string | undefined };
}

function rows(csv: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

beforeAll(() => {
  writeFileSync(dataset, [...datasetJsonChunks(buildDataset(handDatasetInput()))].join(''));
});

describe('presswork network', () => {
  it('two-mode GraphML: actors × issues, weights for minus against, every key declared', async () => {
    const out = join(dir, 'two.graphml');
    const r = await cli('network', dataset, '--type', 'two-mode', '--format', 'graphml', '-o', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`wrote ${out} (graphml, two-mode, 4 actors, 3 issues, 4 edges, 4 statements`);
    const g = readGraphml(readFileSync(out, 'utf8'));
    // The unknown claimant (c4) is left out; c4 has no issue anyway.
    expect(g.nodes.filter((n) => n.kind === 'actor').map((n) => n.label)).toEqual(['Alexander Lukashenko', 'Tsikhanouskaya', 'Volodymyr Zelensky', 'Уряд']);
    expect(g.nodes.filter((n) => n.kind === 'issue')).toHaveLength(3);
    expect(g.edges).toHaveLength(4);
    const w = new Map(g.edges.map((e) => [`${e.source}|${e.target}`, Number(e.weight)]));
    expect(w.get('Alexander Lukashenko|Sanctions')).toBe(-1);
    expect(w.get('Volodymyr Zelensky|Credibility')).toBe(-1);
    expect(w.get('Уряд|Sanctions')).toBe(1);
    expect(g.desc).toContain('two-mode network; qualifier subtract');
  }, 30_000);

  it('filters by coder and by date window', async () => {
    const bob = await cli('network', dataset, '--type', 'two-mode', '--format', 'graphml', '--coder', 'bob', '-o', '-');
    expect(bob.code, bob.stderr).toBe(0);
    const gb = readGraphml(bob.stdout);
    expect(gb.nodes.map((n) => n.label)).toEqual(['Volodymyr Zelensky', 'Credibility']);
    expect(gb.edges).toHaveLength(1);
    // 1 March only: c1 and c2 (c5 has no date, so a window leaves it out).
    const day = await cli('network', dataset, '--type', 'two-mode', '--format', 'graphml', '--from', '2026-03-01', '--to', '2026-03-01', '-o', '-');
    const gd = readGraphml(day.stdout);
    expect(gd.nodes.filter((n) => n.kind === 'actor').map((n) => n.label)).toEqual(['Alexander Lukashenko', 'Tsikhanouskaya']);
    expect(gd.edges).toHaveLength(2);
    expect(gd.desc).toContain('dates 2026-03-01 to 2026-03-01');
    const none = await cli('network', dataset, '--type', 'congruence', '--format', 'graphml', '--from', '2027-01-01', '-o', '-');
    expect(none.code).toBe(0);
    expect(readGraphml(none.stdout).nodes).toHaveLength(0);
    expect(none.stderr).toContain('no statement matches the filters');
  }, 30_000);

  it('congruence and conflict: actors agreeing / disagreeing on an issue', async () => {
    // Tsikhanouskaya and Уряд both +1 on the topic "Sanctions": one congruence tie, no conflict.
    const con = readGraphml((await cli('network', dataset, '--type', 'congruence', '--format', 'graphml', '-o', '-')).stdout);
    expect(con.nodes).toHaveLength(4);
    expect(con.edges.map((e) => [e.source, e.target, Number(e.weight)])).toEqual([['Tsikhanouskaya', 'Уряд', 1]]);
    const conflict = readGraphml((await cli('network', dataset, '--type', 'conflict', '--format', 'graphml', '-o', '-')).stdout);
    expect(conflict.edges).toHaveLength(0);
    const directed = readGraphml((await cli('network', dataset, '--type', 'directed', '--format', 'graphml', '-o', '-')).stdout);
    expect(directed.directed).toBe(true);
    expect(directed.edges.map((e) => `${e.source}→${e.target}`).sort()).toEqual(['Alexander Lukashenko→European Union', 'Volodymyr Zelensky→Alexander Lukashenko', 'Уряд→European Union']);
  }, 30_000);

  it('GEXF and the CSV matrix', async () => {
    const gexf = join(dir, 'n.gexf');
    expect((await cli('network', dataset, '--type', 'congruence', '--format', 'gexf', '-o', gexf)).code).toBe(0);
    const doc = parser.parse(readFileSync(gexf, 'utf8')).gexf as Xml;
    expect(doc['@version']).toBe('1.3');
    const graph = doc.graph as Xml;
    expect(list((graph.nodes as Xml).node)).toHaveLength(4);
    expect(list((graph.edges as Xml).edge)).toHaveLength(1);
    const csv = await cli('network', dataset, '--type', 'two-mode', '--format', 'csv', '--qualifier', 'ignore', '-o', '-');
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(',Credibility,Sanctions,Sanctions');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('Alexander Lukashenko,0,1,0');
  }, 30_000);

  it('refuses wrong options with a message and exit 2, writing nothing', async () => {
    const out = join(dir, 'never.graphml');
    const cases: [string[], string][] = [
      [['--type', 'tree', '--format', 'graphml'], 'unknown network type "tree"'],
      [['--type', 'two-mode', '--format', 'png'], 'unknown format "png"'],
      [['--format', 'graphml'], '--type is required'],
      [['--type', 'two-mode', '--format', 'csv', '--from', '2026-02-30x'], '--from: "2026-02-30x" is not a date'],
      [['--type', 'two-mode', '--format', 'csv', '--from', '2026-04-01', '--to', '2026-03-01'], '--from 2026-04-01 is after --to 2026-03-01'],
      [['--type', 'congruence', '--format', 'csv', '--qualifier', 'combine'], '--qualifier is for two-mode networks'],
      [['--type', 'congruence', '--format', 'csv', '--normalisation', 'activity'], 'normalisation "activity" does not apply to a congruence network'],
      [['--type', 'two-mode', '--format', 'csv', '--min-statements', 'many'], '--min-statements must be a whole number'],
      [['--type', 'two-mode', '--format', 'csv', '--colour', 'red'], "Unknown option '--colour'"],
    ];
    for (const [args, message] of cases) {
      const r = await cli('network', dataset, ...args, '-o', out);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('Usage: presswork network');
    }
    expect((await cli('network', dataset, '--type', 'two-mode', '--format', 'csv')).stderr).toContain('-o OUT is required');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('refuses an invalid or missing dataset with exit 1', async () => {
    const bad = JSON.parse(readFileSync(dataset, 'utf8'));
    bad.articles[0].relations[0].to = 'nowhere';
    const badPath = join(dir, 'bad.json');
    writeFileSync(badPath, JSON.stringify(bad));
    const out = join(dir, 'never2.graphml');
    const r = await cli('network', badPath, '--type', 'two-mode', '--format', 'graphml', '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a valid Presswork dataset');
    expect(existsSync(out)).toBe(false);
    const missing = await cli('network', join(dir, 'missing.json'), '--type', 'two-mode', '--format', 'graphml', '-o', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});

describe('presswork statements', () => {
  it('writes the event list: one claimant row per statement, addressee and object rows', async () => {
    const out = join(dir, 'events.csv');
    const r = await cli('statements', dataset, '-o', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('5 of 5 statements');
    const all = rows(readFileSync(out, 'utf8'));
    expect(all.filter((x) => x.role === 'claimant').map((x) => x.statement_id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(all.filter((x) => x.role === 'addressee').map((x) => `${x.statement_id}:${x.addressee}`)).toEqual(['c1:European Union', 'c5:European Union']);
    expect(all.filter((x) => x.role === 'object').map((x) => `${x.statement_id}:${x.object}`)).toEqual(['c3:Alexander Lukashenko', 'c5:European Union']);
    const c4 = all.find((x) => x.statement_id === 'c4')!;
    expect(c4).toMatchObject({ claimant: 'unknown', source: 'источника', position: '0', issue: '' });
    expect(all.find((x) => x.statement_id === 'c2')!.quote).toBe('the sanctions should stay 🇪🇺');
  }, 30_000);

  it('filters like the network command and writes to standard output with -o -', async () => {
    const r = await cli('statements', dataset, '--coder', 'alice', '--bom', '-o', '-');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    expect(rows(r.stdout.slice(1)).filter((x) => x.role === 'claimant').map((x) => x.statement_id)).toEqual(['c1', 'c2', 'c5']);
    expect(r.stderr).toContain('3 of 5 statements; coder alice');
    const bad = await cli('statements', dataset, '--to', 'yesterday', '-o', '-');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--to: "yesterday" is not a date');
    expect((await cli('statements', dataset)).stderr).toContain('-o OUT.csv is required');
  }, 30_000);

  it('counts the gold layer by default when the dataset has one; --layer all or NAME chooses others', async () => {
    // bob's work as the adjudicated gold layer.
    const input = handDatasetInput();
    const gold = { ...input, annotations: input.annotations.map((a) => (a.coder === 'bob' ? { ...a, coder: 'gold' } : a)), relations: input.relations.map((r) => (r.coder === 'bob' ? { ...r, coder: 'gold' } : r)) };
    const withGold = join(dir, 'gold.json');
    writeFileSync(withGold, [...datasetJsonChunks(buildDataset(gold))].join(''));
    const ids = (out: string) => rows(out).filter((x) => x.role === 'claimant').map((x) => x.statement_id);
    const byDefault = await cli('statements', withGold, '-o', '-');
    expect(byDefault.code, byDefault.stderr).toBe(0);
    expect(ids(byDefault.stdout)).toEqual(['c3', 'c4']);
    expect(byDefault.stderr).toContain('2 of 5 statements; gold layer');
    expect(ids((await cli('statements', withGold, '--layer', 'all', '-o', '-')).stdout)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(ids((await cli('statements', withGold, '--layer', 'alice', '-o', '-')).stdout)).toEqual(['c1', 'c2', 'c5']);
    // Without a gold layer the default is every layer.
    expect(ids((await cli('statements', dataset, '-o', '-')).stdout)).toHaveLength(5);
    const net = await cli('network', withGold, '--type', 'two-mode', '--format', 'graphml', '-o', '-');
    expect(net.code, net.stderr).toBe(0);
    // The description written into the file says which layer it was built from.
    const g = readGraphml(net.stdout);
    expect(g.desc).toContain('gold layer');
    expect(g.nodes.map((n) => n.label)).toEqual(['Volodymyr Zelensky', 'Credibility']);
    const both = await cli('network', withGold, '--type', 'directed', '--format', 'csv', '--layer', 'gold', '--coder', 'alice', '-o', '-');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--layer and --coder');
  }, 60_000);

  it('is listed in the top-level help', async () => {
    const r = await cli('--help');
    expect(r.stdout).toContain('network DATASET.json');
    expect(r.stdout).toContain('statements DATASET.json');
  }, 30_000);
});
