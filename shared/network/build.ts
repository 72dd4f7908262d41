/**
 * Discourse networks derived from statements (never stored), following the definitions of the
 * Discourse Network Analyzer (Leifeld, DNA manual ch. "Algorithms"; formulas in docs/networks.md).
 *
 * X is the cuboid of statement counts x[i][j][k]: claimant i, issue j, position level k, where the
 * levels are the integers of the position scale (default −1, 0, +1). Statements without a
 * position only count where the qualifier is ignored.
 */
import { actorName, issueName, type Statement, type StatementSet } from '../statements/statement.ts';
import { filterStatements, type StatementFilter } from './filter.ts';

export type NetworkType = 'two-mode' | 'congruence' | 'conflict' | 'directed';
export type Qualifier = 'ignore' | 'combine' | 'subtract';
/** none/average/jaccard/cosine for one-mode networks; none/activity/prominence for two-mode. */
export type Normalisation = 'none' | 'average' | 'jaccard' | 'cosine' | 'activity' | 'prominence';
/** include: every statement counts (DNA's default); collapse: one per claimant × issue × position. */
export type Duplicates = 'include' | 'collapse';

export const NETWORK_TYPES: readonly NetworkType[] = ['two-mode', 'congruence', 'conflict', 'directed'];
export const QUALIFIERS: readonly Qualifier[] = ['ignore', 'combine', 'subtract'];
export const NORMALISATIONS: readonly Normalisation[] = ['none', 'average', 'jaccard', 'cosine', 'activity', 'prominence'];

export interface NetworkOptions extends StatementFilter {
  type: NetworkType;
  /** Two-mode only; default subtract. */
  qualifier?: Qualifier;
  normalisation?: Normalisation;
  /** Default include (as DNA). */
  duplicates?: Duplicates;
}

export interface NetNode {
  /** Unique within the network: `actor:<id>` or `issue:<id>`. */
  id: string;
  label: string;
  kind: 'actor' | 'issue';
  /** The registry's kind of actor (person, organisation…), '' when unknown or for issues. */
  actorType: string;
  /** Statements in the network's selection made by this actor / on this issue. */
  statements: number;
}

export interface NetEdge {
  /** Indices into `nodes`. */
  source: number;
  target: number;
  weight: number;
  attrs: Record<string, string | number>;
}

/**
 * A congruence/conflict edge: one object where a literal with an `attrs` object makes two. A
 * whole-period network has a quarter of a million edges, and allocating the second object each
 * doubled the build's garbage-collection time (bench/parts/network.ts, node --cpu-prof).
 */
class OneModeEdge implements NetEdge {
  constructor(
    readonly source: number,
    readonly target: number,
    readonly weight: number,
    private readonly raw: number,
    private readonly issues: number,
  ) {}

  get attrs(): Record<string, string | number> {
    return { raw: this.raw, issues: this.issues };
  }
}

export interface AttrDecl {
  name: string;
  type: 'string' | 'int' | 'double';
}

export interface Network {
  type: NetworkType;
  directed: boolean;
  nodes: NetNode[];
  /** Node indices of the matrix rows and columns (two-mode: actors × issues; one-mode: actors × actors). */
  rows: number[];
  cols: number[];
  /** Undirected one-mode networks list each pair once (source < target). */
  edges: NetEdge[];
  edgeAttrs: AttrDecl[];
  /** True when every weight is a whole number (no normalisation). */
  integerWeights: boolean;
  /** Statements the network was built from (after the filters). */
  statements: number;
  /** What a reader of the output needs to know (e.g. the combine code table, skipped statements). */
  notes: string[];
}

interface Cuboid {
  actors: string[];
  issues: string[];
  levels: number[];
  /** Per issue j: entries (actor index, level index, count); level index = levels.length means "no position". */
  byIssue: { actor: number; level: number; count: number }[][];
  actorStatements: number[];
  issueStatements: number[];
  outOfScale: number;
}

function scaleLevels(set: StatementSet): number[] {
  const levels: number[] = [];
  for (let v = Math.ceil(set.scale.min); v <= set.scale.max; v++) levels.push(v);
  return levels;
}

/** Builds X from the statements; only statements with at least one issue take part. */
function cuboid(set: StatementSet, statements: readonly Statement[], duplicates: Duplicates): Cuboid {
  const levels = scaleLevels(set);
  const L = levels.length;
  const actorIdx = new Map<string, number>();
  const issueIdx = new Map<string, number>();
  const actors: string[] = [];
  const issues: string[] = [];
  const actorStatements: number[] = [];
  const issueStatements: number[] = [];
  const cells = new Map<number, number>();
  let outOfScale = 0;
  // Pass 1: indices (in order of first appearance, sorted afterwards for stable output).
  for (const s of statements) {
    if (s.issues.length === 0) continue;
    if (!actorIdx.has(s.claimant)) actorIdx.set(s.claimant, -1);
    for (const j of s.issues) if (!issueIdx.has(j)) issueIdx.set(j, -1);
  }
  for (const a of [...actorIdx.keys()].sort((x, y) => cmp(actorName(set, x), actorName(set, y)) || cmp(x, y))) {
    actorIdx.set(a, actors.length);
    actors.push(a);
    actorStatements.push(0);
  }
  for (const j of [...issueIdx.keys()].sort((x, y) => cmp(issueName(set, x), issueName(set, y)) || cmp(x, y))) {
    issueIdx.set(j, issues.length);
    issues.push(j);
    issueStatements.push(0);
  }
  const nI = issues.length;
  for (const s of statements) {
    if (s.issues.length === 0) continue;
    const i = actorIdx.get(s.claimant)!;
    actorStatements[i]!++;
    let k = L;
    if (s.position !== null) {
      const level = Math.round(s.position) - levels[0]!;
      if (level >= 0 && level < L) k = level;
      else outOfScale++;
    }
    for (const issue of s.issues) {
      const j = issueIdx.get(issue)!;
      issueStatements[j]!++;
      const key = (i * nI + j) * (L + 1) + k;
      const prev = cells.get(key) ?? 0;
      cells.set(key, duplicates === 'collapse' ? 1 : prev + 1);
    }
  }
  const byIssue: Cuboid['byIssue'] = issues.map(() => []);
  for (const [key, count] of cells) {
    const k = key % (L + 1);
    const ij = (key - k) / (L + 1);
    const j = ij % nI;
    const i = (ij - j) / nI;
    byIssue[j]!.push({ actor: i, level: k, count });
  }
  for (const list of byIssue) list.sort((a, b) => a.actor - b.actor || a.level - b.level);
  return { actors, issues, levels, byIssue, actorStatements, issueStatements, outOfScale };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function actorNode(set: StatementSet, id: string, statements: number): NetNode {
  return { id: `actor:${id}`, label: actorName(set, id), kind: 'actor', actorType: set.actors.get(id)?.kind ?? '', statements };
}

function formatPosition(v: number): string {
  return v > 0 ? `+${v}` : String(v);
}

function commonNotes(c: Cuboid, statements: readonly Statement[]): string[] {
  const notes: string[] = [];
  const noIssue = statements.filter((s) => s.issues.length === 0).length;
  if (noIssue > 0) notes.push(`${noIssue} statement(s) without an issue are not in this network`);
  if (c.outOfScale > 0) notes.push(`${c.outOfScale} statement(s) with a position outside the scale ${c.levels[0]}…${c.levels[c.levels.length - 1]} count as without position`);
  return notes;
}

export function buildNetwork(set: StatementSet, opts: NetworkOptions): Network {
  const statements = filterStatements(set.statements, opts);
  switch (opts.type) {
    case 'two-mode':
      return twoMode(set, statements, opts);
    case 'congruence':
    case 'conflict':
      return oneMode(set, statements, opts);
    case 'directed':
      return directed(set, statements);
  }
}

function twoMode(set: StatementSet, statements: readonly Statement[], opts: NetworkOptions): Network {
  const qualifier = opts.qualifier ?? 'subtract';
  const normalisation = opts.normalisation ?? 'none';
  if (!['none', 'activity', 'prominence'].includes(normalisation)) throw new Error(`normalisation "${normalisation}" is for one-mode networks; a two-mode network takes none, activity or prominence`);
  const c = cuboid(set, statements, opts.duplicates ?? 'include');
  const L = c.levels.length;
  const nA = c.actors.length;
  const nodes: NetNode[] = [
    ...c.actors.map((a, i) => actorNode(set, a, c.actorStatements[i]!)),
    ...c.issues.map((j, idx): NetNode => ({ id: `issue:${j}`, label: issueName(set, j), kind: 'issue', actorType: '', statements: c.issueStatements[idx]! })),
  ];
  // Cell values per qualifier, and the denominators activity / prominence need.
  interface Cell { i: number; j: number; w: number; count: number; coded: number; present: number[] }
  const cells: Cell[] = [];
  for (let j = 0; j < c.issues.length; j++) {
    let cur: Cell | null = null;
    for (const e of c.byIssue[j]!) {
      if (!cur || cur.i !== e.actor) {
        cur = { i: e.actor, j, w: 0, count: 0, coded: 0, present: [] };
        cells.push(cur);
      }
      cur.count += e.count;
      if (e.level === L) {
        if (qualifier === 'ignore') cur.w += e.count;
        continue;
      }
      cur.coded += e.count;
      cur.present.push(c.levels[e.level]!);
      if (qualifier === 'ignore') cur.w += e.count;
      else if (qualifier === 'subtract') cur.w += c.levels[e.level]! * e.count;
      // DNA's lexical rank: the highest level is bit 0, the lowest bit L−1.
      else cur.w += 2 ** (L - 1 - e.level);
    }
  }
  if (normalisation !== 'none') {
    const byRow = normalisation === 'activity';
    const denom = new Float64Array(byRow ? nA : c.issues.length);
    for (const cell of cells) {
      const d = qualifier === 'ignore' ? cell.w : qualifier === 'combine' ? (cell.w > 0 ? 1 : 0) : cell.coded;
      denom[byRow ? cell.i : cell.j]! += d;
    }
    for (const cell of cells) {
      const d = denom[byRow ? cell.i : cell.j]!;
      cell.w = d === 0 ? 0 : cell.w / d;
    }
  }
  const edges: NetEdge[] = [];
  for (const cell of cells) {
    // A zero weight under subtract still is a tie (as many for as against); keep it with its counts.
    if (cell.w === 0 && (qualifier !== 'subtract' || cell.coded === 0)) continue;
    edges.push({ source: cell.i, target: nA + cell.j, weight: cell.w, attrs: { statements: cell.count, positions: cell.present.map(formatPosition).join(' ') } });
  }
  const notes = commonNotes(c, statements);
  if (qualifier === 'combine') {
    notes.push(`combine: the weight codes which positions occur, as a sum of ${c.levels.map((v, k) => `${2 ** (L - 1 - k)} for ${formatPosition(v)}`).join(', ')}`);
    if (normalisation !== 'none') notes.push('combine with a normalisation has no meaningful interpretation (as in DNA)');
  }
  return {
    type: 'two-mode',
    directed: false,
    nodes,
    rows: c.actors.map((_, i) => i),
    cols: c.issues.map((_, j) => nA + j),
    edges,
    edgeAttrs: [
      { name: 'statements', type: 'int' },
      { name: 'positions', type: 'string' },
    ],
    integerWeights: edges.every((e) => Number.isInteger(e.weight)),
    statements: statements.length,
    notes,
  };
}

function oneMode(set: StatementSet, statements: readonly Statement[], opts: NetworkOptions): Network {
  const type = opts.type as 'congruence' | 'conflict';
  const normalisation = opts.normalisation ?? 'none';
  if (!['none', 'average', 'jaccard', 'cosine'].includes(normalisation)) throw new Error(`normalisation "${normalisation}" is for two-mode networks; congruence and conflict take none, average, jaccard or cosine`);
  const c = cuboid(set, statements, opts.duplicates ?? 'include');
  const L = c.levels.length;
  const range = L - 1;
  const n = c.actors.length;
  // Per issue: its actors with a coded position (ascending integer ids) and their counts per
  // level, as typed arrays; per actor: where it sits in each issue's list (CSR). The pair loop
  // then reads numbers only: the object-per-cell version spent most of its time in property
  // reads and garbage collection (bench/parts/network.ts, node --cpu-prof).
  const activity = new Float64Array(n);
  const issueActors: Int32Array[] = [];
  const issueCounts: Float64Array[] = [];
  const perActor = new Int32Array(n);
  for (const list of c.byIssue) {
    let m = 0;
    let last = -1;
    for (const e of list) {
      if (e.level < L && e.actor !== last) {
        m++;
        last = e.actor;
      }
    }
    const ids = new Int32Array(m);
    const counts = new Float64Array(m * L);
    let p = -1;
    for (const e of list) {
      if (e.level === L) continue;
      if (p < 0 || ids[p] !== e.actor) {
        ids[++p] = e.actor;
        perActor[e.actor]!++;
      }
      counts[p * L + e.level] = e.count;
      activity[e.actor]! += e.count;
    }
    issueActors.push(ids);
    issueCounts.push(counts);
  }
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = offset[i]! + perActor[i]!;
  const fill = offset.slice(0, n);
  const memberIssue = new Int32Array(offset[n]!);
  const memberPos = new Int32Array(offset[n]!);
  issueActors.forEach((ids, j) => {
    for (let p = 0; p < ids.length; p++) {
      const slot = fill[ids[p]!]!++;
      memberIssue[slot] = j;
      memberPos[slot] = p;
    }
  });
  const sim = new Float64Array(L * L);
  for (let k1 = 0; k1 < L; k1++) {
    for (let k2 = 0; k2 < L; k2++) {
      const diff = range === 0 ? 0 : Math.abs(k1 - k2) / range;
      sim[k1 * L + k2] = type === 'congruence' ? 1 - diff : diff;
    }
  }
  const jaccard = normalisation === 'jaccard';
  // Pairs (i < i′) row by row: actor i against every later actor of each of its issues,
  // accumulated in dense arrays reused from row to row. Per later actor k: the weight, Σ x·x′ on
  // equal cells, Σ x and Σ x′ on those cells (Jaccard), and the issues with a non-zero similarity.
  // The sums run in the order of the definition (issue, then level of i, then level of k).
  const raw = new Float64Array(n);
  const eqProduct = new Float64Array(n);
  const eq1 = new Float64Array(n);
  const eq2 = new Float64Array(n);
  const shared = new Float64Array(n);
  const row = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  const mine = new Float64Array(L);
  const edges: NetEdge[] = [];
  for (let i = 0; i < n; i++) {
    let nTouched = 0;
    for (let slot = offset[i]!; slot < offset[i + 1]!; slot++) {
      const j = memberIssue[slot]!;
      const p = memberPos[slot]!;
      const ids = issueActors[j]!;
      const counts = issueCounts[j]!;
      for (let k1 = 0; k1 < L; k1++) mine[k1] = counts[p * L + k1]!;
      for (let b = p + 1; b < ids.length; b++) {
        const k = ids[b]!;
        if (row[k] !== i) {
          row[k] = i;
          raw[k] = eqProduct[k] = eq1[k] = eq2[k] = shared[k] = 0;
          touched[nTouched++] = k;
        }
        const base = b * L;
        let w = raw[k]!;
        let tie = false;
        for (let k1 = 0; k1 < L; k1++) {
          const c1 = mine[k1]!;
          if (c1 === 0) continue;
          for (let k2 = 0; k2 < L; k2++) {
            const c2 = counts[base + k2]!;
            if (c2 === 0) continue;
            const s = sim[k1 * L + k2]!;
            const product = c1 * c2;
            w += product * s;
            if (s > 0) tie = true;
            if (jaccard && k1 === k2) {
              eqProduct[k]! += product;
              eq1[k]! += c1;
              eq2[k]! += c2;
            }
          }
        }
        raw[k] = w;
        if (tie) shared[k]! += 1;
      }
    }
    touched.subarray(0, nTouched).sort();
    for (let t = 0; t < nTouched; t++) {
      const k = touched[t]!;
      const w = raw[k]!;
      if (w === 0) continue;
      const t1 = activity[i]!;
      const t2 = activity[k]!;
      let norm = 1;
      if (normalisation === 'average') norm = (t1 + t2) / 2;
      else if (normalisation === 'jaccard') norm = t1 - eq1[k]! + (t2 - eq2[k]!) + eqProduct[k]!;
      else if (normalisation === 'cosine') norm = t1 * t2;
      edges.push(new OneModeEdge(i, k, norm === 0 ? 0 : w / norm, w, shared[k]!));
    }
  }
  // Edges come out ordered by source, then target: rows ascend and each row's targets are sorted.
  const notes = commonNotes(c, statements);
  const uncoded = statements.filter((s) => s.issues.length > 0 && s.position === null).length;
  if (uncoded > 0) notes.push(`${uncoded} statement(s) without a position do not count in a ${type} network`);
  return {
    type,
    directed: false,
    nodes: c.actors.map((a, i) => actorNode(set, a, c.actorStatements[i]!)),
    rows: c.actors.map((_, i) => i),
    cols: c.actors.map((_, i) => i),
    edges,
    edgeAttrs: [
      { name: 'raw', type: 'double' },
      { name: 'issues', type: 'int' },
    ],
    integerWeights: edges.every((e) => Number.isInteger(e.weight)),
    statements: statements.length,
    notes,
  };
}

function directed(set: StatementSet, statements: readonly Statement[]): Network {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const claims = new Map<string, number>();
  const pairs = new Map<string, { statements: number; addressee: number; object: number; positionSum: number; positions: number }>();
  const touch = (id: string) => {
    if (!index.has(id)) {
      index.set(id, -1);
      ids.push(id);
    }
  };
  for (const s of statements) {
    claims.set(s.claimant, (claims.get(s.claimant) ?? 0) + 1);
    const targets = new Set([...s.addressees, ...s.objects.map((o) => o.actor)]);
    if (targets.size === 0) continue;
    touch(s.claimant);
    for (const t of targets) {
      touch(t);
      const key = `${s.claimant}\u0000${t}`;
      const pair = pairs.get(key) ?? { statements: 0, addressee: 0, object: 0, positionSum: 0, positions: 0 };
      // A statement naming the same actor as addressee and as object counts once.
      pair.statements++;
      if (s.addressees.includes(t)) pair.addressee++;
      const obj = s.objects.find((o) => o.actor === t);
      if (obj) {
        pair.object++;
        if (obj.position !== null) {
          pair.positionSum += obj.position;
          pair.positions++;
        }
      }
      pairs.set(key, pair);
    }
  }
  ids.sort((x, y) => cmp(actorName(set, x), actorName(set, y)) || cmp(x, y));
  ids.forEach((id, i) => index.set(id, i));
  const edges: NetEdge[] = [];
  for (const [key, p] of pairs) {
    const [from, to] = key.split('\u0000') as [string, string];
    edges.push({
      source: index.get(from)!,
      target: index.get(to)!,
      weight: p.statements,
      attrs: { addressee: p.addressee, object: p.object, objectPosition: p.positions === 0 ? '' : p.positionSum / p.positions },
    });
  }
  edges.sort((a, b) => a.source - b.source || a.target - b.target);
  return {
    type: 'directed',
    directed: true,
    nodes: ids.map((id) => actorNode(set, id, claims.get(id) ?? 0)),
    rows: ids.map((_, i) => i),
    cols: ids.map((_, i) => i),
    edges,
    edgeAttrs: [
      { name: 'addressee', type: 'int' },
      { name: 'object', type: 'int' },
      { name: 'objectPosition', type: 'double' },
    ],
    integerWeights: true,
    statements: statements.length,
    notes: [],
  };
}

/** The dense matrix (row-major, rows × cols); undirected one-mode networks are filled symmetrically. */
export function networkMatrix(net: Network): Float64Array {
  const rowPos = new Map(net.rows.map((node, r) => [node, r]));
  const colPos = new Map(net.cols.map((node, c) => [node, c]));
  const m = new Float64Array(net.rows.length * net.cols.length);
  const symmetric = !net.directed && net.type !== 'two-mode';
  for (const e of net.edges) {
    const r = rowPos.get(e.source)!;
    const c = colPos.get(e.target)!;
    m[r * net.cols.length + c] = e.weight;
    if (symmetric) m[colPos.get(e.source)! + rowPos.get(e.target)! * net.cols.length] = e.weight;
  }
  return m;
}
