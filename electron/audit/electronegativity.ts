// Judging electronegativity's findings: every HIGH or MEDIUM finding must either be fixed or be
// listed, with its reason, in docs/electronegativity-accepted.json. Pure, so it is unit-tested;
// scripts/audit-electron.ts runs the scanner and calls this.
import { z } from 'zod';

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  /** Path relative to the scanned tree, with `/` separators. */
  file: string;
  line: number;
  column: number;
  sample: string;
}

export const acceptedFileSchema = z.strictObject({
  accepted: z.array(
    z.strictObject({
      check: z.string().regex(/^[A-Z0-9_]+$/),
      file: z.string().min(1),
      // A reason that says something: why the finding is not a vulnerability here, or what covers it.
      reason: z.string().min(40),
    }),
  ),
});
export type AcceptedFinding = z.infer<typeof acceptedFileSchema>['accepted'][number];

export const BLOCKING_SEVERITIES: ReadonlySet<string> = new Set(['HIGH', 'MEDIUM']);

export interface Classification {
  /** HIGH/MEDIUM with no accepted entry: the audit fails. */
  unexplained: Finding[];
  /** HIGH/MEDIUM covered by an entry. */
  explained: { finding: Finding; reason: string }[];
  /** LOW/INFORMATIONAL: reported, never blocking. */
  informational: Finding[];
  /** Entries that match no finding any more: they should be removed. */
  stale: AcceptedFinding[];
}

export function classifyFindings(findings: readonly Finding[], accepted: readonly AcceptedFinding[]): Classification {
  const result: Classification = { unexplained: [], explained: [], informational: [], stale: [] };
  const used = new Set<AcceptedFinding>();
  for (const finding of findings) {
    if (!BLOCKING_SEVERITIES.has(finding.severity.toUpperCase())) {
      result.informational.push(finding);
      continue;
    }
    const entry = accepted.find((candidate) => candidate.check === finding.check && candidate.file === finding.file);
    if (entry === undefined) {
      result.unexplained.push(finding);
    } else {
      used.add(entry);
      result.explained.push({ finding, reason: entry.reason });
    }
  }
  result.stale = accepted.filter((entry) => !used.has(entry));
  return result;
}

/** Test files are not shipped and fake Electron on purpose; they are left out of the scan. */
export function isScannedSource(relativePath: string): boolean {
  return /\.(ts|tsx|js|mjs|html)$/.test(relativePath) && !/\.(test|spec)\.[cm]?[jt]sx?$/.test(relativePath) && !relativePath.split('/').includes('node_modules');
}

function where(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}`;
}

export function formatReport(result: Classification): string {
  const lines: string[] = [];
  for (const { finding, reason } of result.explained) lines.push(`accepted  ${finding.severity.padEnd(6)} ${finding.check} ${where(finding)}\n          ${reason}`);
  for (const finding of result.informational) lines.push(`info      ${finding.severity.padEnd(6)} ${finding.check} ${where(finding)}`);
  for (const finding of result.unexplained) lines.push(`FAIL      ${finding.severity.padEnd(6)} ${finding.check} ${where(finding)}  ${finding.sample.slice(0, 100)}`);
  for (const entry of result.stale) lines.push(`stale     accepted entry ${entry.check} ${entry.file} matches no finding: remove it`);
  lines.push(
    `${result.unexplained.length === 0 ? 'electronegativity: OK' : 'electronegativity: FAILED'} — ${result.unexplained.length} unexplained HIGH/MEDIUM, ${result.explained.length} accepted, ${result.informational.length} low/informational`,
  );
  return lines.join('\n');
}
