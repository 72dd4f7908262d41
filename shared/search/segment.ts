import MiniSearch, { type Options } from 'minisearch';

/** One article as the index takes it: its index terms (stems, space-separated, see analyse.ts). */
export interface IndexedDoc {
  id: string;
  title: string;
  text: string;
}

/**
 * The index of a project is a list of segments, each a MiniSearch index over one batch of
 * articles (an import batch, or a slice of a rebuild), stored as its own IndexedDB record: adding
 * articles writes one new record, and a 100k-article project never serialises one giant blob.
 * Terms arrive already stemmed (in the import worker), so tokenising here is a split.
 */
const OPTIONS: Options<IndexedDoc> = {
  fields: ['title', 'text'],
  idField: 'id',
  tokenize: (s) => (s === '' ? [] : s.split(' ')),
  processTerm: (t) => t || null,
  searchOptions: { boost: { title: 2 } },
  // Deleted articles are discarded at once; cleaning the tree can wait for idle time.
  autoVacuum: false,
};

export type Segment = MiniSearch<IndexedDoc>;

export function newSegment(): Segment {
  return new MiniSearch<IndexedDoc>(OPTIONS);
}

export async function buildSegment(docs: readonly IndexedDoc[]): Promise<Segment> {
  const seg = newSegment();
  // Chunks keep each main-thread task short while a big batch is indexed.
  await seg.addAllAsync(docs, { chunkSize: 50 });
  return seg;
}

export function loadSegment(json: string): Segment {
  return MiniSearch.loadJSON<IndexedDoc>(json, OPTIONS);
}

export function saveSegment(seg: Segment): string {
  return JSON.stringify(seg);
}

/**
 * MiniSearch 7's own tables, read directly: its `search` builds a result object (terms, match
 * info) for every matching article and sorts them, which for a common word in 100,000 articles
 * was most of a query's time, while the evaluator needs only ids and scores. The fields are
 * protected, not public: segment.test.ts checks this reading against MiniSearch's own search, so
 * an upgrade that changes them fails there, not in the app.
 */
interface Internals {
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    atPrefix(prefix: string): Iterable<[string, Map<number, Map<number, number>>]>;
  };
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _fieldIds: Record<string, number>;
}

/** MiniSearch's defaults (k, b, d) and its weight for a longer word found by a prefix. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;

function bm25(tf: number, matching: number, total: number, length: number, avg: number): number {
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avg)));
}

/** Articles holding any of `terms` (or a term starting with one, for a prefix), with BM25 scores (title counts twice). */
export function lookupSegment(seg: Segment, terms: readonly string[], prefix: boolean, into = new Map<string, number>()): Map<string, number> {
  if (terms.length === 0 || seg.documentCount === 0) return into;
  const s = seg as unknown as Internals;
  const titleField = s._fieldIds.title;
  const here = new Map<string, number>();
  const add = (data: Map<number, Map<number, number>>, weight: number) => {
    for (const [fieldId, docs] of data) {
      const boost = fieldId === titleField ? 2 : 1;
      const avg = s._avgFieldLength[fieldId] ?? 1;
      for (const [shortId, tf] of docs) {
        const id = s._documentIds.get(shortId);
        if (id === undefined) continue; // discarded (deleted) since the segment was built
        const length = s._fieldLength.get(shortId)?.[fieldId] ?? avg;
        here.set(id, (here.get(id) ?? 0) + weight * boost * bm25(tf, docs.size, s._documentCount, length, avg));
      }
    }
  };
  for (const term of new Set(terms)) {
    if (!prefix) {
      const data = s._index.get(term);
      if (data) add(data, 1);
      continue;
    }
    for (const [found, data] of s._index.atPrefix(term)) add(data, found.length === term.length ? 1 : (PREFIX_WEIGHT * term.length) / found.length);
  }
  for (const [id, score] of here) into.set(id, Math.max(into.get(id) ?? 0, score));
  return into;
}
