import { describe, expect, it } from 'vitest';
import type { FileReport } from '@shared/import/file-report.ts';
import { fileSummaries, formatReport, groupProblems } from './report.ts';

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
    const text = formatReport('Elections', { phase: 'done', filesTotal: 4, filesRead: 4, added: 7, duplicates: 2, problems, files: [] }, new Date('2026-03-01T10:20:00Z'));
    expect(text).toContain('"Elections" — 2026-03-01 10:20 UTC');
    expect(text).toContain('Articles added: 7');
    expect(text).toContain('Duplicates skipped: 2');
    expect(text).toContain('Problems: 3');
    expect(text).toContain('feed.jsonl\n  - line 2: not valid JSON\n  - line 5: no text');
    expect(text).toContain('empty.txt\n  - The file is empty.');
  });

  const feed: FileReport = {
    file: 'vesti.xml',
    format: 'RSS feed',
    encoding: 'koi8-r',
    items: 3,
    articles: 2,
    languages: { ru: 2 },
    removed: { headline: 1, runOn: 1, duplicates: 0, furniture: 3 },
    notes: ['fields not imported: media:content (2 items)'],
  };
  const page: FileReport = { file: 'page.html', format: 'HTML page', encoding: 'utf-8', items: 1, articles: 1, languages: { en: 1 }, removed: { headline: 0, runOn: 0, duplicates: 0, furniture: 0 }, notes: [] };

  it('says per file what was detected and what cleaning removed, problems first', () => {
    const progress = {
      phase: 'done' as const,
      filesTotal: 3,
      filesRead: 3,
      added: 3,
      duplicates: 0,
      problems: [
        { source: { file: 'locked.txt' }, message: 'Could not be read: permission denied' },
        { source: { file: 'vesti.xml', index: 2 }, message: 'item 3: no text' },
      ],
      files: [feed, page],
    };
    expect(fileSummaries(progress).map((f) => f.file)).toEqual(['locked.txt', 'vesti.xml', 'page.html']);
    const text = formatReport('Feeds', progress, new Date('2026-03-01T10:20:00Z'));
    expect(text).toContain(
      [
        'vesti.xml',
        '  - item 3: no text',
        '  Read as: RSS feed · KOI8-R · 3 items → 2 articles · ru',
        '  Cleaning removed: repeated headline, run-on copy, 3 furniture lines',
        '  Note: fields not imported: media:content (2 items)',
      ].join('\n'),
    );
    expect(text).toContain('page.html\n  Read as: HTML page · UTF-8 · 1 article · en\n  Cleaning removed: nothing');
    expect(text).toContain('locked.txt\n  - Could not be read: permission denied\n\n');
  });
});
