/**
 * The figures the charts draw, as plain rows (one per bar segment), so that each chart can also be
 * shown as a table for screen readers and checked in tests.
 */
import { actorName, UNKNOWN_ACTOR, type Statement, type StatementSet } from './statement.ts';
import { formatPosition } from './table.ts';

export interface ActorPositionRow {
  actor: string;
  /** '+1', '0', '-1', … or 'no position'. */
  position: string;
  claims: number;
}

/** Claims per claimant (the `limit` most active; unknown claimants left out), stacked by position. */
export function claimsPerActor(set: StatementSet, statements: readonly Statement[], limit = 15): ActorPositionRow[] {
  const totals = new Map<string, number>();
  const cells = new Map<string, Map<string, number>>();
  for (const s of statements) {
    if (s.claimant === UNKNOWN_ACTOR) continue;
    totals.set(s.claimant, (totals.get(s.claimant) ?? 0) + 1);
    const pos = s.position === null ? 'no position' : formatPosition(s.position);
    const row = cells.get(s.claimant) ?? new Map<string, number>();
    row.set(pos, (row.get(pos) ?? 0) + 1);
    cells.set(s.claimant, row);
  }
  const chosen = [...totals.entries()].sort((a, b) => b[1] - a[1] || actorName(set, a[0]).localeCompare(actorName(set, b[0]))).slice(0, limit);
  const out: ActorPositionRow[] = [];
  for (const [id] of chosen) {
    for (const [position, claims] of [...(cells.get(id) ?? new Map<string, number>()).entries()].sort()) out.push({ actor: actorName(set, id), position, claims });
  }
  return out;
}

/**
 * Words that mark a source as anonymous ("sources said", "officials", "источник", "джерело").
 * A claim whose claimant is unknown counts as anonymous too: nobody is named.
 */
const ANONYMOUS = /\b(anonymous|unnamed|sources?|officials?|insiders?|people familiar)\b|источник|анонимн|джерел|анонімн|крыніц/iu;

export function isAnonymous(s: Statement): boolean {
  if (s.source) return s.source.actor === null && ANONYMOUS.test(s.source.label);
  return s.claimant === UNKNOWN_ACTOR;
}

export interface SourcesPerArticleRow {
  /** Distinct sources and claimants named in the article ("5+" pools the long tail). */
  sources: string;
  articles: number;
}

/** How many articles cite 0, 1, 2 … distinct sources (a source: the attributed source, else the claimant). */
export function sourcesPerArticle(statements: readonly Statement[]): SourcesPerArticleRow[] {
  const perArticle = new Map<string, Set<string>>();
  for (const s of statements) {
    const set = perArticle.get(s.articleId) ?? new Set<string>();
    const key = s.source ? (s.source.actor ?? `label:${s.source.label.toLocaleLowerCase()}`) : s.claimant === UNKNOWN_ACTOR ? null : s.claimant;
    if (key) set.add(key);
    perArticle.set(s.articleId, set);
  }
  const counts = [0, 0, 0, 0, 0, 0];
  for (const set of perArticle.values()) counts[Math.min(set.size, 5)]! += 1;
  return counts.map((articles, n) => ({ sources: n === 5 ? '5+' : String(n), articles }));
}

export interface AnonymousShareRow {
  outlet: string;
  claims: number;
  anonymous: number;
  /** 0…1 */
  share: number;
}

export function anonymousShareByOutlet(statements: readonly Statement[]): AnonymousShareRow[] {
  const m = new Map<string, { claims: number; anonymous: number }>();
  for (const s of statements) {
    const outlet = s.outlet ?? '(no outlet)';
    const c = m.get(outlet) ?? { claims: 0, anonymous: 0 };
    c.claims++;
    if (isAnonymous(s)) c.anonymous++;
    m.set(outlet, c);
  }
  return [...m.entries()].map(([outlet, c]) => ({ outlet, ...c, share: c.anonymous / c.claims })).sort((a, b) => b.share - a.share || a.outlet.localeCompare(b.outlet));
}

export type Period = 'week' | 'month';

/** The period a date falls in: 'YYYY-MM' for a month, the ISO week's Monday 'YYYY-MM-DD' for a week. */
export function periodOf(date: string, period: Period): string {
  const day = date.slice(0, 10);
  if (period === 'month') return day.slice(0, 7);
  const d = new Date(`${day}T00:00:00Z`);
  const shift = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - shift);
  return d.toISOString().slice(0, 10);
}

export interface OverTimeRow {
  period: string;
  position: string;
  claims: number;
}

/** Claims per week or month, by position; statements without a date are left out (and counted). */
export function claimsOverTime(statements: readonly Statement[], period: Period): { rows: OverTimeRow[]; undated: number } {
  const m = new Map<string, number>();
  let undated = 0;
  for (const s of statements) {
    if (!s.date || !/^\d{4}-\d{2}-\d{2}/.test(s.date)) {
      undated++;
      continue;
    }
    const key = `${periodOf(s.date, period)}\u0000${s.position === null ? 'no position' : formatPosition(s.position)}`;
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  const rows = [...m.entries()].map(([k, claims]) => {
    const [p, position] = k.split('\u0000') as [string, string];
    return { period: p, position, claims };
  });
  rows.sort((a, b) => a.period.localeCompare(b.period) || a.position.localeCompare(b.position));
  return { rows, undated };
}
