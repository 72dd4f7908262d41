import { describe, expect, it } from 'vitest';
import { makeDocx } from '../fixtures/make-docx.ts';
import { makePdf } from '../fixtures/make-pdf.ts';
import { parseDocx } from './docx.ts';
import { parsePdf } from './pdf.ts';

describe('parseDocx', { timeout: 30_000 }, () => {
  it('reads paragraphs and core properties', async () => {
    const a = await parseDocx(makeDocx(['Пирс восстановят', 'Первый абзац статьи.', '', 'Второй абзац 🚢.'], { title: 'Пирс восстановят', creator: 'Редактор', created: '2024-03-05T09:00:00Z' }));
    if ('error' in a) throw new Error(a.error);
    expect(a.title).toBe('Пирс восстановят');
    expect(a.paragraphs?.filter((p) => p.trim() !== '')).toEqual(['Пирс восстановят', 'Первый абзац статьи.', 'Второй абзац 🚢.']);
    expect(a.meta.extra).toEqual({ fileAuthor: 'Редактор', fileCreated: '2024-03-05T09:00:00Z' });
  });

  it('reports a ZIP that is not a Word document', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const a = await parseDocx(zipSync({ 'notes.txt': strToU8('hello') }));
    expect(a).toEqual({ error: expect.stringMatching(/without a Word document/) });
  });
});

describe('parsePdf', { timeout: 30_000 }, () => {
  it('rebuilds paragraphs from lines and gaps, across pages', async () => {
    const pdf = makePdf(
      [
        [['The council of Saltmere voted on Tuesday to', 'delay the rebuilding of the pier.'], ['Fishermen were pleased with the devel-', 'opment, they said.']],
        [['Work will start in spring.']],
      ],
      { title: 'Pier vote delayed' },
    );
    const a = await parsePdf(pdf);
    if ('error' in a) throw new Error(a.error);
    expect(a.title).toBe('Pier vote delayed');
    expect(a.paragraphs).toEqual([
      'The council of Saltmere voted on Tuesday to delay the rebuilding of the pier.',
      'Fishermen were pleased with the development, they said.',
      'Work will start in spring.',
    ]);
  });

  it('drops running heads and page numbers', async () => {
    const head = ['Saltmere Gazette, 5 March 2024'];
    const pdf = makePdf([
      [head, ['The council voted on Tuesday to', 'delay the pier.'], ['Fishermen were pleased', 'with the delay.'], ['1']],
      [head, ['Work will start in spring,', 'the mayor said.'], ['Page 2 of 2']],
    ]);
    const a = await parsePdf(pdf);
    if ('error' in a) throw new Error(a.error);
    expect(a.paragraphs).toEqual([
      'The council voted on Tuesday to delay the pier.',
      'Fishermen were pleased with the delay.',
      'Work will start in spring, the mayor said.',
    ]);
  });

  it('imports the readable pages of a damaged PDF and warns about the others', async () => {
    const good = makePdf([[['The council voted on Tuesday to', 'delay the pier.']], [['Second page text.']]]);
    // Point the second page reference at an object that does not exist (same length, so the
    // cross-reference offsets stay valid).
    const text = String.fromCharCode(...good).replace('/Kids [5 0 R 7 0 R]', '/Kids [5 0 R 9 0 R]');
    expect(text).toContain('/Kids [5 0 R 9 0 R]');
    const a = await parsePdf(Uint8Array.from(text, (c) => c.charCodeAt(0)));
    if ('error' in a) throw new Error(a.error);
    expect(a.paragraphs).toEqual(['The council voted on Tuesday to delay the pier.']);
    expect(a.warnings).toEqual([expect.stringMatching(/^damaged PDF, page 2 unreadable .*; the other pages were imported$/)]);
  });

  it('reports a PDF without a text layer as scanned', async () => {
    const a = await parsePdf(makePdf([[], []]));
    expect(a).toEqual({ error: expect.stringMatching(/^scanned PDF without text/) });
  });

  it('reports a damaged PDF', async () => {
    const a = await parsePdf(new TextEncoder().encode('%PDF-1.4\nthis is not really a pdf'));
    expect('error' in a).toBe(true);
  });
});
