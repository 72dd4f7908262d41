import { evaluate, ranked, type DocFacts, type SearchIndexView } from '@shared/search/evaluate.ts';
import { fieldsUsed, parseQuery, QueryError, type QueryNode } from '@shared/search/query.ts';
import { db } from '../../db/db.ts';
import { MetaTable } from '@shared/search/meta-table.ts';
import { queryStems } from '@shared/search/stem.ts';
import { articleText, articleTexts, codingFacts, indexedCount, loadIndex, lookup, lookupPhraseIn, rebuildIndex } from '../../db/search-index.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { isImporting, searchIndexSettled } from '../import/import-session.ts';

export interface SearchOutcome {
  /** Article ids, best first. */
  ids: string[];
  query: QueryNode;
}

/** Parses the text the user typed; a QueryError carries the message to show. */
export function parse(text: string): { query: QueryNode | null; error: string | null } {
  try {
    return { query: parseQuery(text), error: null };
  } catch (e) {
    if (e instanceof QueryError) return { query: null, error: e.message };
    throw e;
  }
}

/** What a search needs of the library's list, built once per list (the list is replaced on every change, never mutated). */
interface ListTables {
  byId: Map<string, { a: ArticleRecord; i: number }>;
  meta: MetaTable;
}
const tables = new WeakMap<readonly ArticleRecord[], ListTables>();

function listTables(articles: readonly ArticleRecord[]): ListTables {
  let t = tables.get(articles);
  if (!t) {
    const byId = new Map(articles.map((a, i) => [a.id, { a, i }]));
    const meta = new MetaTable(articles.map((a) => ({ id: a.id, facts: { outlet: a.meta?.outlet, author: a.meta?.author, lang: a.meta?.language, date: a.meta?.publishedAt, status: a.status } })));
    tables.set(articles, (t = { byId, meta }));
  }
  return t;
}

/**
 * Runs a parsed query over the project's index. `articles` are the library's records (already in
 * memory for the list): they answer the metadata fields and give the tie order.
 */
export async function runSearch(projectId: string, query: QueryNode, articles: readonly ArticleRecord[]): Promise<SearchOutcome> {
  const index = await loadIndex(projectId);
  const { byId, meta } = listTables(articles);
  const fields = fieldsUsed(query);
  const coding = fields.has('tag') || fields.has('coder') ? await codingFacts(projectId) : undefined;
  const tagNames = coding ? new Map((await db.tags.where('projectId').equals(projectId).toArray()).map((t) => [t.id, t.name.normalize('NFC').toLowerCase()])) : undefined;
  const view: SearchIndexView = {
    lookup: (terms, prefix) => lookup(index, terms, prefix),
    phrase: (words) => lookupPhraseIn(index, words, words.map((w) => queryStems(w))),
    fieldTest: (node) => meta.test(node),
    allIds: () => byId.keys(),
    facts: (id): DocFacts | undefined => {
      const hit = byId.get(id);
      if (!hit) return undefined;
      const { a } = hit;
      const c = coding?.get(id);
      // Document labels are tags too.
      const labels = tagNames ? (a.labels ?? []).map((l) => tagNames.get(l) ?? '').filter(Boolean) : [];
      return { outlet: a.meta?.outlet, author: a.meta?.author, lang: a.meta?.language, date: a.meta?.publishedAt, status: a.status, tags: [...(c?.tags ?? []), ...labels], coders: c?.coders ?? [] };
    },
    text: async (id) => {
      const t = await db.articleTexts.get(id);
      const a = byId.get(id)?.a;
      return t && a ? { title: a.title ?? '', text: t.text } : undefined;
    },
    texts: async (ids) => {
      const bodies = await articleTexts(ids);
      return ids.map((id, i) => {
        const a = byId.get(id)?.a;
        const text = bodies[i];
        return a && text !== undefined ? { title: a.title ?? '', text } : undefined;
      });
    },
  };
  const scores = await evaluate(view, query);
  // The index may still hold an article removed since (a rolled-back restore): list only what exists.
  for (const id of scores.keys()) if (!byId.has(id)) scores.delete(id);
  return { ids: ranked(scores, (id) => byId.get(id)?.i ?? 0), query };
}

/** Why the index must be rebuilt before searching, or null when it is whole and current. */
export async function indexNeedsRebuild(projectId: string, articleCount: number): Promise<'stale' | 'incomplete' | null> {
  if (!isImporting()) await searchIndexSettled();
  const index = await loadIndex(projectId);
  if (index.stale) return 'stale';
  // During an import each batch is indexed just after it is stored: not a gap to repair.
  if (!isImporting() && indexedCount(index) < articleCount) return 'incomplete';
  return null;
}

/** Article texts for snippets and concordance lines, read through the service so views never touch the store. */
export { articleText, articleTexts, rebuildIndex };
