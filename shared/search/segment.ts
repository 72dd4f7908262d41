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

/** Articles holding any of `terms` (or a term starting with one, for a prefix), with BM25 scores. */
export function lookupSegment(seg: Segment, terms: readonly string[], prefix: boolean, into = new Map<string, number>()): Map<string, number> {
  if (terms.length === 0 || seg.documentCount === 0) return into;
  const results = seg.search({ queries: [...terms], combineWith: 'OR' }, { prefix, fuzzy: false });
  for (const r of results) into.set(r.id as string, Math.max(into.get(r.id as string) ?? 0, r.score));
  return into;
}
