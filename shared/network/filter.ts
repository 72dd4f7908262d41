import { UNKNOWN_ACTOR, type Statement } from '../statements/statement.ts';

/** Which statements a network or event list is built from. Every field is optional. */
export interface StatementFilter {
  /** Inclusive, compared on the date part (YYYY-MM-DD); statements without a date are left out when set. */
  from?: string;
  to?: string;
  /** Keep only these coders' statements (a layer); empty or missing: all. */
  coders?: readonly string[];
  outlets?: readonly string[];
  /** Keep only claimants with at least this many statements (after the other filters). */
  minStatements?: number;
  /** Keep statements whose claimant is unknown (left out of networks by default: "unknown" is not one actor). */
  includeUnknown?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a filter date, so that a typo does not silently select nothing. */
export function checkFilterDate(value: string): string | null {
  if (!DAY.test(value) || Number.isNaN(Date.parse(value))) return `"${value}" is not a date (YYYY-MM-DD)`;
  return null;
}

/** Statements ordered by day (those without a date left out), to find a time window by binary search. */
interface DayIndex {
  /** Positions in the statements array, ordered by day. */
  order: Int32Array;
  days: string[];
}

// One index per statements array: a time-window slider rebuilds the network many times over the
// same statements, and re-reading all of them for each window cost more than the network itself.
const dayIndexes = new WeakMap<readonly Statement[], DayIndex>();

function dayIndex(statements: readonly Statement[]): DayIndex {
  let index = dayIndexes.get(statements);
  if (index) return index;
  const dated: number[] = [];
  for (let i = 0; i < statements.length; i++) if (statements[i]!.date !== null) dated.push(i);
  const day = dated.map((i) => statements[i]!.date!.slice(0, 10));
  const byDay = dated.map((_, k) => k).sort((a, b) => (day[a]! < day[b]! ? -1 : day[a]! > day[b]! ? 1 : a - b));
  index = { order: Int32Array.from(byDay, (k) => dated[k]!), days: byDay.map((k) => day[k]!) };
  dayIndexes.set(statements, index);
  return index;
}

/** The first position in `days` whose day is ≥ `day` (or > `day` with `after`). */
function bound(days: readonly string[], day: string, after: boolean): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < day || (after && days[mid] === day)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Positions of the statements a date window keeps, in their original order; null without a window. */
function inWindow(statements: readonly Statement[], f: StatementFilter): Int32Array | null {
  if (f.from === undefined && f.to === undefined) return null;
  const { order, days } = dayIndex(statements);
  const lo = f.from === undefined ? 0 : bound(days, f.from, false);
  const hi = f.to === undefined ? days.length : bound(days, f.to, true);
  return hi <= lo ? new Int32Array(0) : order.slice(lo, hi).sort();
}

export function filterStatements(statements: readonly Statement[], f: StatementFilter = {}): Statement[] {
  const coders = f.coders && f.coders.length > 0 ? new Set(f.coders) : null;
  const outlets = f.outlets && f.outlets.length > 0 ? new Set(f.outlets) : null;
  const out: Statement[] = [];
  const window = inWindow(statements, f);
  const n = window ? window.length : statements.length;
  for (let p = 0; p < n; p++) {
    const s = statements[window ? window[p]! : p]!;
    if (!f.includeUnknown && s.claimant === UNKNOWN_ACTOR) continue;
    if (coders && !coders.has(s.coder)) continue;
    if (outlets && (s.outlet === null || !outlets.has(s.outlet))) continue;
    out.push(s);
  }
  const min = f.minStatements ?? 0;
  if (min <= 1) return out;
  const counts = new Map<string, number>();
  for (const s of out) counts.set(s.claimant, (counts.get(s.claimant) ?? 0) + 1);
  return out.filter((s) => (counts.get(s.claimant) ?? 0) >= min);
}
