import { describeDetection, describeRemoved, type FileReport } from '@shared/import/file-report.ts';
import type { ImportProblem } from '@shared/model/types.ts';
import type { ImportProgress } from './run-import.ts';

export interface FileProblems {
  file: string;
  messages: string[];
}

/** Problems grouped per file, files in the order their first problem arrived. */
export function groupProblems(problems: readonly ImportProblem[]): FileProblems[] {
  const byFile = new Map<string, string[]>();
  for (const p of problems) {
    const list = byFile.get(p.source.file) ?? [];
    list.push(p.message);
    byFile.set(p.source.file, list);
  }
  return Array.from(byFile, ([file, messages]) => ({ file, messages }));
}

export interface FileSummary {
  file: string;
  /** Absent for files that never reached the pipeline (unreadable, refused by the shell). */
  report?: FileReport;
  messages: string[];
}

/**
 * One entry per file: files that never reached the pipeline first (as their problems arrive
 * first), then every file read, in import order, with its problems.
 */
export function fileSummaries(progress: Pick<ImportProgress, 'problems' | 'files'>): FileSummary[] {
  const groups = groupProblems(progress.problems);
  const reported = new Set(progress.files.map((r) => r.file));
  const messagesOf = new Map(groups.map((g) => [g.file, g.messages]));
  const out: FileSummary[] = groups.filter((g) => !reported.has(g.file)).map((g) => ({ file: g.file, messages: g.messages }));
  for (const report of progress.files) out.push({ file: report.file, report, messages: messagesOf.get(report.file) ?? [] });
  return out;
}

const OUTCOME: Record<ImportProgress['phase'], string> = {
  running: 'Import in progress',
  cancelling: 'Import being cancelled',
  done: 'Import finished',
  cancelled: 'Import cancelled',
  failed: 'Import stopped by an error',
};

/** The plain-text report the "Copy report" button puts on the clipboard. */
export function formatReport(projectName: string, progress: ImportProgress, when: Date = new Date()): string {
  const lines = [
    `Presswork import into "${projectName}" — ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `${OUTCOME[progress.phase]}.`,
    `Files read: ${progress.filesRead} of ${progress.filesTotal}`,
    `Articles added: ${progress.added}`,
    `Duplicates skipped: ${progress.duplicates}`,
    `Problems: ${progress.problems.length}`,
  ];
  if (progress.error) lines.push(`Error: ${progress.error}`);
  for (const { file, messages, report } of fileSummaries(progress)) {
    lines.push('', file);
    for (const m of messages) lines.push(`  - ${m}`);
    if (!report) continue;
    lines.push(`  Read as: ${describeDetection(report)}`);
    const removed = describeRemoved(report.removed);
    lines.push(`  Cleaning removed: ${removed || 'nothing'}`);
    for (const note of report.notes) lines.push(`  Note: ${note}`);
  }
  return lines.join('\n') + '\n';
}
