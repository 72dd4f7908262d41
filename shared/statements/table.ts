/**
 * The statements table: one row per claim with its roles as names, a filter (actor in any role,
 * issue, position, outlet, coder, words), a sort, and counts per claimant, issue and position.
 * Pure, so that 50,000 rows are filtered and sorted without touching the store.
 */
import { actorName, issueName, UNKNOWN_ACTOR, type Statement, type StatementSet } from './statement.ts';

export interface StatementRow {
  id: string;
  articleId: string;
  article: string;
  outlet: string;
  /** The date part (YYYY-MM-DD), '' when the article has none. */
  date: string;
  claimant: string;
  /** The claimant's actor id (or `unknown`), for counts. */
  claimantId: string;
  addressee: string;
  object: string;
  issue: string;
  /** '' when not coded; '+1' style for positive values so the sign is always visible. */
  position: string;
  positionValue: number | null;
  source: string;
  coder: string;
  quote: string;
  /** Actor ids in any role (claimant, addressees, objects, source), for the actor filter. */
  actorIds: string[];
  issueIds: string[];
}

export const SORT_KEYS = ['article', 'outlet', 'date', 'claimant', 'addressee', 'object', 'issue', 'position', 'source', 'coder'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface StatementTableFilter {
  /** An actor id in any role. */
  actor?: string;
  issue?: string;
  /** A position value, or 'none' for claims without one. */
  position?: number | 'none';
  outlet?: string;
  coder?: string;
  /** Words in the claim, article title or any name (case-insensitive). */
  text?: string;
  /** Only these articles (the library filter); undefined: all. */
  articleIds?: ReadonlySet<string>;
}

export function formatPosition(p: number | null): string {
  if (p === null) return '';
  return p > 0 ? `+${p}` : String(p);
}

export function statementRow(set: StatementSet, s: Statement, title: string): StatementRow {
  const actorIds = [s.claimant, ...s.addressees, ...s.objects.map((o) => o.actor)];
  if (s.source?.actor) actorIds.push(s.source.actor);
  return {
    id: s.id,
    articleId: s.articleId,
    article: title,
    outlet: s.outlet ?? '',
    date: s.date ? s.date.slice(0, 10) : '',
    claimant: s.claimant === UNKNOWN_ACTOR ? 'unknown' : actorName(set, s.claimant),
    claimantId: s.claimant,
    addressee: s.addressees.map((a) => actorName(set, a)).join('; '),
    object: s.objects.map((o) => actorName(set, o.actor) + (o.position !== null ? ` (${formatPosition(o.position)})` : '')).join('; '),
    issue: s.issues.map((i) => issueName(set, i)).join('; '),
    position: formatPosition(s.position),
    positionValue: s.position,
    source: s.source?.label ?? '',
    coder: s.coder,
    quote: s.quote,
    actorIds: [...new Set(actorIds)],
    issueIds: s.issues,
  };
}

export function statementRows(set: StatementSet, titles: ReadonlyMap<string, string>): StatementRow[] {
  return set.statements.map((s) => statementRow(set, s, titles.get(s.articleId) ?? s.articleId));
}

export function filterRows(rows: readonly StatementRow[], f: StatementTableFilter): StatementRow[] {
  const text = f.text?.trim().toLocaleLowerCase() ?? '';
  return rows.filter((r) => {
    if (f.articleIds && !f.articleIds.has(r.articleId)) return false;
    if (f.actor !== undefined && !r.actorIds.includes(f.actor)) return false;
    if (f.issue !== undefined && !r.issueIds.includes(f.issue)) return false;
    if (f.position !== undefined && (f.position === 'none' ? r.positionValue !== null : r.positionValue !== f.position)) return false;
    if (f.outlet !== undefined && r.outlet !== f.outlet) return false;
    if (f.coder !== undefined && r.coder !== f.coder) return false;
    if (text) {
      const hay = `${r.quote}\n${r.article}\n${r.claimant}\n${r.addressee}\n${r.object}\n${r.issue}\n${r.source}`.toLocaleLowerCase();
      if (!hay.includes(text)) return false;
    }
    return true;
  });
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A stable sort; empty cells go last in both directions (a missing value is not "smallest"). */
export function sortRows(rows: readonly StatementRow[], key: SortKey, dir: 'asc' | 'desc'): StatementRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const indexed = rows.map((r, i) => ({ r, i }));
  indexed.sort((a, b) => {
    if (key === 'position') {
      const x = a.r.positionValue;
      const y = b.r.positionValue;
      if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
      return (x - y) * sign || a.i - b.i;
    }
    const x = a.r[key];
    const y = b.r[key];
    if (x === '' || y === '') return x === y ? a.i - b.i : x === '' ? 1 : -1;
    return collator.compare(x, y) * sign || a.i - b.i;
  });
  return indexed.map((x) => x.r);
}

export interface Count {
  key: string;
  label: string;
  n: number;
}

export interface StatementCounts {
  claimants: Count[];
  issues: Count[];
  positions: Count[];
}

function top(map: Map<string, Count>, limit: number): Count[] {
  return [...map.values()].sort((a, b) => b.n - a.n || collator.compare(a.label, b.label)).slice(0, limit);
}

function bump(map: Map<string, Count>, key: string, label: string): void {
  const c = map.get(key);
  if (c) c.n++;
  else map.set(key, { key, label, n: 1 });
}

/** Claims per claimant, issue and position among the rows (the filtered table). */
export function countRows(set: StatementSet, rows: readonly StatementRow[], limit = 12): StatementCounts {
  const claimants = new Map<string, Count>();
  const issues = new Map<string, Count>();
  const positions = new Map<string, Count>();
  for (const r of rows) {
    bump(claimants, r.claimantId, r.claimant);
    for (const i of r.issueIds) bump(issues, i, issueName(set, i));
    bump(positions, r.positionValue === null ? 'none' : String(r.positionValue), r.positionValue === null ? 'no position' : r.position);
  }
  return { claimants: top(claimants, limit), issues: top(issues, limit), positions: top(positions, limit) };
}
