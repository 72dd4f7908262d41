/**
 * Discourse networks (issue #11): a project of 10,000 articles with 50,000 statements (2,000
 * actors with a long tail, 60 issues, positions −1/0/+1, two years, 20 outlets, 3 coders),
 * seeded so every run sees the same data. Times, in Node (the app runs the same pure code):
 * deriving the statements from the dataset's articles, each network for the whole period, and
 * the rebuild for a three-month time window (what a time-window slider asks for) — goal < 200 ms.
 */
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import type { BenchEntry, BenchPart } from '../report.ts';
import { statementsFromDataset } from '../../shared/statements/from-dataset.ts';
import { buildNetwork, type NetworkType } from '../../shared/network/build.ts';
import { graphmlChunks } from '../../shared/network/write.ts';

import { ARTICLES, PER_ARTICLE, ACTORS, generate } from '../lib/discourse-corpus.ts';

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

/** The median of a few runs: the machine is shared, single runs jitter. */
function median<T>(runs: number, fn: () => T): [T, number] {
  const times: number[] = [];
  let r!: T;
  for (let i = 0; i < runs; i++) {
    const [v, ms] = time(fn);
    r = v;
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return [r, times[Math.floor(times.length / 2)]!];
}

const part: BenchPart = {
  title: `Discourse networks: ${ARTICLES.toLocaleString('en')} articles, ${(ARTICLES * PER_ARTICLE).toLocaleString('en')} statements, ${ACTORS.toLocaleString('en')} actors`,
  async run(): Promise<BenchEntry[]> {
    const { header, articles } = generate();
    // The machine is often shared: the load says how far these figures are from a quiet run.
    process.stdout.write(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${cpus().length} cores\n`);
    const [set, deriveMs] = median(3, () => statementsFromDataset(header, articles));
    const out: BenchEntry[] = [{ name: 'networks: statements from 10,000 dataset articles', value: deriveMs, unit: 'ms', goal: '' }];
    for (const type of ['two-mode', 'congruence', 'conflict'] as NetworkType[]) {
      const [whole, wholeMs] = median(3, () => buildNetwork(set, { type }));
      const [window, windowMs] = median(5, () => buildNetwork(set, { type, from: '2025-04-01', to: '2025-06-30' }));
      process.stdout.write(`  ${type}: whole period ${whole.nodes.length} nodes, ${whole.edges.length} edges; window ${window.statements} statements, ${window.edges.length} edges\n`);
      out.push({ name: `networks: ${type}, whole period (2 years)`, value: wholeMs, unit: 'ms', goal: '< 200' });
      out.push({ name: `networks: ${type}, rebuilt for a 3-month window`, value: windowMs, unit: 'ms', goal: '< 200' });
    }
    // What a readable network view shows: actors with at least 10 statements.
    const [core, coreMs] = median(3, () => buildNetwork(set, { type: 'congruence', minStatements: 10 }));
    out.push({ name: `networks: congruence, whole period, actors ≥ 10 statements (${core.nodes.length})`, value: coreMs, unit: 'ms', goal: '< 200' });
    const net = buildNetwork(set, { type: 'congruence' });
    const [bytes, writeMs] = time(() => {
      let n = 0;
      for (const c of graphmlChunks(net)) n += c.length;
      return n;
    });
    out.push({ name: `networks: congruence as GraphML (${(bytes / 1e6).toFixed(1)} MB)`, value: writeMs, unit: 'ms', goal: '' });
    return out;
  },
};

export default part;
