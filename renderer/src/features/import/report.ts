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
  for (const { file, messages } of groupProblems(progress.problems)) {
    lines.push('', file);
    for (const m of messages) lines.push(`  - ${m}`);
  }
  return lines.join('\n') + '\n';
}
