/**
 * Discourse networks (issue #11): a project of 10,000 articles with 50,000 statements (2,000
 * actors with a long tail, 60 issues, positions −1/0/+1, two years, 20 outlets, 3 coders),
 * seeded so every run sees the same data. Times, in Node (the app runs the same pure code):
 * deriving the statements from the dataset's articles, each network for the whole period, and
 * the rebuild for a three-month time window (what a time-window slider asks for) — goal < 200 ms.
 */
import { performance } from 'node:perf_hooks';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { BenchEntry, BenchPart } from '../report.ts';
import { DATASET_VERSION, type DatasetAnnotation, type DatasetArticle, type DatasetHeader } from '../../shared/dataset/dataset.ts';
import { defaultCategories } from '../../shared/model/default-codebook.ts';
import { statementsFromDataset } from '../../shared/statements/from-dataset.ts';
import { buildNetwork, type NetworkType } from '../../shared/network/build.ts';
import { graphmlChunks } from '../../shared/network/write.ts';

const ARTICLES = 10_000;
const PER_ARTICLE = 5;
const ACTORS = 2_000;
const ISSUES = 60;
const OUTLETS = 20;
const CODERS = ['ann', 'bob', 'cy'];
const DAY0 = Date.UTC(2024, 0, 1);

export function generate(): { header: DatasetHeader; articles: DatasetArticle[] } {
  const rng = xoroshiro128plus(11);
  const int = (a: number, b: number) => uniformInt(rng, a, b);
  // A long tail: actor i is drawn with weight ~ 1 / (i + 1) (a few speak often, most rarely).
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < ACTORS; i++) cumulative.push((total += 1 / (i + 1)));
  const actor = () => {
    const x = (int(0, 1_000_000) / 1_000_000) * total;
    let lo = 0;
    let hi = ACTORS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const T = '2024-01-01T00:00:00.000Z';
  const header: DatasetHeader = {
    format: 'presswork-dataset',
    version: DATASET_VERSION,
    exportedAt: T,
    generator: 'bench',
    offsets: { unit: 'code-point', end: 'exclusive' },
    project: { id: 'p', name: 'bench', createdAt: T, updatedAt: T },
    codebook: {
      categories: defaultCategories().map((c) => ({ ...c, attributes: c.id === 'claim' ? [...c.attributes, { id: 'pos', name: 'Position', type: 'choice' as const, options: ['-1', '0', '+1'] }] : c.attributes })),
      tags: [
        { id: 'claim', name: 'Claim', category: 'claim', parent: null, color: '#888888', description: '', shortcut: null, order: 0, createdAt: T },
        { id: 'actor', name: 'Actor', category: 'actor', parent: null, color: '#888888', description: '', shortcut: null, order: 0, createdAt: T },
        ...Array.from({ length: ISSUES }, (_, j) => ({ id: `issue${j}`, name: `Issue ${j}`, category: 'claim', parent: 'claim', color: '#888888', description: '', shortcut: null, order: j + 1, createdAt: T })),
      ],
    },
    actors: Array.from({ length: ACTORS }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}`, aliases: [], type: i % 3 === 0 ? 'person' : 'organisation', createdAt: T })),
  };
  const ann = (id: string, tag: string, category: string, extra: Partial<DatasetAnnotation> = {}): DatasetAnnotation => ({
    id, tag, tagName: tag, category, start: 0, end: 1, quote: 'x', prefix: '', suffix: '', note: null, attributes: {}, actor: null, coder: 'ann', createdAt: T, updatedAt: T, ...extra,
  });
  const articles: DatasetArticle[] = [];
  for (let n = 0; n < ARTICLES; n++) {
    const day = int(0, 729);
    const coder = CODERS[n % CODERS.length]!;
    const annotations: DatasetAnnotation[] = [];
    const relations: DatasetArticle['relations'] = [];
    for (let k = 0; k < PER_ARTICLE; k++) {
      const c = `n${n}c${k}`;
      const m = `n${n}m${k}`;
      // Issues cluster by actor, so that congruence and conflict have structure.
      const who = actor();
      const issue = (who * 7 + int(0, 5)) % ISSUES;
      annotations.push(ann(c, `issue${issue}`, 'claim', { coder, attributes: { pos: String(((who + issue) % 3) - 1 + (int(0, 9) === 0 ? 1 : 0)) } }));
      annotations.push(ann(m, 'actor', 'actor', { coder, actor: `a${who}` }));
      relations.push({ id: `r${n}-${k}`, type: 'claimant', from: c, to: m, coder, createdAt: T });
    }
    articles.push({
      id: `art${n}`, title: '', text: 'x', meta: { outlet: `Outlet ${n % OUTLETS}`, publishedAt: new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10) },
      status: 'done', labels: [], source: { file: 'bench' }, contentHash: `h${n}`, importedAt: T, annotations, relations,
    });
  }
  return { header, articles };
}

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
