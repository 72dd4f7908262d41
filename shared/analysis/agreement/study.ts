/**
 * The whole reliability study of the agreement screen (issue #10): from coded articles, every
 * figure — uα per category, per tag and overall; nominal α on tokens (with Cohen's or Fleiss' κ
 * and percent agreement on the same units); α of each span category's tags and attributes over
 * matched spans — each with its n, a bootstrap interval for α, and the disagreements behind it.
 *
 * Pure and synchronous (the app runs it in a Web Worker, the CLI in Node). Positions are code
 * points throughout (the export's convention); the app converts its UTF-16 offsets first.
 */
import { krippendorffAlpha } from './alpha.ts';
import { bootstrapAlpha, type BootstrapResult } from './bootstrap.ts';
import { cohenKappa, fleissKappa, percentAgreement } from './kappa.ts';
import { attributeAlpha, matchSpans, type MatchableSpan } from './matching.ts';
import { unitizingAlphaStudyColumns, type StudySpanColumns, type UnitizingResult } from './unitizing.ts';
import { codePointLength } from '../../text/code-points.ts';
import { NONE, unitPatterns, type UnitKind, type UnitPatterns } from './units.ts';
import { notComputable, type AgreementResult, type Level, type ReliabilityData, type Value } from './types.ts';

export interface StudyCategory {
  id: string;
  name: string;
  level: 'span' | 'document';
  attributes: readonly StudyAttribute[];
}

export interface StudyAttribute {
  id: string;
  name: string;
  type: 'choice' | 'text' | 'boolean';
  /** For choice: the options in order (the order of an ordinal attribute). */
  options?: readonly string[];
  /** Level of measurement; default nominal (text attributes are not compared). */
  level?: Level;
}

export interface StudyTag {
  id: string;
  name: string;
  category: string;
}

export interface StudyArticle {
  id: string;
  title: string;
  text: string;
  /** Coders who coded this article; any other chosen coder is missing here, not "none". */
  openedBy: readonly string[];
}

export interface StudySpanAnnotation {
  id: string;
  articleId: string;
  coder: string;
  tag: string;
  /** Code points, half-open. */
  start: number;
  end: number;
  attributes: Readonly<Record<string, string | boolean>>;
}

export interface StudyInput {
  categories: readonly StudyCategory[];
  tags: readonly StudyTag[];
  articles: readonly StudyArticle[];
  annotations: readonly StudySpanAnnotation[];
  /** The coders compared, in column order. */
  coders: readonly string[];
}

export interface StudyOptions {
  unit?: UnitKind;
  /** Bootstrap seed (recorded with each interval). */
  seed?: number;
  /** Bootstrap resamples (default 1,000; 0 = no intervals). */
  replicates?: number;
  /** Disagreements kept per figure (all are counted). */
  maxDisagreements?: number;
  onProgress?: (done: number, total: number, step: string) => void;
}

export type Measure = 'uα' | 'α' | "Cohen's κ" | "Fleiss' κ" | 'percent agreement';

/** One place where coders differ: a stretch of units or a matched span group, or an unmatched span. */
export interface Disagreement {
  articleId: string;
  /** Code points, half-open: the stretch or the union of the spans. */
  start: number;
  end: number;
  /** Per coder (in `coders` order): what they coded there; null = missing (not coded / no span). */
  values: (string | null)[];
}

export interface StudyRow {
  key: string;
  /** What the figure is about. */
  scope: 'overall' | 'category' | 'tag' | 'attribute';
  category: string | null;
  variable: string;
  measure: Measure;
  /** Level of measurement, or "unitizing" for uα. */
  level: Level | 'unitizing';
  /** What the units are: "code points", "tokens", "matched spans". */
  unit: string;
  result: AgreementResult;
  ci: BootstrapResult | null;
  /** Anything the reader must know to read the figure (unmatched spans, excluded articles). */
  note: string;
  disagreements: Disagreement[];
  disagreementCount: number;
}

export interface StudyResult {
  coders: string[];
  unit: UnitKind;
  seed: number;
  replicates: number;
  articles: number;
  rows: StudyRow[];
  /** uα per article and category (among the coders who opened it). */
  perArticle: { articleId: string; title: string; result: AgreementResult }[];
}

/** A row of the table without its disagreements: what the agreement screen shows and saves. */
export type StudyTableRow = Omit<StudyRow, 'disagreements'>;

/**
 * The table alone (no disagreement lists, no per-article figures): small enough for the
 * agreement worker to post to the window without blocking it while it decodes.
 */
export interface StudyTable extends Omit<StudyResult, 'rows' | 'perArticle'> {
  rows: StudyTableRow[];
}

/** The table of a result: every row without its disagreements. */
export function studyTable(result: StudyResult): StudyTable {
  const { rows, perArticle: _perArticle, ...rest } = result;
  return { ...rest, rows: rows.map(({ disagreements: _d, ...row }) => row) };
}

/** A figure with fewer pairable units than this is reported as "too few units", not as a number. */
export const MIN_PAIRABLE_UNITS = 2;

function guardSmall<T extends AgreementResult>(r: T): AgreementResult {
  if (r.n.pairableUnits > 0 && r.n.pairableUnits < MIN_PAIRABLE_UNITS) {
    return notComputable(`too few units: only ${r.n.pairableUnits} unit coded by two or more coders`, r.n);
  }
  return r;
}

const label = (coder: string) => coder || '(no coder name)';

/**
 * The token matrix seen through one variable, compressed: identical rows of one article become
 * one weighted row (α, κ, percent agreement and the article bootstrap depend only on how often
 * each row occurs), so 700,000 token rows shrink to a few thousand. `rowPattern` keeps, per
 * original row, its pattern, for listing the disagreements in text order.
 */
interface TokenVariable {
  data: ReliabilityData;
  clusters: Int32Array;
  rowPattern: Int32Array;
  patterns: (string | null)[][];
}

const rowKey = (row: readonly (string | null)[]) => row.map((v) => (v === null ? '\u0001' : v)).join('\u0000');

function tokenVariable(m: UnitPatterns, recode: ((v: string) => string) | null): TokenVariable {
  const seen = new Map<string, number>();
  const patterns: (string | null)[][] = [];
  const baseTo = Int32Array.from(m.patterns, (row) => {
    const r = recode ? row.map((v) => (v === null ? null : recode(v))) : row;
    const k = rowKey(r);
    let id = seen.get(k);
    if (id === undefined) {
      seen.set(k, (id = patterns.length));
      patterns.push(r);
    }
    return id;
  });
  const P = patterns.length;
  // Units come article by article: a pattern's weighted row in the current article is found by
  // stamping it with the article, not by a map over (article, pattern).
  const stamp = new Int32Array(P).fill(-1);
  const slot = new Int32Array(P);
  const units: (string | null)[][] = [];
  const weights: number[] = [];
  const clusters: number[] = [];
  const U = m.pattern.length;
  const rowPattern = new Int32Array(U);
  for (let u = 0; u < U; u++) {
    const p = baseTo[m.pattern[u] as number] as number;
    rowPattern[u] = p;
    const c = m.clusters[u] as number;
    let i: number;
    if (stamp[p] === c) i = slot[p] as number;
    else {
      stamp[p] = c;
      slot[p] = i = units.length;
      units.push(patterns[p] as (string | null)[]);
      weights.push(0);
      clusters.push(c);
    }
    weights[i] = (weights[i] as number) + 1;
  }
  return { data: { coders: m.coders, units, weights }, clusters: Int32Array.from(clusters), rowPattern, patterns };
}

/**
 * Stretches of consecutive units of one article where the coders' values are not all equal
 * (missing values do not disagree with anything).
 */
function unitDisagreements(units: UnitPatterns, articleIds: readonly string[], v: TokenVariable, display: (x: string | null) => string | null, max: number): { list: Disagreement[]; count: number } {
  const differs = v.patterns.map((row) => {
    const present = row.filter((x) => x !== null);
    return present.length >= 2 && present.some((x) => x !== present[0]);
  });
  const list: Disagreement[] = [];
  let count = 0;
  // The stretch being extended: its pattern and article (−1: none); listed ones are extended too.
  let openPattern = -1;
  let openArticle = -1;
  let open: Disagreement | null = null;
  for (let u = 0; u < units.pattern.length; u++) {
    const p = v.rowPattern[u] as number;
    if (!differs[p]) {
      openPattern = -1;
      continue;
    }
    const article = units.clusters[u] as number;
    if (openPattern === p && openArticle === article) {
      if (open) open.end = units.ends[u] as number;
      continue;
    }
    count++;
    openPattern = p;
    openArticle = article;
    open = null;
    if (list.length < max) list.push((open = { articleId: articleIds[article] as string, start: units.starts[u] as number, end: units.ends[u] as number, values: (v.patterns[p] as (string | null)[]).map(display) }));
  }
  return { list, count };
}

function describeExcluded(articles: readonly StudyArticle[], excluded: readonly string[]): string {
  if (excluded.length === 0) return '';
  return `${excluded.length} of ${articles.length} article${articles.length === 1 ? '' : 's'} left out (not coded by every chosen coder)`;
}

export function computeStudy(input: StudyInput, options: StudyOptions = {}): StudyResult {
  const unit = options.unit ?? 'token';
  const seed = options.seed ?? 1;
  const replicates = options.replicates ?? 1000;
  const max = options.maxDisagreements ?? 500;
  const coders = [...input.coders];
  const chosen = new Set(coders);
  const spanCategories = input.categories.filter((c) => c.level === 'span');
  const spanCatIds = new Set(spanCategories.map((c) => c.id));
  const tags = input.tags.filter((t) => spanCatIds.has(t.category));
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const tagIndex = new Map(tags.map((t, i) => [t.id, String(i)]));
  const articleIds = new Set(input.articles.map((a) => a.id));
  const anns = input.annotations.filter((a) => chosen.has(a.coder) && tagById.has(a.tag) && articleIds.has(a.articleId));
  const rows: StudyRow[] = [];
  const total = 3 + spanCategories.length * 2 + tags.length;
  let done = 0;
  const step = (name: string) => options.onProgress?.(++done, total, name);
  const tagName = (id: string) => tagById.get(id)?.name ?? id;

  const ci = (data: ReliabilityData, level: Level, clusters: ArrayLike<number> | undefined, order?: readonly Value[]): BootstrapResult | null =>
    replicates > 0 ? bootstrapAlpha(data, { seed, replicates, level, ...(clusters ? { clusters } : {}), ...(order ? { order } : {}) }) : null;

  // --- uα on code points: per category (overall = over all categories), per tag.
  const extents = input.articles.map((a) => ({ id: a.id, length: codePointLength(a.text), openedBy: a.openedBy }));
  // The spans once as columns; the category and the tag passes differ only in their values.
  const articleIndex = new Map<string, number>();
  input.articles.forEach((a, i) => {
    if (!articleIndex.has(a.id)) articleIndex.set(a.id, i);
  });
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  const catNames = spanCategories.map((c) => c.id);
  const catIndex = new Map(catNames.map((c, i) => [c, i]));
  const nA = anns.length;
  const byCatCols: StudySpanColumns = { count: nA, article: new Int32Array(nA), coder: new Int32Array(nA), start: new Float64Array(nA), end: new Float64Array(nA), value: new Int32Array(nA), valueNames: catNames };
  const tagValues = new Int32Array(nA);
  anns.forEach((a, i) => {
    byCatCols.article[i] = articleIndex.get(a.articleId) as number;
    byCatCols.coder[i] = coderIndex.get(a.coder) as number;
    byCatCols.start[i] = a.start;
    byCatCols.end[i] = a.end;
    byCatCols.value[i] = catIndex.get((tagById.get(a.tag) as StudyTag).category) as number;
    tagValues[i] = Number(tagIndex.get(a.tag));
  });
  const byCategory = unitizingAlphaStudyColumns(extents, coders, byCatCols);
  step('uα per category');
  const byTag = unitizingAlphaStudyColumns(
    extents,
    coders,
    { ...byCatCols, value: tagValues, valueNames: tags.map((t) => t.id) },
    // Per article only per category (the screen's per-article figures): a second pass per tag is wasted work.
    { perArticle: false },
  );
  step('uα per tag');
  const pooledNote = describeExcluded(input.articles, byCategory.pooled.articlesExcluded);
  const uaNote = (r: UnitizingResult) => [pooledNote, r.mergedOverlaps > 0 ? `${r.mergedOverlaps} overlapping span${r.mergedOverlaps === 1 ? '' : 's'} of one coder merged` : ''].filter(Boolean).join('; ');

  // --- Token (or sentence) units: one matrix of every tag, recoded per variable.
  const matrix = unitPatterns(
    {
      articles: input.articles,
      coders,
      annotations: anns,
    },
    { unit, tagOf: (a) => tagIndex.get(a.tag) as string },
  );
  step('units');
  const unitName = unit === 'token' ? 'tokens' : 'sentences';
  const tagOfIndex = (i: string) => (tags[Number(i)] as StudyTag).id;
  const showTags = (v: string | null) => (v === null ? null : v === NONE ? NONE : v.split('+').map((i) => tagName(tagOfIndex(i))).join(' + '));

  const articleIdList = input.articles.map((a) => a.id);
  const unitRows = (key: string, scope: StudyRow['scope'], category: string | null, variable: string, tv: TokenVariable, ua: AgreementResult | undefined, uaNoteText: string) => {
    const m = tv.data;
    const dis = unitDisagreements(matrix, articleIdList, tv, showTags, max);
    if (ua) rows.push({ key: `${key}:ua`, scope, category, variable, measure: 'uα', level: 'unitizing', unit: 'code points', result: ua, ci: null, note: uaNoteText, disagreements: dis.list, disagreementCount: dis.count });
    const alpha = guardSmall(krippendorffAlpha(m, { level: 'nominal' }));
    const missingNote = tv.patterns.some((r) => r.includes(null)) ? 'articles a coder did not code are missing data' : '';
    rows.push({ key: `${key}:alpha`, scope, category, variable, measure: 'α', level: 'nominal', unit: unitName, result: alpha, ci: alpha.computable ? ci(m, 'nominal', tv.clusters) : null, note: missingNote, disagreements: dis.list, disagreementCount: dis.count });
    const kappa = coders.length === 2 ? cohenKappa(m) : fleissKappa(m);
    const kNote = kappa.computable && kappa.unitsWithMissing > 0 ? `${kappa.unitsWithMissing} ${unitName} with a missing value left out` : '';
    rows.push({ key: `${key}:kappa`, scope, category, variable, measure: coders.length === 2 ? "Cohen's κ" : "Fleiss' κ", level: 'nominal', unit: unitName, result: guardSmall(kappa), ci: null, note: kNote, disagreements: dis.list, disagreementCount: dis.count });
    rows.push({ key: `${key}:pct`, scope, category, variable, measure: 'percent agreement', level: 'nominal', unit: unitName, result: guardSmall(percentAgreement(m)), ci: null, note: '', disagreements: dis.list, disagreementCount: dis.count });
  };

  // Overall: every span tag.
  unitRows('all', 'overall', null, 'All span categories', tokenVariable(matrix, null), byCategory.pooled.overall, uaNote(byCategory.pooled));
  step('overall');

  for (const cat of spanCategories) {
    const own = new Set(tags.filter((t) => t.category === cat.id).map((t) => tagIndex.get(t.id) as string));
    const m = tokenVariable(matrix, (v) => {
      if (v === NONE) return NONE;
      const kept = v.split('+').filter((i) => own.has(i));
      return kept.length === 0 ? NONE : kept.join('+');
    });
    const ua = byCategory.pooled.byValue.find((b) => b.value === cat.id)?.result ?? notComputable(`no coder marked a span of "${cat.name}"`, byCategory.pooled.overall.n);
    unitRows(`cat:${cat.id}`, 'category', cat.id, cat.name, m, ua, pooledNote);
    step(`category ${cat.name}`);

    // Tags and attributes over matched spans of this category.
    const spans = anns.filter((a) => (tagById.get(a.tag) as StudyTag).category === cat.id);
    const spanNote = (unmatched: Record<string, number>, all: number) => {
      const left = Object.values(unmatched).reduce((s, x) => s + x, 0);
      return `${left} of ${all} span${all === 1 ? '' : 's'} unmatched (${coders.map((c) => `${label(c)} ${unmatched[c] ?? 0}`).join(', ')})`;
    };
    const groupDisagreements = (agreement: ReturnType<typeof attributeAlpha<StudySpanAnnotation & MatchableSpan>>, show: (s: StudySpanAnnotation) => string | null) => {
      const list: Disagreement[] = [];
      let count = 0;
      for (const g of agreement.matching.groups) {
        const values = coders.map((c) => {
          const s = g.spans.find((x) => x.coder === c);
          return s ? show(s) : null;
        });
        const present = values.filter((v) => v !== null);
        if (present.length >= 2 && present.some((v) => v !== present[0])) {
          count++;
          if (list.length < max) list.push({ articleId: g.articleId, start: Math.min(...g.spans.map((s) => s.start)), end: Math.max(...g.spans.map((s) => s.end)), values });
        }
      }
      for (const s of agreement.matching.unmatched) {
        count++;
        if (list.length < max) list.push({ articleId: s.articleId, start: s.start, end: s.end, values: coders.map((c) => (c === s.coder ? `${show(s) ?? ''} (unmatched)` : null)) });
      }
      return { list, count };
    };
    // One matching per category: the tag and every attribute are compared on the same span groups.
    const matching = matchSpans(spans, coders);
    const tagAgreement = attributeAlpha(spans, coders, (s) => s.tag, {}, matching);
    const tagAlpha = guardSmall(tagAgreement.alpha);
    const tagDis = groupDisagreements(tagAgreement, (s) => tagName(s.tag));
    rows.push({
      key: `cat:${cat.id}:tag`,
      scope: 'category',
      category: cat.id,
      variable: `${cat.name}: tag of matched spans`,
      measure: 'α',
      level: 'nominal',
      unit: 'matched spans',
      result: tagAlpha,
      ci: tagAlpha.computable ? ci(tagAgreement.data, 'nominal', clustersOf(tagAgreement.matching.groups)) : null,
      note: spanNote(tagAgreement.matching.unmatchedPerCoder, spans.length),
      disagreements: tagDis.list,
      disagreementCount: tagDis.count,
    });
    for (const attr of cat.attributes) {
      const level = attr.level ?? 'nominal';
      const base = { key: `attr:${cat.id}:${attr.id}`, scope: 'attribute' as const, category: cat.id, variable: `${cat.name}: ${attr.name}`, measure: 'α' as const, level, unit: 'matched spans' };
      if (attr.type === 'text') {
        rows.push({ ...base, result: notComputable('free-text attribute: no level of measurement to compare it on', { units: 0, pairableUnits: 0, pairableValues: 0, coders: 0 }), ci: null, note: '', disagreements: [], disagreementCount: 0 });
        continue;
      }
      const valueOf = (s: StudySpanAnnotation): Value | null => {
        const v = s.attributes[attr.id];
        if (v === undefined || v === '') return null;
        if (typeof v === 'boolean') return v ? 'yes' : 'no';
        if (level === 'interval' || level === 'ratio') {
          const x = Number(v);
          return Number.isFinite(x) ? x : v;
        }
        return v;
      };
      const order = level === 'ordinal' && attr.options ? attr.options : undefined;
      const ag = attributeAlpha(spans, coders, valueOf, { level, ...(order ? { order } : {}) }, matching);
      const res = guardSmall(ag.alpha);
      const dis = groupDisagreements(ag, (s) => {
        const v = valueOf(s);
        return v === null ? '(not set)' : String(v);
      });
      rows.push({
        ...base,
        result: res,
        ci: res.computable ? ci(ag.data, level, clustersOf(ag.matching.groups), order) : null,
        note: spanNote(ag.matching.unmatchedPerCoder, spans.length),
        disagreements: dis.list,
        disagreementCount: dis.count,
      });
    }
    step(`spans of ${cat.name}`);

    for (const t of tags.filter((x) => x.category === cat.id)) {
      const idx = tagIndex.get(t.id) as string;
      const tm = tokenVariable(matrix, (v) => (v !== NONE && v.split('+').includes(idx) ? idx : NONE));
      const ua = byTag.pooled.byValue.find((b) => b.value === t.id)?.result ?? notComputable(`no coder marked a span "${t.name}"`, byTag.pooled.overall.n);
      const before = rows.length;
      unitRows(`tag:${t.id}`, 'tag', cat.id, `${cat.name}: ${t.name}`, tm, ua, pooledNote);
      // Per tag only uα and α: κ and percent agreement on a binary variable add little.
      rows.splice(before + 2, 2);
      step(`tag ${t.name}`);
    }
  }

  const perArticle: StudyResult['perArticle'] = [];
  for (const a of input.articles) {
    const r = byCategory.perArticle.get(a.id);
    perArticle.push({ articleId: a.id, title: a.title, result: r ? r.overall : notComputable('fewer than two chosen coders coded this article', { units: 0, pairableUnits: 0, pairableValues: 0, coders: 0 }) });
  }
  return { coders, unit, seed, replicates, articles: input.articles.length, rows, perArticle };
}

/** Per matched group, the index of its article: the bootstrap resamples whole articles. */
function clustersOf(groups: readonly { articleId: string }[]): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(groups.map((g) => {
    let i = ids.get(g.articleId);
    if (i === undefined) ids.set(g.articleId, (i = ids.size));
    return i;
  }));
}
