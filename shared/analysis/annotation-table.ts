/**
 * The annotations table (issue #12): every annotation of a project as one row, with filters and
 * counts. Pure: the renderer reads the store a page of articles at a time and hands each page
 * here, so the rules are the same whatever the corpus size and are tested without a database.
 */
import Papa from 'papaparse';
import { RELATION_UI_LABELS } from '../model/link-targets.ts';
import type { Actor, Annotation, ArticleMeta, AttributeValue, Category, Id, Relation, Tag } from '../model/types.ts';
import { subtreeIds } from '../codebook/tag-tree.ts';

/** What a row needs to know about its article (the text is never needed: prefix/suffix give context). */
export interface TableArticle {
  id: Id;
  title: string;
  meta: ArticleMeta;
}

/** The codebook and the actor registry, read once per project. */
export interface TableContext {
  tags: ReadonlyMap<Id, Tag>;
  categories: ReadonlyMap<Id, Category>;
  actors: ReadonlyMap<Id, Actor>;
}

export function tableContext(categories: readonly Category[], tags: readonly Tag[], actors: readonly Actor[]): TableContext {
  return { tags: new Map(tags.map((t) => [t.id, t])), categories: new Map(categories.map((c) => [c.id, c])), actors: new Map(actors.map((a) => [a.id, a])) };
}

export interface AnnotationFilter {
  /** The chosen tags; their sub-tags match too (see subtreeIds). */
  tagIds?: readonly Id[];
  categoryId?: Id;
  /** `attributeId` of the annotation's category equals `value` (booleans compare as "true"/"false"). */
  attribute?: { id: Id; value: string };
  /** The annotation refers to this actor, or links to (or is linked from) an annotation that does. */
  actorId?: Id;
  coder?: string;
  /** Exact outlet name. */
  outlet?: string;
  /** Inclusive bounds on the article's date, compared as ISO strings (`2026-03`, `2026-03-14`…). */
  dateFrom?: string;
  dateTo?: string;
  /** Only annotations with no outgoing link of this relation type ("claims without a claimant"). */
  missingRole?: string;
}

/** Whether the article passes the article-level parts of the filter (so its annotations need not be read at all). */
export function articleMatches(meta: ArticleMeta | undefined, filter: AnnotationFilter): boolean {
  if (filter.outlet !== undefined && (meta?.outlet ?? '') !== filter.outlet) return false;
  if (filter.dateFrom || filter.dateTo) {
    const date = meta?.publishedAt ?? '';
    if (!date) return false;
    // Compare at the precision of each bound: "2026-03" ends with every day of March.
    if (filter.dateFrom && date.slice(0, filter.dateFrom.length) < filter.dateFrom) return false;
    if (filter.dateTo && date.slice(0, filter.dateTo.length) > filter.dateTo) return false;
  }
  return true;
}

export function attributeText(value: AttributeValue): string {
  return typeof value === 'boolean' ? String(value) : value;
}

/**
 * The annotations, relations and articles of a page of articles, indexed for filtering and rows.
 * Relations never cross articles, so a page holds every link of its annotations.
 */
export class TablePage {
  readonly annotations: ReadonlyMap<Id, Annotation>;
  readonly articles: ReadonlyMap<Id, TableArticle>;
  private readonly from = new Map<Id, Relation[]>();
  private readonly to = new Map<Id, Relation[]>();

  constructor(articles: readonly TableArticle[], annotations: readonly Annotation[], relations: readonly Relation[]) {
    this.articles = new Map(articles.map((a) => [a.id, a]));
    this.annotations = new Map(annotations.map((a) => [a.id, a]));
    for (const r of relations) {
      push(this.from, r.fromId, r);
      push(this.to, r.toId, r);
    }
  }

  outgoing(id: Id): readonly Relation[] {
    return this.from.get(id) ?? [];
  }

  incoming(id: Id): readonly Relation[] {
    return this.to.get(id) ?? [];
  }

  /** The annotation's own actor, then the actors of the annotations it is linked with (either way). */
  linkedActorIds(a: Annotation, ctx: TableContext): Id[] {
    const out: Id[] = [];
    const add = (id: Id | undefined) => {
      if (id && !out.includes(id)) out.push(id);
    };
    add(a.actorId);
    for (const r of this.outgoing(a.id)) add(this.annotations.get(r.toId)?.actorId ?? (ctx.actors.has(r.toId) ? r.toId : undefined));
    for (const r of this.incoming(a.id)) add(this.annotations.get(r.fromId)?.actorId);
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A filter with its tag choice expanded once, for testing many annotations. */
export interface PreparedFilter {
  filter: AnnotationFilter;
  tagIds: ReadonlySet<Id> | null;
}

export function prepareFilter(filter: AnnotationFilter, tags: Iterable<Tag>): PreparedFilter {
  return { filter, tagIds: filter.tagIds && filter.tagIds.length > 0 ? subtreeIds(tags, filter.tagIds) : null };
}

/** Whether one annotation of the page passes the filter (the article-level parts included). */
export function annotationMatches(a: Annotation, page: TablePage, ctx: TableContext, prepared: PreparedFilter): boolean {
  const { filter, tagIds } = prepared;
  if (tagIds && !tagIds.has(a.tagId)) return false;
  if (filter.categoryId !== undefined && ctx.tags.get(a.tagId)?.categoryId !== filter.categoryId) return false;
  if (filter.coder !== undefined && a.coder !== filter.coder) return false;
  if (filter.attribute) {
    const value = a.attributes?.[filter.attribute.id];
    if (value === undefined || attributeText(value) !== filter.attribute.value) return false;
  }
  if (filter.missingRole !== undefined && page.outgoing(a.id).some((r) => r.type === filter.missingRole)) return false;
  if (filter.actorId !== undefined && !page.linkedActorIds(a, ctx).includes(filter.actorId)) return false;
  return articleMatches(page.articles.get(a.articleId)?.meta, filter);
}

/** Tallies over the rows of the table: per tag, per attribute value (`attributeId=value`), per actor, per coder, per outlet. */
export interface TableCounts {
  total: number;
  tags: Map<Id, number>;
  attributes: Map<string, number>;
  actors: Map<Id, number>;
  coders: Map<string, number>;
  outlets: Map<string, number>;
}

export function emptyCounts(): TableCounts {
  return { total: 0, tags: new Map(), attributes: new Map(), actors: new Map(), coders: new Map(), outlets: new Map() };
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function countRow(counts: TableCounts, a: Annotation, page: TablePage, ctx: TableContext): void {
  counts.total++;
  bump(counts.tags, a.tagId);
  for (const [id, value] of Object.entries(a.attributes ?? {})) bump(counts.attributes, attributeKey(id, attributeText(value)));
  for (const actor of page.linkedActorIds(a, ctx)) bump(counts.actors, actor);
  bump(counts.coders, a.coder);
  bump(counts.outlets, page.articles.get(a.articleId)?.meta.outlet ?? '');
}

export function attributeKey(id: Id, value: string): string {
  return `${id}=${value}`;
}

/**
 * The matching annotations of one page, in text order per article (articles in the order given).
 * Counts are added to `counts` when given.
 */
export function filterPage(page: TablePage, articleOrder: readonly Id[], ctx: TableContext, prepared: PreparedFilter, counts?: TableCounts): Annotation[] {
  const byArticle = new Map<Id, Annotation[]>();
  for (const a of page.annotations.values()) {
    if (!annotationMatches(a, page, ctx, prepared)) continue;
    push(byArticle, a.articleId, a);
    if (counts) countRow(counts, a, page, ctx);
  }
  const out: Annotation[] = [];
  for (const id of articleOrder) {
    const list = byArticle.get(id);
    if (list) out.push(...list.sort((x, y) => x.start - y.start || y.end - x.end || (x.id < y.id ? -1 : 1)));
  }
  return out;
}

/** One row of the table, as shown and as exported. */
export interface AnnotationRow {
  id: Id;
  articleId: Id;
  before: string;
  quote: string;
  after: string;
  tag: string;
  /** The tag with its parents, `Claim › Economy`. */
  tagPath: string;
  category: string;
  /** `Stance: supports`, in the category's attribute order (unknown attributes by id last). */
  attributes: string[];
  actors: string[];
  /** `claimed by “Deputy Mayor…”`; incoming links read `claimant of “…”`. */
  links: string[];
  coder: string;
  article: string;
  outlet: string;
  date: string;
}

const QUOTE_IN_LINK = 60;

function short(text: string, max = QUOTE_IN_LINK): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function tagPath(tag: Tag | undefined, tags: ReadonlyMap<Id, Tag>): string {
  const names: string[] = [];
  const seen = new Set<Id>();
  for (let t = tag; t && !seen.has(t.id); t = t.parentId ? tags.get(t.parentId) : undefined) {
    seen.add(t.id);
    names.unshift(t.name);
  }
  return names.join(' › ');
}

export function buildRow(a: Annotation, page: TablePage, ctx: TableContext): AnnotationRow {
  const tag = ctx.tags.get(a.tagId);
  const category = tag ? ctx.categories.get(tag.categoryId) : undefined;
  const defs = category?.attributes ?? [];
  const attrs = Object.entries(a.attributes ?? {});
  attrs.sort(([x], [y]) => rank(defs, x) - rank(defs, y));
  const attributes = attrs.map(([id, value]) => `${defs.find((d) => d.id === id)?.name ?? id}: ${attributeText(value)}`);
  const describe = (id: Id): string => {
    const target = page.annotations.get(id);
    if (target) return `“${short(target.quote)}”`;
    const actor = ctx.actors.get(id);
    return actor ? actor.name : '(missing)';
  };
  const links = [
    ...page.outgoing(a.id).map((r) => `${RELATION_UI_LABELS[r.type] ?? r.type} ${describe(r.toId)}`),
    ...page.incoming(a.id).map((r) => `${r.type} of ${describe(r.fromId)}`),
  ];
  const article = page.articles.get(a.articleId);
  return {
    id: a.id,
    articleId: a.articleId,
    before: a.prefix ?? '',
    quote: a.quote,
    after: a.suffix ?? '',
    tag: tag?.name ?? '(no tag)',
    tagPath: tagPath(tag, ctx.tags) || '(no tag)',
    category: category?.name ?? '',
    attributes,
    actors: page.linkedActorIds(a, ctx).map((id) => ctx.actors.get(id)?.name ?? id),
    links,
    coder: a.coder,
    article: article?.title ?? '',
    outlet: article?.meta.outlet ?? '',
    date: article?.meta.publishedAt?.slice(0, 10) ?? '',
  };
}

function rank(defs: readonly { id: Id }[], id: Id): number {
  const at = defs.findIndex((d) => d.id === id);
  return at < 0 ? defs.length : at;
}

export const TABLE_CSV_COLUMNS = ['annotation_id', 'article_id', 'article', 'outlet', 'date', 'category', 'tag', 'before', 'quote', 'after', 'attributes', 'actors', 'links', 'coder'] as const;

/** Rows as CSV (RFC 4180, CRLF, every line ended); the header row alone when asked, so a long table is written in chunks. */
export function rowsToCsv(rows: readonly AnnotationRow[], header: boolean): string {
  const data = rows.map((r) => [r.id, r.articleId, r.article, r.outlet, r.date, r.category, r.tagPath, r.before, r.quote, r.after, r.attributes.join('; '), r.actors.join('; '), r.links.join('; '), r.coder]);
  const lines = header ? [[...TABLE_CSV_COLUMNS], ...data] : data;
  return lines.length === 0 ? '' : Papa.unparse(lines, { newline: '\r\n' }) + '\r\n';
}
