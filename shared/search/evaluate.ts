import type { QueryNode } from './query.ts';
import { queryStems } from './stem.ts';
import { hasPhrase } from './hits.ts';

/** What the evaluator needs to know of an article to apply field filters. */
export interface DocFacts {
  outlet?: string;
  author?: string;
  lang?: string;
  /** ISO 8601 date or date-time. */
  date?: string;
  status?: string;
  /** Folded names of the tags applied in the article, with the names of their parent tags. */
  tags?: readonly string[];
  /** Folded coder names who annotated in the article. */
  coders?: readonly string[];
}

/**
 * The evaluator's view of an index, so the query logic is tested without IndexedDB: the app
 * implements it over MiniSearch segments and article records, the tests over a few strings.
 */
export interface SearchIndexView {
  /** Articles holding any of `terms` (index terms: stems), or a term starting with one of them when `prefix`; with a relevance score. */
  lookup(terms: readonly string[], prefix: boolean): Map<string, number>;
  /** Every article id (a query of filters only, or one that excludes). */
  allIds(): Iterable<string>;
  facts(id: string): DocFacts | undefined;
  /** Title and text of an article, to verify phrases (the index knows words, not their order). */
  text(id: string): Promise<{ title: string; text: string } | undefined>;
  /** The same for many articles in one request (a store reads a chunk far faster than its articles one by one). */
  texts?(ids: readonly string[]): Promise<({ title: string; text: string } | undefined)[]>;
  /**
   * Articles holding a phrase of two or more folded words by the index's word pairs (segment.ts
   * `lookupPhrase`), scored as the sum of its words' lookups: exact for two words, a superset
   * for more. Without it, phrases are verified on the texts of every article holding all words.
   */
  phrase?(words: readonly string[]): Map<string, number>;
  /**
   * A test for one field filter answered from a metadata table (meta-table.ts) instead of
   * `facts` per article; undefined for fields the table does not hold (then `facts` is asked).
   */
  fieldTest?(node: Extract<QueryNode, { kind: 'field' }>): ((id: string) => boolean) | undefined;
}

/** Candidates whose texts are read per request while phrases are verified. */
const TEXT_CHUNK = 256;

export type Scores = Map<string, number>;

const fold = (s: string | undefined) => (s ?? '').normalize('NFC').toLowerCase().replace(/ё/g, 'е');

/** True when the article's facts satisfy one field filter. */
export function matchField(node: Extract<QueryNode, { kind: 'field' }>, facts: DocFacts | undefined): boolean {
  if (!facts) return false;
  const v = fold(node.value);
  switch (node.field) {
    case 'outlet':
      return fold(facts.outlet).includes(v);
    case 'author':
      return fold(facts.author).includes(v);
    case 'lang':
      return fold(facts.lang).split(/[-_]/)[0] === v.split(/[-_]/)[0];
    case 'status':
      return facts.status === node.value;
    case 'tag':
      return (facts.tags ?? []).includes(v);
    case 'coder':
      return (facts.coders ?? []).includes(v);
    case 'date': {
      const d = facts.date ?? '';
      if (!/^\d{4}/.test(d)) return false;
      // Compare as many characters as the bound has: 2024-06 includes every day of June.
      if (node.from && d.slice(0, node.from.length) < node.from) return false;
      if (node.to && d.slice(0, node.to.length) > node.to) return false;
      return true;
    }
  }
}

function termIds(index: SearchIndexView, node: Extract<QueryNode, { kind: 'term' }>): Scores {
  if (node.prefix) return index.lookup([...new Set([node.word, ...queryStems(node.word)])], true);
  return index.lookup(queryStems(node.word), false);
}

function intersect(a: Scores, b: Scores): Scores {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out: Scores = new Map();
  for (const [id, s] of small) {
    const t = large.get(id);
    if (t !== undefined) out.set(id, s + t);
  }
  return out;
}

function all(index: SearchIndexView): Scores {
  const out: Scores = new Map();
  for (const id of index.allIds()) out.set(id, 0);
  return out;
}

/** Articles matching the phrase: all its words by the index, then the words in order on the text. */
async function phraseIds(index: SearchIndexView, words: readonly string[], within?: Scores): Promise<Scores> {
  let candidates: Scores | undefined = within;
  const byPairs = words.length >= 2 ? index.phrase?.(words) : undefined;
  if (byPairs) {
    candidates = within ? intersect(within, byPairs) : byPairs;
    // Two words: the pair is the phrase. More: each pair is there, the run is checked on the text.
    if (words.length === 2 || candidates.size === 0) return candidates;
  }
  for (const w of byPairs ? [] : words) {
    const ids = termIds(index, { kind: 'term', word: w, prefix: false });
    candidates = candidates ? intersect(candidates, ids) : ids;
    if (candidates.size === 0) return candidates;
  }
  const out: Scores = new Map();
  const ids = [...(candidates ?? new Map<string, number>()).keys()];
  for (let i = 0; i < ids.length; i += TEXT_CHUNK) {
    const chunk = ids.slice(i, i + TEXT_CHUNK);
    const docs = index.texts ? await index.texts(chunk) : await Promise.all(chunk.map((id) => index.text(id)));
    chunk.forEach((id, k) => {
      const doc = docs[k];
      if (doc && (hasPhrase(doc.text, words) || hasPhrase(doc.title, words))) out.set(id, candidates?.get(id) ?? 0);
    });
  }
  return out;
}

/**
 * The articles matching a parsed query, with a score (higher is better; 0 for filters only).
 * Within an AND the cheap parts narrow the candidates first; phrases are verified on the text
 * of what is left, exclusions are removed last.
 */
export async function evaluate(index: SearchIndexView, node: QueryNode, within?: Scores): Promise<Scores> {
  switch (node.kind) {
    case 'term': {
      const ids = termIds(index, node);
      return within ? intersect(within, ids) : ids;
    }
    case 'phrase':
      return phraseIds(index, node.words, within);
    case 'field': {
      const out: Scores = new Map();
      const test = index.fieldTest?.(node);
      if (test) {
        if (within) {
          for (const [id, s] of within) if (test(id)) out.set(id, s);
        } else for (const id of index.allIds()) if (test(id)) out.set(id, 0);
        return out;
      }
      for (const [id, s] of within ?? all(index)) if (matchField(node, index.facts(id))) out.set(id, s);
      return out;
    }
    case 'not': {
      const base = within ?? all(index);
      const excluded = await evaluate(index, node.node, base);
      const out: Scores = new Map();
      for (const [id, s] of base) if (!excluded.has(id)) out.set(id, s);
      return out;
    }
    case 'or': {
      const out: Scores = new Map();
      for (const n of node.nodes) for (const [id, s] of await evaluate(index, n, within)) out.set(id, (out.get(id) ?? 0) + s);
      return out;
    }
    case 'and': {
      const rank = (n: QueryNode) => (n.kind === 'term' ? 0 : n.kind === 'or' || n.kind === 'and' ? 1 : n.kind === 'field' ? 2 : n.kind === 'phrase' ? 3 : 4);
      let acc = within;
      for (const n of [...node.nodes].sort((a, b) => rank(a) - rank(b))) {
        acc = await evaluate(index, n, acc);
        if (acc.size === 0) break;
      }
      return acc ?? new Map();
    }
  }
}

/** Ids sorted best first; ties keep the order `tiebreak` gives (the library's order), then the order found. */
export function ranked(scores: Scores, tiebreak: (id: string) => number): string[] {
  // Keys in typed arrays, computed once per id, and a sort of row numbers: a common word matches
  // tens of thousands of articles, and a sort of objects spent its time in the comparisons.
  const n = scores.size;
  const ids = new Array<string>(n);
  const score = new Float64Array(n);
  const tie = new Float64Array(n);
  let i = 0;
  for (const [id, s] of scores) {
    ids[i] = id;
    score[i] = s;
    tie[i] = tiebreak(id);
    i++;
  }
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((a, b) => (score[b] as number) - (score[a] as number) || (tie[a] as number) - (tie[b] as number) || a - b);
  return Array.from(order, (k) => ids[k] as string);
}
