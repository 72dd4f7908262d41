import { newId, nowIso } from '@shared/model/ids.ts';
import type { Article, ArticleStatus, Draft } from '@shared/model/types.ts';
import { db } from './db.ts';
import type { ArticleRecord } from './schema.ts';

export interface StoreDraftsResult {
  added: ArticleRecord[];
  /** Drafts whose text is already in the project (or earlier in the same batch). */
  duplicates: Draft[];
}

/**
 * Stores a batch of drafts in one transaction. A draft whose content hash is already in the
 * project is not stored but reported, so that importing the same corpus twice adds nothing.
 */
export async function storeDrafts(projectId: string, drafts: { draft: Draft; contentHash: string }[]): Promise<StoreDraftsResult> {
  return db.transaction('rw', [db.articles, db.articleTexts, db.projects], async () => {
    const added: ArticleRecord[] = [];
    const duplicates: Draft[] = [];
    const seen = new Set<string>();
    const hashes = drafts.map((d) => [projectId, d.contentHash] as [string, string]);
    const existing = await db.articles.where('[projectId+contentHash]').anyOf(hashes).toArray();
    for (const a of existing) seen.add(a.contentHash);
    const last = await db.articles.where('[projectId+order]').between([projectId, -Infinity], [projectId, Infinity]).last();
    let order = last ? last.order + 1 : 0;
    const texts: { articleId: string; text: string }[] = [];
    const now = nowIso();
    for (const { draft, contentHash } of drafts) {
      if (seen.has(contentHash)) {
        duplicates.push(draft);
        continue;
      }
      seen.add(contentHash);
      const record: ArticleRecord = {
        id: newId(),
        projectId,
        title: draft.title,
        meta: draft.meta,
        source: draft.source,
        contentHash,
        status: 'todo',
        labels: [],
        importedAt: now,
        order: order++,
      };
      added.push(record);
      texts.push({ articleId: record.id, text: draft.text });
    }
    // IndexedDB clones each bulkAdd on the main thread in one task: write a large batch in
    // slices, so no single task grows long, while the batch stays one transaction.
    for (const [from, to] of slices(texts.map((t) => t.text.length), SLICE_CHARS, SLICE_RECORDS)) {
      await db.articles.bulkAdd(added.slice(from, to));
      await db.articleTexts.bulkAdd(texts.slice(from, to));
    }
    if (added.length > 0) await db.projects.update(projectId, { updatedAt: now });
    return { added, duplicates };
  });
}

/** Characters of article text per bulkAdd call inside one batch. */
const SLICE_CHARS = 400_000;
/**
 * Records per bulkAdd call: Dexie names the keys of a write of fewer than 50 records to its
 * change listeners (larger writes are reported as "the whole table changed"), so the library
 * adds the new articles instead of reading the whole project again after every import batch.
 */
const SLICE_RECORDS = 49;

/** [from, to) index ranges over items of the given sizes, each up to `limit` in total and `count` items (never empty). */
export function slices(sizes: number[], limit: number, count = Infinity): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let total = 0;
  sizes.forEach((size, i) => {
    if (i > from && (total + size > limit || i - from >= count)) {
      out.push([from, i]);
      from = i;
      total = 0;
    }
    total += size;
  });
  if (from < sizes.length) out.push([from, sizes.length]);
  return out;
}

/** Articles per read of the library: one IndexedDB request each, decoded in a task of its own. */
export const LIST_PAGE = 4000;

/**
 * A project's articles in library order, read in pages: decoding 40,000 records in one request
 * blocked the window for over 200 ms when a large project opened. `onPage` sees the articles read
 * so far after each full page, so a large library can show its first rows at once.
 */
export async function listArticles(projectId: string, pageSize = LIST_PAGE, onPage?: (soFar: readonly ArticleRecord[]) => void): Promise<ArticleRecord[]> {
  const all: ArticleRecord[] = [];
  let from = -Infinity;
  // Records of the last page with order === from: read again by the inclusive bound below, so
  // that articles sharing an order value are neither lost nor listed twice.
  let seen = new Set<string>();
  for (;;) {
    const page = await db.articles.where('[projectId+order]').between([projectId, from], [projectId, Infinity], true, true).limit(pageSize).toArray();
    const fresh = page.filter((a) => !seen.has(a.id));
    for (const a of fresh) all.push(a);
    if (page.length < pageSize) return all;
    onPage?.(all);
    const last = page[page.length - 1]!.order;
    if (last === from) {
      // A whole page shares one order value (never written by the app): read the rest at once.
      for (const a of fresh) seen.add(a.id);
      const rest = await db.articles.where('[projectId+order]').between([projectId, from], [projectId, Infinity], true, true).toArray();
      for (const a of rest) if (!seen.has(a.id)) all.push(a);
      return all;
    }
    seen = new Set(page.filter((a) => a.order === last).map((a) => a.id));
    from = last;
  }
}

export async function loadArticle(id: string): Promise<Article | undefined> {
  const [record, text] = await Promise.all([db.articles.get(id), db.articleTexts.get(id)]);
  if (!record || !text) return undefined;
  return { ...record, text: text.text };
}

export async function setArticleStatus(id: string, status: ArticleStatus): Promise<void> {
  await db.articles.update(id, { status });
}

export async function setArticleLabels(id: string, labels: string[]): Promise<void> {
  await db.articles.update(id, { labels });
}
