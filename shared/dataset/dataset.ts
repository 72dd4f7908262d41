/**
 * The canonical Presswork dataset (issue #5): one self-describing JSON document that every other
 * export format is derived from, and that can be imported back. Offsets in the dataset count
 * Unicode code points, end-exclusive, so `text[start:end] == quote` holds in Python.
 * Schema: resources/schema/presswork-dataset.schema.json; documentation: docs/dataset.md.
 */
import type {
  Actor,
  Annotation,
  Article,
  ArticleMeta,
  ArticleStatus,
  AttributeDef,
  AttributeValue,
  Category,
  CategoryLevel,
  DraftSource,
  Note,
  Project,
  Relation,
  Tag,
} from '../model/types.ts';
import type { Allocation, SampleDefinition, SampleSet, StratumField, StratumResult } from '../analysis/sample.ts';
import { safeHexColor } from '../model/color.ts';
import { newId } from '../model/ids.ts';
import { compareRelations } from '../model/relation-order.ts';
import { runSteps, type Steps } from './steps.ts';
import { makeOffsetConverter, type OffsetConverter } from '../text/code-points.ts';
import { quoteAt } from '../text/quote-at.ts';
import { anchor, quoteContext } from '../text/anchor.ts';
import { contentHash } from '../import/content-hash.ts';

export const DATASET_FORMAT = 'presswork-dataset';
/** Version 2 adds statement roles (`roles`, relation `position`); version-1 files still read. */
export const DATASET_VERSION = 2;
/** The dataset versions this code reads (older ones lack only optional fields). */
export const READABLE_DATASET_VERSIONS: readonly number[] = [1, 2];
/** A role's `actor` when the claimant is unknown or anonymous (not an actor of the registry). */
export const UNKNOWN_ROLE_ACTOR = 'unknown';

export interface DatasetCategory {
  id: string;
  name: string;
  level: CategoryLevel;
  color: string;
  builtIn: boolean;
  attributes: AttributeDef[];
}

export interface DatasetTag {
  id: string;
  name: string;
  /** Category id. */
  category: string;
  /** Parent tag id, or null for a top-level tag. */
  parent: string | null;
  color: string;
  description: string;
  shortcut: string | null;
  order: number;
  createdAt: string;
}

export interface DatasetActor {
  id: string;
  name: string;
  aliases: string[];
  type: string | null;
  createdAt: string;
}

export interface DatasetAnnotation {
  id: string;
  tag: string;
  /** Denormalised for analysis: the tag's name and its category id. */
  tagName: string;
  category: string;
  /** Code points, end-exclusive. */
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  note: Note | null;
  /** Attribute id → value (see the category's attribute definitions). */
  attributes: Record<string, AttributeValue>;
  /** Canonical actor id this mention refers to. */
  actor: string | null;
  coder: string;
  createdAt: string;
  updatedAt: string;
}

export interface DatasetRelation {
  id: string;
  type: string;
  /** Annotation ids within the same article. */
  from: string;
  to: string;
  /** Version 2: an object actor's own position (type `about`), on the codebook's position scale. */
  position?: number;
  coder: string;
  createdAt: string;
}

/**
 * Version 2: a statement role without a span in the text — a claim's claimant, addressee, object
 * or source that is an actor of the registry (e.g. the outlet's editorial voice), or the unknown
 * or anonymous claimant (`actor: "unknown"`). Role types are the relation types.
 */
export interface DatasetRole {
  id: string;
  type: string;
  /** The claim annotation's id. */
  from: string;
  /** Actor id, or `unknown`. */
  actor: string;
  position?: number;
  coder: string;
  createdAt: string;
}

export interface DatasetArticle {
  id: string;
  title: string;
  text: string;
  meta: ArticleMeta;
  status: ArticleStatus;
  /** Tag ids of document-level categories. */
  labels: string[];
  source: DraftSource;
  contentHash: string;
  importedAt: string;
  annotations: DatasetAnnotation[];
  relations: DatasetRelation[];
  /** Version 2, present when the article has any: roles without a span. */
  roles?: DatasetRole[];
}

export interface DatasetProject {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface Dataset {
  format: typeof DATASET_FORMAT;
  version: typeof DATASET_VERSION;
  exportedAt: string;
  generator: string;
  /** States the offset convention in the file itself. */
  offsets: { unit: 'code-point'; end: 'exclusive' };
  project: DatasetProject;
  codebook: { categories: DatasetCategory[]; tags: DatasetTag[] };
  actors: DatasetActor[];
  /** Present only when the project has samples (older datasets have none). */
  samples?: DatasetSample[];
  /** Present only in a coder package (shared/export/coder-package.ts): whose assignment this file is. */
  package?: DatasetPackage;
  articles: DatasetArticle[];
}

/** The `package` block of a coder package: the coder it is for and the lead project it came from. */
export interface DatasetPackage {
  coder: string;
  leadProject: { id: string; name: string };
  createdAt: string;
  /** The lead project's ids of the assigned articles (the package holds exactly these), and the sample they came from, if any. */
  assignment: { articleIds: string[]; sample?: DatasetSample };
}

export interface DatasetSample {
  id: string;
  name: string;
  method: SampleDefinition['method'];
  size: number;
  seed: number;
  strata?: StratumField[];
  allocation?: Allocation;
  population?: { filter: string; size: number };
  drawn?: StratumResult[];
  articleIds: string[];
  createdAt?: string;
}

/** A dataset whose articles may be produced lazily (streamed exports of huge projects). */
export type DatasetStream = Omit<Dataset, 'articles'> & { articles: Iterable<DatasetArticle> };

export type DatasetHeader = Omit<Dataset, 'articles'>;

export interface BuildInput {
  project: Project;
  tags: Tag[];
  actors: Actor[];
  articles: Article[];
  annotations: Annotation[];
  relations: Relation[];
  exportedAt?: string;
  samples?: SampleSet[];
  /** Called for each annotation left out because it cannot be placed in its text. */
  onSkipped?: SkippedHandler;
}

/** Everything but the articles: codebook, actors, project. */
export function buildDatasetHeader(input: Omit<BuildInput, 'articles' | 'annotations' | 'relations'>): DatasetHeader {
  const { project } = input;
  const catOrder = new Map(project.categories.map((c, i) => [c.id, i]));
  const tags = [...input.tags].sort(
    (a, b) => (catOrder.get(a.categoryId) ?? 1e9) - (catOrder.get(b.categoryId) ?? 1e9) || a.order - b.order || cmp(a.id, b.id),
  );
  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    exportedAt: input.exportedAt ?? new Date().toISOString(),
    generator: 'Presswork',
    offsets: { unit: 'code-point', end: 'exclusive' },
    project: { id: project.id, name: project.name, createdAt: project.createdAt, updatedAt: project.updatedAt },
    codebook: {
      categories: project.categories.map(categoryToDataset),
      tags: tags.map(tagToDataset),
    },
    actors: [...input.actors].sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id)).map(actorToDataset),
    ...(input.samples && input.samples.length > 0 ? { samples: [...input.samples].sort((a, b) => cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id)).map(sampleToDataset) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// One mapping each way between a stored record and its dataset shape: export, restore and merge
// all go through these (the article and annotation mappings are below, with their offsets).

export function categoryToDataset(c: Category): DatasetCategory {
  return { id: c.id, name: c.name, level: c.level, color: c.color, builtIn: c.builtIn, attributes: c.attributes.map((a) => ({ ...a, ...(a.options ? { options: [...a.options] } : {}) })) };
}

export function categoryFromDataset(c: DatasetCategory, over: Partial<Pick<Category, 'id' | 'builtIn'>> = {}): Category {
  return { id: over.id ?? c.id, name: c.name, level: c.level, color: safeHexColor(c.color), builtIn: over.builtIn ?? c.builtIn, attributes: c.attributes.map((a) => ({ ...a })) };
}

export function tagToDataset(t: Tag): DatasetTag {
  return { id: t.id, name: t.name, category: t.categoryId, parent: t.parentId, color: t.color, description: t.description, shortcut: t.shortcut ?? null, order: t.order, createdAt: t.createdAt };
}

/** `shortcut: false` leaves the tag without its key (a merge must not take keys the project uses). */
export function tagFromDataset(
  t: DatasetTag,
  ids: { id: string; projectId: string; categoryId: string; parentId: string | null },
  opts: { order?: number; shortcut?: boolean; createdAt?: string } = {},
): Tag {
  return {
    id: ids.id,
    projectId: ids.projectId,
    categoryId: ids.categoryId,
    name: t.name,
    parentId: ids.parentId,
    color: safeHexColor(t.color),
    description: t.description,
    ...(t.shortcut !== null && opts.shortcut !== false ? { shortcut: t.shortcut } : {}),
    order: opts.order ?? t.order,
    createdAt: t.createdAt || (opts.createdAt ?? ''),
  };
}

export function actorToDataset(a: Actor): DatasetActor {
  return { id: a.id, name: a.name, aliases: [...a.aliases], type: a.type ?? null, createdAt: a.createdAt };
}

export function actorFromDataset(a: DatasetActor, ids: { id: string; projectId: string }, fallbackTime = ''): Actor {
  return { id: ids.id, projectId: ids.projectId, name: a.name, aliases: [...a.aliases], ...(a.type !== null ? { type: a.type } : {}), createdAt: a.createdAt || fallbackTime };
}

export function relationToDataset(r: Relation): DatasetRelation {
  return { id: r.id, type: r.type, from: r.fromId, to: r.toId, ...positionOf(r), coder: r.coder, createdAt: r.createdAt };
}

export function relationFromDataset(r: DatasetRelation, ids: { id: string; projectId: string; articleId: string; fromId: string; toId: string; coder?: string | undefined }): Relation {
  return { id: ids.id, projectId: ids.projectId, articleId: ids.articleId, type: r.type, fromId: ids.fromId, toId: ids.toId, ...positionOf(r), coder: ids.coder ?? r.coder, createdAt: r.createdAt };
}

export function sampleToDataset(s: SampleSet): DatasetSample {
  const d = s.definition;
  return {
    id: s.id,
    name: s.name,
    method: d.method,
    size: d.size,
    seed: d.seed,
    ...(d.strata ? { strata: [...d.strata] } : {}),
    ...(d.allocation ? { allocation: d.allocation } : {}),
    population: { ...s.population },
    drawn: s.strata.map((x) => ({ ...x })),
    articleIds: [...s.articleIds],
    createdAt: s.createdAt,
  };
}

export function sampleFromDataset(ds: DatasetSample, ids: { id: string; projectId: string; articleIds: string[] }, fallbackTime: string): SampleSet {
  return {
    id: ids.id,
    projectId: ids.projectId,
    name: ds.name,
    definition: { method: ds.method, size: ds.size, seed: ds.seed, ...(ds.strata ? { strata: [...ds.strata] } : {}), ...(ds.allocation ? { allocation: ds.allocation } : {}) },
    population: ds.population ? { ...ds.population } : { filter: '', size: 0 },
    articleIds: ids.articleIds,
    strata: (ds.drawn ?? []).map((x) => ({ ...x })),
    createdAt: ds.createdAt ?? fallbackTime,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Told about an annotation left out of an export (cannot be placed in its text, or has no tag). */
export type SkippedHandler = (annotation: Annotation, reason: string) => void;

export interface ArticleBuildOptions {
  onSkipped?: SkippedHandler;
  /** Ids of the exported actors: a link to any other actor is dropped (it would dangle). */
  actorIds?: ReadonlySet<string>;
}

/**
 * Stored annotations whose offsets do not select their quote (which only a damaged record can
 * have: texts never change) are placed again by their quote; those that cannot be are left
 * out and reported, so that the exported quote invariant always holds.
 */
function placeAnnotations(article: Article, annotations: readonly Annotation[], onSkipped: SkippedHandler | undefined): Annotation[] {
  const text = article.text;
  const out: Annotation[] = [];
  for (const a of annotations) {
    const at = quoteAt(text, a.start, a.end, a.quote);
    if (at.kind === 'match' || (at.kind === 'mismatch' && a.quote === '')) {
      out.push(a);
      continue;
    }
    const found = a.quote === '' ? null : anchor(text, a);
    if (found) out.push({ ...a, start: found.start, end: found.end });
    else onSkipped?.(a, at.kind === 'outside' ? `offsets ${a.start}..${a.end} are outside the article text` : 'its quote is not in the article text');
  }
  return out;
}

/**
 * One article of the dataset, offsets converted to code points. Relations whose ends are not
 * among the given annotations (e.g. filtered out of the export's scope) are left out, so the
 * dataset never holds a dangling reference.
 */
export function buildDatasetArticle(
  article: Article,
  annotations: readonly Annotation[],
  relations: readonly Relation[],
  tagsById: ReadonlyMap<string, Tag>,
  opts: ArticleBuildOptions = {},
): DatasetArticle {
  const conv = makeOffsetConverter(article.text);
  const tagged: Annotation[] = [];
  for (const a of annotations) {
    if (tagsById.has(a.tagId)) tagged.push(a);
    else opts.onSkipped?.(a, `its tag "${a.tagId}" is not in the codebook`);
  }
  const placed = placeAnnotations(article, tagged, opts.onSkipped);
  const sorted = placed.sort((a, b) => a.start - b.start || a.end - b.end || cmp(a.id, b.id));
  const knownActor = (id: string | undefined): string | null => (id === undefined || (opts.actorIds && !opts.actorIds.has(id)) ? null : id);
  const ids = new Set(sorted.map((a) => a.id));
  const links = linksToDataset(relations, ids, (id) => knownActor(id) !== null);
  return {
    id: article.id,
    title: article.title,
    text: article.text,
    meta: article.meta,
    status: article.status,
    // A label whose tag no longer exists would be a dangling reference.
    labels: article.labels.filter((l) => tagsById.has(l)),
    source: { file: article.source.file, ...(article.source.index !== undefined ? { index: article.source.index } : {}) },
    contentHash: article.contentHash,
    importedAt: article.importedAt,
    annotations: sorted.map((a) => {
      // Every annotation left has a known tag (filtered above).
      const tag = tagsById.get(a.tagId) as Tag;
      return {
        id: a.id,
        tag: a.tagId,
        tagName: tag.name,
        category: tag.categoryId,
        start: conv.toCodePoint(a.start),
        end: conv.toCodePoint(a.end),
        // The covered text itself, so the quote invariant holds even if a stored quote drifted.
        quote: article.text.slice(a.start, a.end),
        prefix: a.prefix,
        suffix: a.suffix,
        note: a.note ? { text: a.note.text, doc: a.note.doc } : null,
        attributes: { ...a.attributes },
        actor: knownActor(a.actorId),
        coder: a.coder,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
      };
    }),
    relations: links.relations,
    ...(links.roles.length > 0 ? { roles: links.roles } : {}),
  };
}

/**
 * An article's links as the dataset holds them, oldest first: relations between two of its kept
 * annotations (`annotationIds`), and roles without a span whose claim is kept and whose actor is
 * known (or unknown/anonymous). The export and the app's statements read links only through this.
 */
export function linksToDataset(relations: readonly Relation[], annotationIds: ReadonlySet<string>, actorKnown: (id: string) => boolean): { relations: DatasetRelation[]; roles: DatasetRole[] } {
  const sorted = [...relations].sort(compareRelations);
  return {
    relations: sorted.filter((r) => annotationIds.has(r.fromId) && annotationIds.has(r.toId)).map(relationToDataset),
    roles: sorted
      .filter((r) => r.toId === '' && r.toActorId !== undefined && annotationIds.has(r.fromId) && (r.toActorId === UNKNOWN_ROLE_ACTOR || actorKnown(r.toActorId)))
      .map((r): DatasetRole => ({ id: r.id, type: r.type, from: r.fromId, actor: r.toActorId as string, ...positionOf(r), coder: r.coder, createdAt: r.createdAt })),
  };
}

function positionOf(r: { position?: number | undefined }): { position?: number } {
  return typeof r.position === 'number' && Number.isFinite(r.position) ? { position: r.position } : {};
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Articles in library order, each with its annotations, lazily (for streamed exports). */
export function* buildDatasetArticles(input: BuildInput): Generator<DatasetArticle> {
  const tagsById = new Map(input.tags.map((t) => [t.id, t]));
  const opts: ArticleBuildOptions = { actorIds: new Set(input.actors.map((a) => a.id)), ...(input.onSkipped ? { onSkipped: input.onSkipped } : {}) };
  const annByArticle = groupBy(input.annotations, (a) => a.articleId);
  const relByArticle = groupBy(input.relations, (r) => r.articleId);
  const articles = [...input.articles].sort((a, b) => a.order - b.order || cmp(a.id, b.id));
  for (const article of articles) {
    yield buildDatasetArticle(article, annByArticle.get(article.id) ?? [], relByArticle.get(article.id) ?? [], tagsById, opts);
  }
}

export function buildDataset(input: BuildInput): Dataset {
  return { ...buildDatasetHeader(input), articles: [...buildDatasetArticles(input)] };
}

/**
 * The dataset as JSON text in chunks (header, then one chunk per article, then the closing), so a
 * project with a million annotations is never one giant string. Concatenated, the chunks equal
 * `JSON.stringify(dataset, null, indent) + '\n'`.
 */
export function* datasetJsonChunks(source: DatasetStream, opts: { indent?: number } = {}): Generator<string> {
  const indent = opts.indent ?? 2;
  const { articles, ...rest } = source;
  const head = JSON.stringify({ ...rest, articles: [] }, null, indent);
  const marker = indent > 0 ? '"articles": []' : '"articles":[]';
  const at = head.lastIndexOf(marker);
  const before = head.slice(0, at + marker.length - 1);
  const after = head.slice(at + marker.length);
  const pad1 = indent > 0 ? '\n' + ' '.repeat(indent) : '';
  const pad2 = indent > 0 ? '\n' + ' '.repeat(indent * 2) : '';
  yield before;
  let any = false;
  // Stringified inside the same wrapper as in the whole document, the article comes out already
  // indented for its place; slicing the wrapper off is cheaper than re-indenting every line.
  const open = indent > 0 ? `{${pad1}"articles": [${pad2}` : '{"articles":[';
  const close = indent > 0 ? `${pad1}]\n}` : ']}';
  for (const article of articles) {
    const json = JSON.stringify({ articles: [article] }, null, indent);
    yield (any ? ',' : '') + pad2 + json.slice(open.length, json.length - close.length);
    any = true;
  }
  yield (any ? pad1 : '') + ']' + after + '\n';
}

// ---------------------------------------------------------------------------------------------
// Back to records (restore a dataset as a new project).

export interface ToRecordsOptions {
  /** Keep the dataset's ids (restore a backup) instead of giving every record a fresh id. */
  keepIds?: boolean;
  makeId?: () => string;
  /** Project name override (e.g. "Project (restored)"). */
  projectName?: string;
}

export interface RecordsOrphan {
  articleId: string;
  articleTitle: string;
  annotationId: string;
  quote: string;
  reason: string;
}

export interface DatasetRecords {
  project: Project;
  tags: Tag[];
  actors: Actor[];
  articles: Article[];
  annotations: Annotation[];
  relations: Relation[];
  /** The dataset's samples, their article ids mapped like the articles' (ids of articles not in the dataset dropped). */
  samples: SampleSet[];
  /** Annotations whose quote could not be found in the text; not stored, reported. */
  orphans: RecordsOrphan[];
  /**
   * Everything else left out so that no stored record refers to nothing: relations whose
   * annotation was not placed, links to actors and labels the dataset does not define. One
   * sentence each, naming the article.
   */
  dropped: string[];
}

/** A quote as it is named in a message: short, on one line. */
function quoted(q: string): string {
  const line = q.replace(/\s+/g, ' ');
  return `“${line.length > 60 ? `${line.slice(0, 59)}…` : line}”`;
}

/**
 * Code point offsets → UTF-16 offsets on `text`, checked against the quote; if they do not fit,
 * the quote is searched with its context (`moved`). Null when the annotation cannot be anchored.
 */
export function locateAnnotation(
  text: string,
  conv: OffsetConverter,
  a: Pick<DatasetAnnotation, 'start' | 'end' | 'quote' | 'prefix' | 'suffix'>,
): { start: number; end: number; moved: boolean } | null {
  const at = quoteAt(text, a.start, a.end, a.quote, conv);
  if (at.kind === 'match') return { start: at.start, end: at.end, moved: false };
  const found = anchor(text, { start: at.kind === 'outside' ? -1 : at.start, end: at.kind === 'outside' ? -1 : at.end, quote: a.quote, prefix: a.prefix, suffix: a.suffix });
  return found && { ...found, moved: true };
}

export function datasetToRecords(dataset: Dataset, opts: ToRecordsOptions = {}): DatasetRecords {
  return runSteps(datasetToRecordsSteps(dataset, opts));
}

/** datasetToRecords as steps, one per article (see steps.ts). */
export function* datasetToRecordsSteps(dataset: Dataset, opts: ToRecordsOptions = {}): Steps<DatasetRecords> {
  // New ids in the dataset's order: they are time-ordered, so links that tie on createdAt keep it.
  const makeId = opts.makeId ?? newId;
  const ids = new Map<string, string>();
  const id = (old: string): string => {
    if (opts.keepIds) return old;
    let fresh = ids.get(old);
    if (!fresh) {
      fresh = makeId();
      ids.set(old, fresh);
    }
    return fresh;
  };
  const projectId = id(dataset.project.id);
  const categories: Category[] = dataset.codebook.categories.map((c) => categoryFromDataset(c));
  const project: Project = {
    id: projectId,
    name: opts.projectName ?? dataset.project.name,
    createdAt: dataset.project.createdAt,
    updatedAt: dataset.project.updatedAt,
    categories,
  };
  const tags: Tag[] = dataset.codebook.tags.map((t) => tagFromDataset(t, { id: id(t.id), projectId, categoryId: t.category, parentId: t.parent === null ? null : id(t.parent) }));
  const actors: Actor[] = dataset.actors.map((a) => actorFromDataset(a, { id: id(a.id), projectId }));
  const articles: Article[] = [];
  const annotations: Annotation[] = [];
  const relations: Relation[] = [];
  const orphans: RecordsOrphan[] = [];
  const dropped: string[] = [];
  // A validated dataset refers only to what it defines; these checks keep an unchecked one from
  // storing dangling references, and say what they leave out.
  const knownTags = new Set(dataset.codebook.tags.map((t) => t.id));
  const knownActors = new Set(dataset.actors.map((a) => a.id));
  for (let order = 0; order < dataset.articles.length; order++) {
    const da = dataset.articles[order]!;
    const articleId = id(da.id);
    const inArticle = `“${da.title}”`;
    const labels: string[] = [];
    for (const label of da.labels) {
      if (knownTags.has(label)) labels.push(id(label));
      else dropped.push(`${inArticle}: label “${label}” not kept: no such tag in the codebook`);
    }
    articles.push({
      id: articleId,
      projectId,
      title: da.title,
      text: da.text,
      meta: da.meta,
      source: da.source,
      contentHash: da.contentHash || contentHash(da.text),
      status: da.status,
      labels,
      importedAt: da.importedAt,
      order,
    });
    const conv = makeOffsetConverter(da.text);
    const kept = new Set<string>();
    for (const a of da.annotations) {
      const orphan = (reason: string) => orphans.push({ articleId: da.id, articleTitle: da.title, annotationId: a.id, quote: a.quote, reason });
      if (!knownTags.has(a.tag)) {
        orphan(`unknown tag "${a.tag}"`);
        continue;
      }
      const range = locateAnnotation(da.text, conv, a);
      if (!range) {
        orphan('quote not found in the article text');
        continue;
      }
      kept.add(a.id);
      let actorId: string | undefined;
      if (a.actor !== null && knownActors.has(a.actor)) actorId = id(a.actor);
      else if (a.actor !== null) dropped.push(`${inArticle}: the link of ${quoted(a.quote)} to actor “${a.actor}” not kept: no such actor in the dataset`);
      annotations.push(datasetAnnotationToRecord(a, da.text, range, { id: id(a.id), projectId, articleId, tagId: id(a.tag), actorId, coder: a.coder }));
    }
    const byId = new Map(da.annotations.map((a) => [a.id, a]));
    for (const r of da.relations) {
      const missing = [r.from, r.to].find((end) => !kept.has(end));
      if (missing !== undefined) {
        const end = byId.get(missing);
        dropped.push(
          `${inArticle}: relation “${r.type}” not kept: ${end ? `its annotation ${quoted(end.quote)} could not be placed` : `it refers to “${missing}”, not an annotation of this article`}`,
        );
        continue;
      }
      relations.push(relationFromDataset(r, { id: id(r.id), projectId, articleId, fromId: id(r.from), toId: id(r.to) }));
    }
    for (const r of da.roles ?? []) {
      const claim = byId.get(r.from);
      if (!kept.has(r.from)) {
        dropped.push(`${inArticle}: role “${r.type}” not kept: ${claim ? `its claim ${quoted(claim.quote)} could not be placed` : `it refers to “${r.from}”, not an annotation of this article`}`);
        continue;
      }
      if (r.actor !== UNKNOWN_ROLE_ACTOR && !knownActors.has(r.actor)) {
        dropped.push(`${inArticle}: role “${r.type}” of ${quoted(claim?.quote ?? '')} not kept: no actor “${r.actor}” in the dataset`);
        continue;
      }
      const toActorId = r.actor === UNKNOWN_ROLE_ACTOR ? UNKNOWN_ROLE_ACTOR : id(r.actor);
      relations.push({ id: id(r.id), projectId, articleId, type: r.type, fromId: id(r.from), toId: '', toActorId, ...positionOf(r), coder: r.coder, createdAt: r.createdAt });
    }
    yield;
  }
  const exported = new Set(dataset.articles.map((a) => a.id));
  const samples: SampleSet[] = (dataset.samples ?? []).map((ds) => {
    const missing = ds.articleIds.filter((a) => !exported.has(a)).length;
    if (missing > 0) dropped.push(`Sample “${ds.name}”: ${missing} of its ${ds.articleIds.length} articles are not in the dataset and were left out of it.`);
    return sampleFromDataset(ds, { id: id(ds.id), projectId, articleIds: ds.articleIds.filter((a) => exported.has(a)).map(id) }, dataset.exportedAt);
  });
  return { project, tags, actors, articles, annotations, relations, samples, orphans, dropped };
}

/**
 * One dataset annotation as an app record at the given UTF-16 range of `text`; quote and context
 * are taken from the text, since a re-anchored range may differ from the stored quote in white space.
 */
export function datasetAnnotationToRecord(
  a: DatasetAnnotation,
  text: string,
  range: { start: number; end: number },
  ids: { id: string; projectId: string; articleId: string; tagId: string; actorId: string | undefined; coder: string },
): Annotation {
  return {
    id: ids.id,
    projectId: ids.projectId,
    articleId: ids.articleId,
    tagId: ids.tagId,
    start: range.start,
    end: range.end,
    ...quoteContext(text, range.start, range.end),
    ...(a.note ? { note: { text: a.note.text, doc: a.note.doc } } : {}),
    attributes: { ...a.attributes },
    ...(ids.actorId !== undefined ? { actorId: ids.actorId } : {}),
    coder: ids.coder,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/**
 * A parsed dataset file (already checked with validateDataset) with every optional field filled
 * in, so that code reading it never meets `undefined` (datasets written by other tools may
 * carry only the required fields).
 */
export function readDataset(json: unknown): Dataset {
  const d = json as Dataset;
  const header = readDatasetHeader(json);
  const readArticle = makeArticleReader(header);
  return { ...header, articles: d.articles.map(readArticle) };
}

/** Every field but the articles, defaults filled (see readDataset). */
export function readDatasetHeader(json: unknown): DatasetHeader {
  // The caller validated the shape; this only supplies defaults for optional fields.
  const d = json as Dataset;
  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    exportedAt: d.exportedAt,
    generator: d.generator ?? '',
    offsets: { unit: 'code-point', end: 'exclusive' },
    project: { id: d.project.id, name: d.project.name, createdAt: d.project.createdAt ?? d.exportedAt, updatedAt: d.project.updatedAt ?? d.exportedAt },
    codebook: {
      categories: d.codebook.categories.map((c) => ({ id: c.id, name: c.name, level: c.level, color: safeHexColor(c.color), builtIn: c.builtIn ?? false, attributes: c.attributes ?? [] })),
      tags: d.codebook.tags.map((t, i) => ({
        id: t.id,
        name: t.name,
        category: t.category,
        parent: t.parent,
        color: safeHexColor(t.color),
        description: t.description ?? '',
        shortcut: t.shortcut ?? null,
        order: t.order ?? i,
        createdAt: t.createdAt ?? d.exportedAt,
      })),
    },
    actors: d.actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases ?? [], type: a.type ?? null, createdAt: a.createdAt ?? d.exportedAt })),
    ...(d.samples && d.samples.length > 0 ? { samples: d.samples } : {}),
    ...(d.package ? { package: d.package } : {}),
  };
}

/** Reads one (validated) article of a dataset with that header, defaults filled. */
export function makeArticleReader(header: DatasetHeader): (json: unknown, index: number) => DatasetArticle {
  const tagsById = new Map(header.codebook.tags.map((t) => [t.id, t]));
  const fallbackTime = header.exportedAt;
  return (json, index) => {
    const a = json as DatasetArticle;
    return {
      id: a.id,
      title: a.title,
      text: a.text,
      meta: a.meta,
      status: a.status,
      labels: a.labels,
      source: a.source ?? { file: '', index },
      contentHash: a.contentHash ?? '',
      importedAt: a.importedAt ?? fallbackTime,
      annotations: a.annotations.map((x) => {
        const tag = tagsById.get(x.tag);
        return {
          id: x.id,
          tag: x.tag,
          tagName: x.tagName ?? tag?.name ?? '',
          category: x.category ?? tag?.category ?? '',
          start: x.start,
          end: x.end,
          quote: x.quote,
          prefix: x.prefix ?? '',
          suffix: x.suffix ?? '',
          note: x.note ? { text: x.note.text, doc: x.note.doc ?? null } : null,
          attributes: x.attributes ?? {},
          actor: x.actor ?? null,
          coder: x.coder ?? '',
          createdAt: x.createdAt ?? fallbackTime,
          updatedAt: x.updatedAt ?? x.createdAt ?? fallbackTime,
        };
      }),
      relations: a.relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to, ...positionOf(r), coder: r.coder ?? '', createdAt: r.createdAt ?? fallbackTime })),
      // Version 1 has no roles: nothing to migrate, the field is simply absent.
      ...(a.roles && a.roles.length > 0
        ? { roles: a.roles.map((r) => ({ id: r.id, type: r.type, from: r.from, actor: r.actor, ...positionOf(r), coder: r.coder ?? '', createdAt: r.createdAt ?? fallbackTime })) }
        : {}),
    };
  };
}
