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

export function filterStatements(statements: readonly Statement[], f: StatementFilter = {}): Statement[] {
  const coders = f.coders && f.coders.length > 0 ? new Set(f.coders) : null;
  const outlets = f.outlets && f.outlets.length > 0 ? new Set(f.outlets) : null;
  const out: Statement[] = [];
  for (const s of statements) {
    if (!f.includeUnknown && s.claimant === UNKNOWN_ACTOR) continue;
    if (coders && !coders.has(s.coder)) continue;
    if (outlets && (s.outlet === null || !outlets.has(s.outlet))) continue;
    if (f.from !== undefined || f.to !== undefined) {
      if (s.date === null) continue;
      const day = s.date.slice(0, 10);
      if (f.from !== undefined && day < f.from) continue;
      if (f.to !== undefined && day > f.to) continue;
    }
    out.push(s);
  }
  const min = f.minStatements ?? 0;
  if (min <= 1) return out;
  const counts = new Map<string, number>();
  for (const s of out) counts.set(s.claimant, (counts.get(s.claimant) ?? 0) + 1);
  return out.filter((s) => (counts.get(s.claimant) ?? 0) >= min);
}
