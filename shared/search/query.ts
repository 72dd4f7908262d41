/**
 * The search query language (README, "Search syntax"):
 *   words            all must occur (stemmed: Лукашенко finds Лукашенку)
 *   "exact phrase"   these words in this order, as written (case, ё and apostrophes folded)
 *   prefix*          any word starting with it
 *   -word, -"…"      excludes articles that have it
 *   a OR b           either; binds looser than the implicit AND; ( ) group
 *   outlet: author: lang: date: tag: coder: status:  filters on the article
 *     date:2024-01..2024-06, date:2024, date:..2023-12-31; values with spaces in quotes: outlet:"BBC News"
 * A parse error is a message for the person who typed the query, never a silent empty result.
 */
import { words } from './tokenise.ts';

export const FIELDS = ['outlet', 'author', 'lang', 'date', 'tag', 'coder', 'status'] as const;
export type Field = (typeof FIELDS)[number];
export const STATUSES = ['todo', 'in-progress', 'done'] as const;

export type QueryNode =
  | { kind: 'term'; word: string; prefix: boolean }
  | { kind: 'phrase'; words: string[] }
  | { kind: 'field'; field: Field; value: string; from?: string; to?: string }
  | { kind: 'not'; node: QueryNode }
  | { kind: 'and'; nodes: QueryNode[] }
  | { kind: 'or'; nodes: QueryNode[] };

export class QueryError extends Error {}

type Lexeme =
  | { t: 'word'; text: string }
  | { t: 'quoted'; text: string }
  | { t: 'field'; name: string; value: string; quoted: boolean }
  | { t: 'or' }
  | { t: 'not' }
  | { t: 'open' }
  | { t: 'close' };

const QUOTES = '"“”«»„';

function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  const readQuoted = (): string => {
    const close = input.slice(i + 1).search(/["“”«»„]/u);
    if (close < 0) throw new QueryError('A quotation mark is not closed: end the phrase with another ".');
    const text = input.slice(i + 1, i + 1 + close);
    i += close + 2;
    return text;
  };
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      out.push({ t: ch === '(' ? 'open' : 'close' });
      i++;
    } else if (ch === '-' && i + 1 < input.length && !/\s/.test(input[i + 1] as string) && (i === 0 || /[\s(]/.test(input[i - 1] as string))) {
      out.push({ t: 'not' });
      i++;
    } else if (QUOTES.includes(ch)) {
      out.push({ t: 'quoted', text: readQuoted() });
    } else {
      const m = /^[^\s()"“”«»„]+/u.exec(input.slice(i));
      const text = m ? m[0] : ch;
      i += text.length;
      const field = /^(\p{L}+):(.*)$/u.exec(text);
      if (field) {
        const name = (field[1] as string).toLowerCase();
        let value = field[2] as string;
        let quoted = false;
        if (value === '' && i < input.length && QUOTES.includes(input[i] as string)) {
          value = readQuoted();
          quoted = true;
        }
        out.push({ t: 'field', name, value, quoted });
      } else if (text === 'OR' || text === '|') {
        out.push({ t: 'or' });
      } else {
        out.push({ t: 'word', text });
      }
    }
  }
  return out;
}

const DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

function fieldNode(name: string, value: string): QueryNode {
  if (!(FIELDS as readonly string[]).includes(name)) {
    throw new QueryError(`Unknown field “${name}:”. Fields are ${FIELDS.map((f) => f + ':').join(' ')} — to search for the text itself, put it in quotes.`);
  }
  const field = name as Field;
  const v = value.trim();
  if (v === '') throw new QueryError(`“${field}:” needs a value, e.g. ${field === 'date' ? 'date:2024-01..2024-06' : field === 'status' ? 'status:done' : field + ':value'}.`);
  if (field === 'date') {
    const range = v.split('..');
    if (range.length > 2) throw new QueryError(`Cannot read the date “${v}”: write 2024, 2024-03, 2024-03-15 or a range such as 2024-01..2024-06.`);
    const [from = '', to = range.length === 1 ? from : ''] = range;
    for (const d of [from, to]) {
      if (d !== '' && !DATE.test(d)) throw new QueryError(`Cannot read the date “${d}”: write 2024, 2024-03, 2024-03-15 or a range such as 2024-01..2024-06.`);
    }
    if (from === '' && to === '') throw new QueryError('A date range needs at least one end, e.g. date:2024-01.. or date:..2024-06.');
    if (from !== '' && to !== '' && from.slice(0, to.length) > to) throw new QueryError(`The date range “${v}” ends before it starts.`);
    return { kind: 'field', field, value: v, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }
  if (field === 'status') {
    const s = v.toLowerCase().replace(/[\s_]/g, '-');
    const status = s === 'inprogress' ? 'in-progress' : s;
    if (!(STATUSES as readonly string[]).includes(status)) throw new QueryError(`Unknown status “${v}”: use status:todo, status:in-progress or status:done.`);
    return { kind: 'field', field, value: status };
  }
  return { kind: 'field', field, value: v };
}

/** A bare word of the query: one word (maybe a prefix*), or a phrase when it holds several (hyphenated). */
function wordNode(text: string): QueryNode | null {
  const prefix = text.endsWith('*');
  const ws = words(text);
  if (ws.length === 0) {
    if (prefix) throw new QueryError('“*” needs the start of a word before it, e.g. президент*.');
    return null; // punctuation only
  }
  if (ws.length === 1) return { kind: 'term', word: ws[0] as string, prefix };
  return { kind: 'phrase', words: ws };
}

/** Parses a query; throws QueryError with a message for the user. Returns null for a blank query. */
export function parseQuery(input: string): QueryNode | null {
  const lexemes = lex(input);
  let pos = 0;

  const parseOr = (): QueryNode | null => {
    const items: QueryNode[] = [];
    for (;;) {
      if (lexemes[pos]?.t === 'or') throw new QueryError('“OR” needs something to search for on both sides.');
      const item = parseAnd();
      if (item) items.push(item);
      if (lexemes[pos]?.t !== 'or') break;
      pos++;
      if (pos >= lexemes.length || lexemes[pos]?.t === 'close' || lexemes[pos]?.t === 'or') throw new QueryError('“OR” needs something to search for on both sides.');
    }
    if (items.length === 0) return null;
    return items.length === 1 ? (items[0] as QueryNode) : { kind: 'or', nodes: items };
  };

  const parseAnd = (): QueryNode | null => {
    const items: QueryNode[] = [];
    while (pos < lexemes.length && lexemes[pos]?.t !== 'or' && lexemes[pos]?.t !== 'close') {
      const item = parseUnary();
      if (item) items.push(item);
    }
    if (items.length === 0) return null;
    return items.length === 1 ? (items[0] as QueryNode) : { kind: 'and', nodes: items };
  };

  const parseUnary = (): QueryNode | null => {
    const lx = lexemes[pos++] as Lexeme;
    switch (lx.t) {
      case 'not': {
        const next = lexemes[pos];
        if (!next || next.t === 'or' || next.t === 'close' || next.t === 'not') throw new QueryError('“-” must stand right before the word, phrase or field to exclude, e.g. -sport.');
        const node = parseUnary();
        return node ? { kind: 'not', node } : null;
      }
      case 'open': {
        const inner = parseOr();
        if (lexemes[pos]?.t !== 'close') throw new QueryError('A parenthesis is not closed: add “)”.');
        pos++;
        return inner;
      }
      case 'close':
        throw new QueryError('A “)” has no “(” before it.');
      case 'quoted': {
        const ws = words(lx.text);
        return ws.length === 0 ? null : { kind: 'phrase', words: ws };
      }
      case 'field':
        return fieldNode(lx.name, lx.value);
      case 'word':
        return wordNode(lx.text);
      default:
        return null;
    }
  };

  const root = parseOr();
  if (pos < lexemes.length) throw new QueryError('A “)” has no “(” before it.');
  if (root && !hasPositive(root)) throw new QueryError('Add something to find: a query cannot only exclude (e.g. “election -sport”).');
  return root;
}

/** True when the node selects articles by itself (not only by excluding). */
function hasPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'not':
      return false;
    case 'and':
      return node.nodes.some(hasPositive);
    case 'or':
      return node.nodes.every(hasPositive);
    default:
      return true;
  }
}

/** The fields a query filters on (the app loads annotations only for tag: and coder:). */
export function fieldsUsed(node: QueryNode | null, into = new Set<Field>()): Set<Field> {
  if (!node) return into;
  if (node.kind === 'field') into.add(node.field);
  else if (node.kind === 'not') fieldsUsed(node.node, into);
  else if (node.kind === 'and' || node.kind === 'or') for (const n of node.nodes) fieldsUsed(n, into);
  return into;
}

/** The words and phrases a result is highlighted for: everything positive (not under a “-”). */
export function positiveTerms(node: QueryNode | null): (Extract<QueryNode, { kind: 'term' }> | Extract<QueryNode, { kind: 'phrase' }>)[] {
  if (!node) return [];
  if (node.kind === 'term' || node.kind === 'phrase') return [node];
  if (node.kind === 'and' || node.kind === 'or') return node.nodes.flatMap(positiveTerms);
  return [];
}
