/**
 * Reading the annotations table from the store without holding the corpus: articles are walked
 * in library order a page at a time through the `[projectId+order]` index, and only each page's
 * annotations and relations are read (by the `articleId` index). The caller keeps what it needs
 * (the matching ids, counts, or CSV text) and the page is dropped.
 */
import {
  TablePage,
  articleMatches,
  buildRow,
  filterPage,
  type AnnotationRow,
  type PreparedFilter,
  type TableArticle,
  type TableContext,
  type TableCounts,
} from '@shared/analysis/annotation-table.ts';
import type { Annotation, Id } from '@shared/model/types.ts';
import { db } from './db.ts';
import type { ArticleRecord } from './schema.ts';

/** Articles per page of the scan: a few hundred keep each read short (one task each). */
export const SCAN_PAGE = 400;

/** A project's articles in library order, a page at a time (articles sharing an order value are neither lost nor repeated). */
export async function* articlePages(projectId: Id, pageSize = SCAN_PAGE): AsyncGenerator<ArticleRecord[]> {
  let from = -Infinity;
  let seen = new Set<Id>();
  for (;;) {
    const page = await db.articles.where('[projectId+order]').between([projectId, from], [projectId, Infinity], true, true).limit(pageSize + seen.size).toArray();
    const fresh = page.filter((a) => !seen.has(a.id));
    if (fresh.length > 0) yield fresh;
    if (page.length < pageSize + seen.size) return;
    const last = (page[page.length - 1] as ArticleRecord).order;
    const atLast = page.filter((a) => a.order === last).map((a) => a.id);
    seen = new Set(atLast);
    from = last;
  }
}

export interface ScanProgress {
  articlesRead: number;
}

/**
 * Walks the project and calls `onMatches` with each page's matching annotations (in table
 * order) and the page they came from. Stops early when `signal` is aborted.
 */
export async function scanAnnotationTable(
  projectId: Id,
  ctx: TableContext,
  prepared: PreparedFilter,
  onMatches: (matches: Annotation[], page: TablePage, progress: ScanProgress) => void,
  opts: { counts?: TableCounts; signal?: AbortSignal } = {},
): Promise<void> {
  let articlesRead = 0;
  for await (const records of articlePages(projectId)) {
    if (opts.signal?.aborted) return;
    articlesRead += records.length;
    const articles: TableArticle[] = records.filter((a) => articleMatches(a.meta, prepared.filter)).map((a) => ({ id: a.id, title: a.title, meta: a.meta }));
    if (articles.length === 0) {
      onMatches([], new TablePage([], [], []), { articlesRead });
      continue;
    }
    const ids = articles.map((a) => a.id);
    const [annotations, relations] = await Promise.all([db.annotations.where('articleId').anyOf(ids).toArray(), db.relations.where('articleId').anyOf(ids).toArray()]);
    if (opts.signal?.aborted) return;
    const page = new TablePage(articles, annotations, relations);
    onMatches(filterPage(page, ids, ctx, prepared, opts.counts), page, { articlesRead });
  }
}

/** The rows of the given annotation ids (those on screen), with their links and articles. */
export async function loadRows(ids: readonly Id[], ctx: TableContext): Promise<AnnotationRow[]> {
  const found = (await db.annotations.bulkGet([...ids])).filter((a): a is Annotation => !!a);
  const articleIds = [...new Set(found.map((a) => a.articleId))];
  const wanted = new Set(ids);
  const [records, relations] = await Promise.all([db.articles.bulkGet(articleIds), db.relations.where('articleId').anyOf(articleIds).toArray()]);
  const touching = relations.filter((r) => wanted.has(r.fromId) || wanted.has(r.toId));
  const have = new Set(found.map((a) => a.id));
  const ends = [...new Set(touching.flatMap((r) => [r.fromId, r.toId]).filter((id) => !have.has(id)))];
  const linked = (await db.annotations.bulkGet(ends)).filter((a): a is Annotation => !!a);
  const articles = records.filter((a): a is ArticleRecord => !!a).map((a) => ({ id: a.id, title: a.title, meta: a.meta }));
  const page = new TablePage(articles, [...found, ...linked], touching);
  return found.map((a) => buildRow(a, page, ctx));
}
