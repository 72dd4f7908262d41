/**
 * Export benchmark (issue #5): 1,000,000 annotations over 10,000 articles (and half that, to
 * show memory stays flat) to JSON and to CSV, through the code path the CLI and the app use:
 * records → dataset article (offsets to code points) → exportChunks → writeFileAtomic (chunked,
 * atomic file write). Articles are produced one at a time, as the app reads them from its
 * database, so nothing holds the whole corpus.
 *
 * Each (size, format) runs in its own child process so that peak memory (maxRSS) is measured
 * per run: this file re-runs itself with PRESSWORK_BENCH_EXPORT set.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchEntry, BenchPart } from '../report.ts';
import type { Annotation, Article, Relation, Tag } from '../../shared/model/types.ts';
import { defaultCategories } from '../../shared/model/default-codebook.ts';
import { quoteContext } from '../../shared/text/anchor.ts';
import { buildDatasetArticle, buildDatasetHeader, type DatasetArticle, type DatasetStream } from '../../shared/dataset/dataset.ts';
import { exportToFile } from '../../cli/commands/convert.ts';

const SIZES = [
  { articles: 5_000, perArticle: 100 },
  { articles: 10_000, perArticle: 100 },
] as const;
const FORMATS = ['json', 'csv'] as const;

interface ChildResult {
  ms: number;
  /** User + system CPU time of the export: less sensitive than wall time to a busy machine. */
  cpuMs: number;
  generateMs: number;
  maxRssMb: number;
  bytes: number;
  annotations: number;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'the minister said grain deal will hold through winter according to officials critics Київ заявив що угода 😀 🇺🇦 𝐀 report sources denied claimed'.split(' ');

/** One synthetic article with `n` annotations (UTF-16 offsets, as stored) and n/10 relations. */
function synthArticle(i: number, n: number, tags: Tag[], rand: () => number): { article: Article; annotations: Annotation[]; relations: Relation[] } {
  const paragraphs: string[] = [];
  for (let p = 0; p < 8; p++) {
    const words: string[] = [];
    for (let w = 0; w < 60; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    paragraphs.push(words.join(' ') + '.');
  }
  const text = paragraphs.join('\n\n');
  const id = `a${i}`;
  const article: Article = {
    id,
    projectId: 'bench',
    title: `Article ${i}`,
    text,
    meta: { outlet: 'Bench Wire', publishedAt: '2026-01-01', url: `https://example.org/${i}` },
    source: { file: 'bench.jsonl', index: i },
    contentHash: '',
    status: 'done',
    labels: [],
    importedAt: '2026-01-01T00:00:00.000Z',
    order: i,
  };
  const annotations: Annotation[] = [];
  for (let k = 0; k < n; k++) {
    let start = Math.floor(rand() * (text.length - 80));
    // Never start or end inside a surrogate pair, as the app never does.
    if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start++;
    let end = start + 5 + Math.floor(rand() * 70);
    if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
    const tag = tags[k % tags.length]!;
    annotations.push({
      id: `${id}-n${k}`,
      projectId: 'bench',
      articleId: id,
      tagId: tag.id,
      start,
      end,
      ...quoteContext(text, start, end),
      attributes: tag.categoryId === 'claim' ? { stance: 'supports' } : {},
      coder: 'bench',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  }
  const relations: Relation[] = [];
  for (let k = 0; k + 1 < n; k += 10) {
    relations.push({ id: `${id}-r${k}`, projectId: 'bench', articleId: id, type: 'claimant', fromId: `${id}-n${k}`, toId: `${id}-n${k + 1}`, coder: 'bench', createdAt: '2026-01-01T00:00:00.000Z' });
  }
  return { article, annotations, relations };
}

export function benchSource(articles: number, perArticle: number): DatasetStream {
  const categories = defaultCategories();
  const tags: Tag[] = categories.map((c, i) => ({ id: `t-${c.id}`, projectId: 'bench', categoryId: c.id, name: c.name, parentId: null, color: c.color, description: '', order: i, createdAt: '2026-01-01T00:00:00.000Z' }));
  const project = { id: 'bench', name: 'Bench', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', categories };
  const header = buildDatasetHeader({ project, tags, actors: [], exportedAt: '2026-01-01T00:00:00.000Z' });
  const tagsById = new Map(tags.map((t) => [t.id, t]));
  function* gen(): Generator<DatasetArticle> {
    const rand = mulberry32(42);
    for (let i = 0; i < articles; i++) {
      const { article, annotations, relations } = synthArticle(i, perArticle, tags, rand);
      yield buildDatasetArticle(article, annotations, relations, tagsById);
    }
  }
  return { ...header, articles: gen() };
}

async function child(spec: string): Promise<void> {
  const [format, articlesStr, perStr, out] = spec.split(':') as [(typeof FORMATS)[number], string, string, string];
  const articles = Number(articlesStr);
  const per = Number(perStr);
  // Cost of producing the records alone, to tell it apart from the export itself.
  const g0 = performance.now();
  for (const _ of benchSource(articles, per).articles) void _;
  const generateMs = performance.now() - g0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const bytes = await exportToFile(format, benchSource(articles, per), out);
  const ms = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  const result: ChildResult = { ms, cpuMs: (c1.user + c1.system) / 1000, generateMs, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes, annotations: articles * per };
  process.stdout.write(JSON.stringify(result) + '\n');
}

const part: BenchPart = {
  title: 'Export: JSON and CSV, 500k and 1M annotations (streamed, one process per run)',
  async run() {
    const entries: BenchEntry[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'presswork-bench-export-'));
    const self = fileURLToPath(import.meta.url);
    try {
      for (const format of FORMATS) {
        for (const size of SIZES) {
          const out = join(dir, `out.${format}`);
          const r = spawnSync(process.execPath, ['--import', 'tsx', self], {
            env: { ...process.env, PRESSWORK_BENCH_EXPORT: `${format}:${size.articles}:${size.perArticle}:${out}` },
            encoding: 'utf8',
            maxBuffer: 1 << 20,
          });
          if (r.status !== 0) throw new Error(`export bench child failed (${format}, ${size.articles}): ${r.stderr}`);
          const res = JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
          const label = `${format.toUpperCase()} ${(res.annotations / 1e6).toFixed(1)}M annotations / ${size.articles / 1000}k articles`;
          const isGoalSize = size.articles === 10_000;
          entries.push({ name: `export ${label}: time`, value: res.ms, unit: 'ms', goal: format === 'json' && isGoalSize ? '< 10000' : '' });
          entries.push({ name: `export ${label}: CPU time`, value: res.cpuMs, unit: 'ms', goal: '' });
          entries.push({ name: `export ${label}: peak memory (maxRSS)`, value: res.maxRssMb, unit: 'MB', goal: isGoalSize ? 'flat vs. half size' : '' });
          entries.push({ name: `export ${label}: file size`, value: statSync(out).size / 1e6, unit: 'MB', goal: '' });
          entries.push({ name: `export ${label}: generating the records alone`, value: res.generateMs, unit: 'ms', goal: '' });
          rmSync(out, { force: true });
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return entries;
  },
};

export default part;

if (process.env.PRESSWORK_BENCH_EXPORT) await child(process.env.PRESSWORK_BENCH_EXPORT);
