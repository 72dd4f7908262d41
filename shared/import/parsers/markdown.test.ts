import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown.ts';

describe('parseMarkdown', () => {
  it('reduces Markdown to text and keeps paragraphs', () => {
    const md = [
      '---',
      'title: "Pier vote"',
      'date: 2024-03-05',
      'author: Ann Lee',
      '---',
      '',
      '# Ignored because front matter has a title',
      '',
      'The **council** voted on _Tuesday_ to rebuild the [pier](https://x.example).',
      'It was a long meeting.',
      '',
      '![photo](pier.jpg)',
      '',
      '## What happens next',
      '',
      '- Work starts in `November`',
      '- It ends in May',
      '',
      '> A quoted line',
      '',
      '```',
      'code stays as text',
      '```',
    ].join('\n');
    const a = parseMarkdown(md);
    expect(a.title).toBe('Pier vote');
    expect(a.meta).toEqual({ author: 'Ann Lee', publishedAt: '2024-03-05' });
    expect(a.paragraphs).toEqual([
      'Ignored because front matter has a title',
      'The council voted on Tuesday to rebuild the pier. It was a long meeting.',
      'What happens next',
      'Work starts in November',
      'It ends in May',
      'A quoted line',
      'code stays as text',
    ]);
  });

  it('keeps snake_case words and arithmetic as written', () => {
    expect(parseMarkdown('See file_name_here and 5 * 3 = 15, __bold__ and _it_.').paragraphs).toEqual(['See file_name_here and 5 * 3 = 15, bold and it.']);
  });

  it('takes the first level-1 heading as title', () => {
    const a = parseMarkdown('# Pier vote\n\nBody text.\n');
    expect(a.title).toBe('Pier vote');
    expect(a.paragraphs).toEqual(['Body text.']);
  });
});
