/**
 * Annotations table and samples (issue #12): the pure work per page of the table scan over
 * 100,000 articles with 1,000,000 annotations (10 per article, a third of them linked), and
 * drawing samples of 100,000 articles. Times the functions of shared/analysis in Node; the app
 * runs the same code on each page it reads from IndexedDB (the reads themselves are measured by
 * the store benchmarks in the browser).
 */
import { performance } from 'node:perf_hooks';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { BenchEntry, BenchPart } from '../report.ts';
import { TablePage, buildRow, emptyCounts, filterPage, prepareFilter, tableContext, type AnnotationFilter, type TableArticle } from '../../shared/analysis/annotation-table.ts';
import { drawSample, type SampleUnit } from '../../shared/analysis/sample.ts';
import { libraryView } from '../../shared/analysis/library-filter.ts';
import { defaultCategories } from '../../shared/model/default-codebook.ts';
import type { Actor, Annotation, Relation, Tag } from '../../shared/model/types.ts';

const ARTICLES = 100_000;
const PER_ARTICLE = 10;
const PAGE = 400;
const OUTLETS = Array.from({ length: 20 }, (_, i) => `Outlet ${i + 1}`);

function tag(id: string, categoryId: string, parentId: string | null = null): Tag {
  return { id, projectId: 'p', categoryId, name: id, parentId, color: '#888888', description: '', order: 0, createdAt: '' };
}

const tags = [tag('claim', 'claim'), tag('economy', 'claim', 'claim'), tag('war', 'claim', 'claim'), tag('source', 'source'), tag('actor', 'actor')];
const actors: Actor[] = Array.from({ length: 200 }, (_, i) => ({ id: `x${i}`, projectId: 'p', name: `Actor ${i}`, aliases: [], createdAt: '' }));
const ctx = tableContext(defaultCategories(), tags, actors);

/** One page of articles with their annotations and relations, generated (never all pages at once). */
function makePage(pageIndex: number): { articles: TableArticle[]; annotations: Annotation[]; relations: Relation[]; order: string[] } {
  const rng = xoroshiro128plus(pageIndex);
  const int = (a: number, b: number) => uniformInt(rng, a, b);
  const articles: TableArticle[] = [];
  const annotations: Annotation[] = [];
  const relations: Relation[] = [];
  for (let i = 0; i < PAGE; i++) {
    const n = pageIndex * PAGE + i;
    const id = `a${n}`;
    articles.push({ id, title: `Article ${n}`, meta: { outlet: OUTLETS[n % OUTLETS.length] as string, publishedAt: `202${4 + (n % 2)}-${String(1 + (n % 12)).padStart(2, '0')}-15` } });
    for (let k = 0; k < PER_ARTICLE; k++) {
      const kind = k % 3;
      const tagId = kind === 0 ? (['claim', 'economy', 'war'][int(0, 2)] as string) : kind === 1 ? 'source' : 'actor';
      const start = k * 120;
      const attributes: Record<string, string> = kind === 0 ? { stance: ['supports', 'opposes', 'neutral'][int(0, 2)] as string } : kind === 1 ? { type: ['official', 'anonymous', 'document'][int(0, 2)] as string } : {};
      annotations.push({ id: `${id}-${k}`, projectId: 'p', articleId: id, tagId, start, end: start + 60, quote: 'a quoted passage of about sixty characters for the table row', prefix: 'thirty-two characters before it', suffix: 'and thirty-two characters after.', attributes, ...(kind === 2 ? { actorId: `x${int(0, 199)}` } : {}), coder: ['ana', 'ben', 'cy'][int(0, 2)] as string, createdAt: '', updatedAt: '' });
    }
    // Each claim linked to the next actor mention, a third of the annotations.
    for (let k = 0; k + 2 < PER_ARTICLE; k += 3) relations.push({ id: `${id}-r${k}`, projectId: 'p', articleId: id, type: 'claimant', fromId: `${id}-${k}`, toId: `${id}-${k + 2}`, coder: 'ana', createdAt: '' });
  }
  return { articles, annotations, relations, order: articles.map((a) => a.id) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)] ?? 0;
}

function scan(filter: AnnotationFilter): { total: number; pageMs: number[]; matches: number } {
  const prepared = prepareFilter(filter, tags);
  const counts = emptyCounts();
  const pageMs: number[] = [];
  let matches = 0;
  let total = 0;
  for (let p = 0; p < ARTICLES / PAGE; p++) {
    const data = makePage(p);
    const t0 = performance.now();
    const page = new TablePage(data.articles, data.annotations, data.relations);
    matches += filterPage(page, data.order, ctx, prepared, counts).length;
    const ms = performance.now() - t0;
    pageMs.push(ms);
    total += ms;
  }
  return { total, pageMs, matches };
}

const part: BenchPart = {
  title: 'Annotations table and samples (100k articles, 1M annotations)',
  async run() {
    const out: BenchEntry[] = [];
    const all = scan({});
    out.push({ name: 'table: scan 1M annotations, no filter (CPU, s)', value: all.total / 1000, unit: 's', goal: '' });
    out.push({ name: 'table: per page of 400 articles (4,000 ann.), median', value: median(all.pageMs), unit: 'ms', goal: '' });
    out.push({ name: 'table: per page of 400 articles (4,000 ann.), p95', value: p95(all.pageMs), unit: 'ms', goal: '< 50' });
    const claims = scan({ tagIds: ['claim'], actorId: 'x7', dateFrom: '2024-03', dateTo: '2025-06' });
    out.push({ name: 'table: claims (sub-tags) × actor × dates, scan (CPU, s)', value: claims.total / 1000, unit: 's', goal: '' });
    out.push({ name: 'table: … matching annotations', value: claims.matches, unit: 'rows', goal: '' });
    const missing = scan({ categoryId: 'claim', missingRole: 'according-to', attribute: { id: 'stance', value: 'opposes' } });
    out.push({ name: 'table: claims opposing, no "according to", median page', value: median(missing.pageMs), unit: 'ms', goal: '' });
    const data = makePage(0);
    const page = new TablePage(data.articles, data.annotations, data.relations);
    const t0 = performance.now();
    for (const a of data.annotations.slice(0, 40)) buildRow(a, page, ctx);
    out.push({ name: 'table: build 40 rows on screen', value: performance.now() - t0, unit: 'ms', goal: '< 16' });

    const units: SampleUnit[] = Array.from({ length: ARTICLES }, (_, n) => ({ id: `a${n}`, outlet: OUTLETS[n % OUTLETS.length], publishedAt: `202${4 + (n % 2)}-${String(1 + (n % 12)).padStart(2, '0')}-15` }));
    let t = performance.now();
    drawSample(units, { method: 'simple', size: 1000, seed: 42 });
    out.push({ name: 'sample: simple random, 1,000 of 100,000', value: performance.now() - t, unit: 'ms', goal: '< 200' });
    t = performance.now();
    const strat = drawSample(units, { method: 'stratified', size: 1000, seed: 42, strata: ['outlet', 'month'], allocation: 'equal' });
    out.push({ name: 'sample: stratified by outlet × month, 1,000', value: performance.now() - t, unit: 'ms', goal: '< 200' });
    out.push({ name: 'sample: … strata', value: strat.strata.length, unit: 'strata', goal: '' });

    // The library's filter and its four facets over 100,000 article records (each keystroke in the search field).
    const records = units.map((u, n) => ({ id: u.id, title: `Article ${n} about the ${n % 7 ? 'council' : 'harbour'}`, status: (['todo', 'in-progress', 'done'] as const)[n % 3] as 'todo', meta: { outlet: u.outlet, language: n % 3 ? 'en' : 'ru', author: `Author ${n % 50}`, publishedAt: u.publishedAt } }));
    const filter = { text: 'harbour', language: 'en', dateFrom: '2024-03' };
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      t = performance.now();
      libraryView(records, filter, {});
      times.push(performance.now() - t);
    }
    out.push({ name: 'library: filter + 4 facets, 100,000 articles, median', value: median(times), unit: 'ms', goal: '< 100' });
    return out;
  },
};

export default part;
