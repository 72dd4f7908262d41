import MiniSearch, { type Options } from 'minisearch';
import { pairKey } from './analyse.ts';

/** One article as the index takes it: its index terms (stems, space-separated) and word pairs (see analyse.ts). */
export interface IndexedDoc {
  id: string;
  title: string;
  text: string;
  /** Adjacent folded words of title and text, `a|b`, space-separated: what phrases are answered from. */
  pairs: string;
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

/**
 * A segment: MiniSearch's index of stems, and beside it the word pairs of its articles, each
 * with the MiniSearch short ids of the articles holding it. A phrase of two words is answered by
 * one pair's postings, a longer one by intersecting its pairs, without reading texts (reading and
 * probing the texts of every candidate was most of a phrase query's time). Pairs live in a plain
 * map, not as a third MiniSearch field: inserting them into MiniSearch's radix tree doubled the
 * build time, and prefix queries would walk them. Short ids make deletion free: a discarded
 * article's id no longer resolves.
 */
export interface Segment {
  mini: MiniSearch<IndexedDoc>;
  pairs: Map<string, Int32Array>;
}

export function newSegment(): Segment {
  return { mini: new MiniSearch<IndexedDoc>(OPTIONS), pairs: new Map() };
}

export async function buildSegment(docs: readonly IndexedDoc[]): Promise<Segment> {
  const seg = newSegment();
  // Chunks keep each main-thread task short while a big batch is indexed.
  await seg.mini.addAllAsync(docs, { chunkSize: 50 });
  const shortIds = (seg.mini as unknown as Internals)._idToShortId;
  const lists = new Map<string, number[]>();
  for (const d of docs) {
    const shortId = shortIds.get(d.id);
    if (shortId === undefined || d.pairs === '') continue;
    for (const p of d.pairs.split(' ')) {
      const list = lists.get(p);
      if (!list) lists.set(p, [shortId]);
      else if (list[list.length - 1] !== shortId) list.push(shortId);
    }
  }
  for (const [p, list] of lists) seg.pairs.set(p, Int32Array.from(list));
  return seg;
}

/** Stored form of the pairs: keys space-separated, then per key its count of ids, then all ids. */
interface StoredSegment {
  mini: unknown;
  pairKeys: string;
  pairCounts: number[];
  pairIds: number[];
}

export function loadSegment(json: string): Segment {
  const stored = JSON.parse(json) as StoredSegment;
  const mini = MiniSearch.loadJS<IndexedDoc>(stored.mini as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS);
  const pairs = new Map<string, Int32Array>();
  if (stored.pairKeys) {
    const all = Int32Array.from(stored.pairIds);
    let at = 0;
    stored.pairKeys.split(' ').forEach((key, i) => {
      const n = stored.pairCounts[i] ?? 0;
      pairs.set(key, all.subarray(at, at + n));
      at += n;
    });
  }
  return { mini, pairs };
}

export function saveSegment(seg: Segment): string {
  const keys: string[] = [];
  const counts: number[] = [];
  const ids: number[] = [];
  for (const [key, list] of seg.pairs) {
    keys.push(key);
    counts.push(list.length);
    for (const id of list) ids.push(id);
  }
  const stored: StoredSegment = { mini: seg.mini.toJSON(), pairKeys: keys.join(' '), pairCounts: counts, pairIds: ids };
  return JSON.stringify(stored);
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
  _idToShortId: Map<string, number>;
  _nextId: number;
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

type Postings = Map<number, Map<number, number>>;

/**
 * Per field, each short id's BM25 length term (k·(1 − b + b·length/avg)), computed once per
 * segment state: reading the length map and recomputing this per posting was most of a common
 * word's lookup. A discard changes the averages and the count, so the count keys the cache.
 */
const norms = new WeakMap<Internals, { count: number; byField: Float64Array[] }>();
function lengthNorms(s: Internals): Float64Array[] {
  let n = norms.get(s);
  if (!n || n.count !== s._documentCount) {
    const byField = Array.from(s._avgFieldLength, (avgOrNone, fieldId) => {
      const avg = avgOrNone ?? 1;
      const out = new Float64Array(s._nextId);
      for (let id = 0; id < s._nextId; id++) {
        const length = s._fieldLength.get(id)?.[fieldId] ?? avg;
        out[id] = BM25.k * (1 - BM25.b + (BM25.b * length) / avg);
      }
      return out;
    });
    norms.set(s, (n = { count: s._documentCount, byField }));
  }
  return n.byField;
}

/** Adds each article's BM25 score for one term's postings into `acc` (by short id), title counting twice; the same figures as `bm25`. */
function scorePostings(s: Internals, data: Postings, weight: number, acc: Float64Array, touched: number[]): void {
  const titleField = s._fieldIds.title;
  const byField = lengthNorms(s);
  for (const [fieldId, docs] of data) {
    const boost = fieldId === titleField ? 2 : 1;
    const norm = byField[fieldId];
    const matching = docs.size;
    const idf = Math.log(1 + (s._documentCount - matching + 0.5) / (matching + 0.5));
    for (const [shortId, tf] of docs) {
      if (acc[shortId] === 0) touched.push(shortId);
      const lengthTerm = norm?.[shortId] ?? BM25.k;
      acc[shortId] = (acc[shortId] as number) + weight * boost * (idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + lengthTerm)));
    }
  }
}

/**
 * Articles holding any of `terms` (or a term starting with one, for a prefix), with BM25 scores
 * (title counts twice). Scores add up in an array by short id and only the articles found are
 * turned into ids: string-keyed maps per posting were most of a common word's lookup.
 */
export function lookupSegment(seg: Segment, terms: readonly string[], prefix: boolean, into = new Map<string, number>()): Map<string, number> {
  if (terms.length === 0 || seg.mini.documentCount === 0) return into;
  const s = seg.mini as unknown as Internals;
  const acc = new Float64Array(s._nextId);
  const touched: number[] = [];
  for (const term of new Set(terms)) {
    if (!prefix) {
      const data = s._index.get(term);
      if (data) scorePostings(s, data, 1, acc, touched);
      continue;
    }
    for (const [found, data] of s._index.atPrefix(term)) scorePostings(s, data, found.length === term.length ? 1 : (PREFIX_WEIGHT * term.length) / found.length, acc, touched);
  }
  for (const shortId of touched) {
    const id = s._documentIds.get(shortId);
    if (id === undefined) continue; // discarded (deleted) since the segment was built
    const score = acc[shortId] as number;
    into.set(id, Math.max(into.get(id) ?? 0, score));
  }
  return into;
}

/**
 * Articles holding the phrase `words` (folded, as written; two or more), by the index's word
 * pairs: exact for two words; for more, every adjacent pair is there but not necessarily in one
 * run, so the caller verifies those on the text. Scored as the sum of each word's score by its
 * stems (`stems[i]` are word i's), the same as looking up each word and adding.
 */
export function lookupPhrase(seg: Segment, words: readonly string[], stems: readonly (readonly string[])[], into = new Map<string, number>()): Map<string, number> {
  if (words.length < 2 || seg.mini.documentCount === 0) return into;
  let candidates: Int32Array | number[] | undefined;
  for (let i = 1; i < words.length; i++) {
    const list = seg.pairs.get(pairKey(words[i - 1] as string, words[i] as string));
    if (!list) return into;
    if (!candidates) candidates = list;
    else {
      const have = new Set(list);
      candidates = Array.from(candidates).filter((id) => have.has(id));
    }
    if (candidates.length === 0) return into;
  }
  const s = seg.mini as unknown as Internals;
  const titleField = s._fieldIds.title;
  const postings = stems.map((ws) => [...new Set(ws)].map((t) => s._index.get(t)).filter((d): d is Postings => d !== undefined));
  for (const shortId of candidates ?? []) {
    const id = s._documentIds.get(shortId);
    if (id === undefined) continue;
    let total = 0;
    for (const word of postings) {
      let score = 0;
      for (const data of word) {
        for (const [fieldId, docs] of data) {
          const tf = docs.get(shortId);
          if (tf === undefined) continue;
          const avg = s._avgFieldLength[fieldId] ?? 1;
          const length = s._fieldLength.get(shortId)?.[fieldId] ?? avg;
          score += (fieldId === titleField ? 2 : 1) * bm25(tf, docs.size, s._documentCount, length, avg);
        }
      }
      total += score;
    }
    into.set(id, Math.max(into.get(id) ?? 0, total));
  }
  return into;
}
