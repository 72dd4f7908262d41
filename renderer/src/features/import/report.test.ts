import { describe, expect, it } from 'vitest';
import { formatReport, groupProblems } from './report.ts';

describe('import report', () => {
  const problems = [
    { source: { file: 'feed.jsonl', index: 1 }, message: 'line 2: not valid JSON' },
    { source: { file: 'empty.txt' }, message: 'The file is empty.' },
    { source: { file: 'feed.jsonl', index: 4 }, message: 'line 5: no text' },
  ];

  it('groups problems per file in order of first appearance', () => {
    expect(groupProblems(problems)).toEqual([
      { file: 'feed.jsonl', messages: ['line 2: not valid JSON', 'line 5: no text'] },
      { file: 'empty.txt', messages: ['The file is empty.'] },
    ]);
  });

  it('writes counts and every problem under its file name', () => {
    const text = formatReport('Elections', { phase: 'done', filesTotal: 4, filesRead: 4, added: 7, duplicates: 2, problems }, new Date('2026-03-01T10:20:00Z'));
    expect(text).toContain('"Elections" — 2026-03-01 10:20 UTC');
    expect(text).toContain('Articles added: 7');
    expect(text).toContain('Duplicates skipped: 2');
    expect(text).toContain('Problems: 3');
    expect(text).toContain('feed.jsonl\n  - line 2: not valid JSON\n  - line 5: no text');
    expect(text).toContain('empty.txt\n  - The file is empty.');
  });
});
