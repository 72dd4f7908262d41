import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../model/types.ts';
import { isCleanArticleText } from '../text/normalise.ts';
import { makeDocx } from './fixtures/make-docx.ts';
import { makePdf } from './fixtures/make-pdf.ts';
import { importFile, MAX_FILE_BYTES } from './pipeline.ts';

const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const fixtureText = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const utf8 = (s: string) => new TextEncoder().encode(s);

async function one(name: string, bytes: Uint8Array): Promise<Draft> {
  const r = await importFile({ name, bytes });
  expect(r.problems).toEqual([]);
  expect(r.drafts).toHaveLength(1);
  const draft = r.drafts[0] as Draft;
  expect(isCleanArticleText(draft.text)).toBe(true);
  expect(draft.text).not.toContain('\ufffd');
  return draft;
}

// Generous timeouts: the first legacy detection, Readability and pdfjs load lazily, slow on a busy machine.
describe('importFile: the sample shape', { timeout: 30_000 }, () => {
  it('as .txt', async () => {
    const d = await one('sample.txt', fixtureBytes('sample-shape.txt'));
    expect(d).toEqual({
      source: { file: 'sample.txt' },
      title: 'Harbour town votes to rebuild its old ferry pier',
      text: fixtureText('sample-shape.expected.txt'),
      meta: { language: 'en' },
    });
  });

  it('as an HTML page with the same lines as paragraphs', async () => {
    const lines = fixtureText('sample-shape.txt').trim().split('\n');
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${lines[1]} - Saltmere Post</title>
      <meta property="og:title" content="${lines[1]}"></head><body><div class="post">${lines.map((l) => `<p>${l}</p>`).join('')}</div></body></html>`;
    const d = await one('sample.html', utf8(html));
    expect(d.title).toBe(lines[1]);
    expect(d.text).toBe(fixtureText('sample-shape.expected.txt'));
  });
});

describe('importFile: a blog page of the sample shape, with page chrome around it', { timeout: 30_000 }, () => {
  it('keeps only the ten paragraphs and reads the metadata', async () => {
    const d = await one('blog-page.html', fixtureBytes('blog-page.html'));
    expect(d).toEqual({
      source: { file: 'blog-page.html' },
      title: 'Harbour town votes to rebuild its old ferry pier',
      text: fixtureText('sample-shape.expected.txt'),
      meta: {
        url: 'https://harbour-notes.example/2024/03/pier-vote.html',
        outlet: 'Saltmere Harbour Notes',
        publishedAt: '2024-03-05T18:20:00+01:00',
        language: 'en',
      },
    });
  });
});

describe('importFile: encodings, end to end', { timeout: 30_000 }, () => {
  it.each([
    ['ru-windows-1251.txt', 'ru-utf8.txt', 'ru'],
    ['ru-koi8-r.txt', 'ru-utf8.txt', 'ru'],
    ['ru-ibm866.txt', 'ru-utf8.txt', 'ru'],
    ['ru-iso-8859-5.txt', 'ru-utf8.txt', 'ru'],
    ['ru-utf16le-nobom.txt', 'ru-utf8.txt', 'ru'],
    ['uk-utf8.txt', 'uk-utf8.txt', 'uk'],
    ['uk-windows-1251.txt', 'uk-utf8.txt', 'uk'],
    ['be-utf8.txt', 'be-utf8.txt', 'be'],
    ['be-windows-1251.txt', 'be-utf8.txt', 'be'],
    ['en-utf16le-bom.txt', 'en-utf8.txt', 'en'],
    ['en-utf16be-bom.txt', 'en-utf8.txt', 'en'],
  ])('%s', async (file, expectedFile, language) => {
    const d = await one(file, fixtureBytes(file));
    const [title, ...paragraphs] = fixtureText(expectedFile).trim().split('\n\n');
    expect(d.title).toBe(title);
    expect(d.text).toBe(paragraphs.join('\n\n'));
    expect(d.meta.language).toBe(language);
  });

  it('keeps emoji in title and text', async () => {
    const d = await one('en-utf8.txt', fixtureBytes('en-utf8.txt'));
    expect(d.title).toBe('Ferry timetable changes for the winter 🚢');
    expect(d.text).toContain('— “a necessary saving”');
  });

  it('honours and checks a declared HTML charset, whatever the extension', async () => {
    for (const [file, name] of [
      ['ru-windows-1251.html', 'ru-windows-1251.html'],
      ['ru-declared-utf8-actually-1251.html', 'ru-declared-utf8-actually-1251.html'],
      ['ru-declared-koi8-actually-1251.html', 'ru-declared-koi8-actually-1251.html'],
      ['ru-windows-1251.html', 'saved-page.php'],
    ] as const) {
      const d = await one(name, fixtureBytes(file));
      expect(d.title).toBe('Горсовет отложил ремонт моста');
      expect(d.meta.outlet).toBe('Вести Заречья');
      expect(d.text).toMatch(/^Депутаты городского совета Заречья/);
      expect(d.text).toContain('«слишком опасно»');
      expect(d.meta.language).toBe('ru');
    }
  });
});

describe('importFile: formats', { timeout: 30_000 }, () => {
  it('.md', async () => {
    const d = await one('a.md', utf8('# Pier vote\n\nThe **council** voted.\n\n- First item\n- Second item\n'));
    expect(d).toMatchObject({ title: 'Pier vote', text: 'The council voted.\n\nFirst item\n\nSecond item' });
  });

  it('.json array, with source indexes', async () => {
    const r = await importFile({ name: 'batch.json', bytes: utf8(JSON.stringify({ articles: [{ title: 'A', text: 'Body A.' }, { title: 'B', text: 'Body B.' }] })) });
    expect(r.problems).toEqual([]);
    expect(r.drafts.map((d) => [d.source, d.title, d.text])).toEqual([
      [{ file: 'batch.json', index: 0 }, 'A', 'Body A.'],
      [{ file: 'batch.json', index: 1 }, 'B', 'Body B.'],
    ]);
  });

  it('.ndjson and content sniffing of JSON Lines without extension', async () => {
    const body = '{"title":"A","text":"Body A."}\n{"title":"B","text":"Body B."}\n';
    for (const name of ['x.ndjson', 'x.jsonl', 'x']) {
      const r = await importFile({ name, bytes: utf8(body) });
      expect(r.drafts.map((d) => d.title)).toEqual(['A', 'B']);
    }
  });

  it('JSON Lines saved as .json, and a pretty-printed array saved as .jsonl', async () => {
    const lines = await importFile({ name: 'x.json', bytes: utf8('{"title":"A","text":"Body A."}\n{"title":"B","text":"Body B."}\n') });
    expect(lines.problems).toEqual([]);
    expect(lines.drafts.map((d) => [d.source.index, d.title])).toEqual([
      [0, 'A'],
      [1, 'B'],
    ]);
    const pretty = await importFile({ name: 'x.jsonl', bytes: utf8(JSON.stringify([{ title: 'A', text: 'Body A.' }], null, 2)) });
    expect(pretty.problems).toEqual([]);
    expect(pretty.drafts.map((d) => d.title)).toEqual(['A']);
  });

  it('.csv and .tsv in windows-1251', async () => {
    const { encodeSingleByte } = await import('./fixtures/legacy-encode.ts');
    const csv = 'заголовок,text,outlet\n"Мост","Депутаты отложили ремонт моста.",Вести\n';
    const r = await importFile({ name: 'x.csv', bytes: encodeSingleByte(csv, 'windows-1251') });
    expect(r.problems).toEqual([]);
    expect(r.drafts[0]).toMatchObject({ text: 'Депутаты отложили ремонт моста.', meta: { outlet: 'Вести', extra: { заголовок: 'Мост' } } });
    const tsv = await importFile({ name: 'x.tsv', bytes: utf8('title\ttext\nA\tBody, with comma.\n') });
    expect(tsv.drafts.map((d) => [d.title, d.text])).toEqual([['A', 'Body, with comma.']]);
  });

  it('.docx', async () => {
    const d = await one('a.docx', makeDocx(['Pier vote delayed', 'The council voted to delay the pier.', 'Fishermen were pleased.', 'Share this article']));
    expect(d).toMatchObject({ title: 'Pier vote delayed', text: 'The council voted to delay the pier.\n\nFishermen were pleased.' });
  });

  it('.pdf', async () => {
    const d = await one('a.pdf', makePdf([[['The council voted on Tuesday to', 'delay the pier.'], ['Fishermen were pleased.']]], { title: 'Pier vote delayed' }));
    expect(d).toMatchObject({ title: 'Pier vote delayed', text: 'The council voted on Tuesday to delay the pier.\n\nFishermen were pleased.' });
  });

  it('accepts Node Buffers as well as plain Uint8Arrays for .pdf and .docx', async () => {
    const { Buffer } = await import('node:buffer');
    const pdf = Buffer.from(makePdf([[['Fishermen were pleased.']]]));
    expect((await one('b.pdf', pdf)).text).toBe('Fishermen were pleased.');
    const docx = Buffer.from(makeDocx(['Fishermen were pleased.']));
    expect((await one('b.docx', docx)).text).toBe('Fishermen were pleased.');
  });

  it('.rtf from Word, in windows-1251 with Unicode escapes', async () => {
    const { encodeSingleByte } = await import('./fixtures/legacy-encode.ts');
    const hex = (s: string) => [...encodeSingleByte(s, 'windows-1251')].map((b) => `\\'${b.toString(16)}`).join('');
    const rtf = [
      '{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}',
      `{\\info{\\title ${hex('Мост закроют')}}{\\author Clerk}}`,
      `\\pard ${hex('Депутаты решили закрыть мост')} \\ldblquote ${hex('на зиму')}\\rdblquote .\\par`,
      `{\\*\\generator Word;}${hex('Жители')} \\u1085?\\u1077?${hex('довольны')}\\~\\emdash  2024.\\par}`,
    ].join('\n');
    const d = await one('a.rtf', utf8(rtf));
    expect(d.title).toBe('Мост закроют');
    expect(d.text).toBe('Депутаты решили закрыть мост “на зиму”.\n\nЖители недовольны — 2024.');
  });

  it('an HTML page saved as .txt is read as HTML', async () => {
    const d = await one('page.txt', utf8('<!DOCTYPE html><html><head><title>Pier</title></head><body><p>The council voted.</p><p>Work starts soon.</p></body></html>'));
    expect(d).toMatchObject({ title: 'Pier', text: 'The council voted.\n\nWork starts soon.' });
  });
});

describe('importFile: bad input is a problem, never an exception', { timeout: 30_000 }, () => {
  const problemsOf = async (name: string, bytes: Uint8Array) => {
    const r = await importFile({ name, bytes });
    expect(r.drafts).toEqual([]);
    return r.problems;
  };

  it('empty and blank files', async () => {
    expect(await problemsOf('e.txt', new Uint8Array())).toEqual([{ source: { file: 'e.txt' }, message: 'empty file' }]);
    expect(await problemsOf('b.txt', utf8(' \n\t\n'))).toEqual([{ source: { file: 'b.txt' }, message: 'empty file (only white space)' }]);
  });

  it('binary files', async () => {
    expect(await problemsOf('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual([
      { source: { file: 'photo.txt' }, message: 'binary file (PNG image), not an article file' },
    ]);
    expect((await problemsOf('data.bin', new Uint8Array([1, 2, 0, 0, 3, 4, 0, 0, 5])))[0]?.message).toMatch(/binary file/);
    expect((await problemsOf('fake.pdf', utf8('not a pdf')))[0]?.message).toMatch(/not a valid PDF/);
    expect((await problemsOf('empty.rtf', utf8('{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}}')))[0]?.message).toBe('no text found in the RTF document');
    const { zipSync, strToU8 } = await import('fflate');
    const odt = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') });
    expect((await problemsOf('article.odt', odt))[0]?.message).toBe('OpenDocument text (.odt); save it as .docx');
    expect((await problemsOf('fake.docx', utf8('not a docx')))[0]?.message).toMatch(/not a valid \.docx/);
  });

  it('a broken JSON line: the others are imported', async () => {
    const r = await importFile({ name: 'b.jsonl', bytes: utf8('{"text":"One."}\n{"text":\n{"text":"Three."}\n') });
    expect(r.drafts.map((d) => [d.source.index, d.text])).toEqual([
      [0, 'One.'],
      [2, 'Three.'],
    ]);
    expect(r.problems).toEqual([{ source: { file: 'b.jsonl', index: 1 }, message: expect.stringMatching(/^line 2: not valid JSON/) }]);
  });

  it('a CSV without a text column', async () => {
    const problems = await problemsOf('t.csv', utf8('title,date\nA,2024-01-01\n'));
    expect(problems).toEqual([{ source: { file: 't.csv' }, message: expect.stringMatching(/^no text column/) }]);
  });

  it('a file over the size limit', async () => {
    const problems = await problemsOf('huge.txt', new Uint8Array(MAX_FILE_BYTES + 1));
    expect(problems).toEqual([{ source: { file: 'huge.txt' }, message: 'file too large (100.0 MB; the limit is 100.0 MB)' }]);
  });

  it('a partly damaged PDF: the readable pages as a draft, and a problem naming the page', async () => {
    const good = makePdf([[['The council voted on Tuesday to', 'delay the pier.']], [['Second page text.']]]);
    const broken = String.fromCharCode(...good).replace('/Kids [5 0 R 7 0 R]', '/Kids [5 0 R 9 0 R]');
    const r = await importFile({ name: 'd.pdf', bytes: Uint8Array.from(broken, (c) => c.charCodeAt(0)) });
    expect(r.drafts.map((d) => d.text)).toEqual(['The council voted on Tuesday to delay the pier.']);
    expect(r.problems).toEqual([{ source: { file: 'd.pdf' }, message: expect.stringMatching(/^damaged PDF, page 2 unreadable/) }]);
  });

  it('a page with nothing left after cleaning', async () => {
    const problems = await problemsOf('f.txt', utf8('Post a Comment\nPrevious Post Next Post\n'));
    expect(problems).toEqual([{ source: { file: 'f.txt' }, message: 'no article text left after cleaning' }]);
  });
});

describe('importFile: progress and cancel', { timeout: 60_000 }, () => {
  const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ title: `Article ${i}`, text: `Body of article ${i}, with a few words about the harbour and the ferry pier.` }));
  const bytes = utf8(lines.join('\n'));

  it('reports progress and ends with done = total', async () => {
    const calls: [number, number][] = [];
    const r = await importFile({ name: 'big.jsonl', bytes }, { onProgress: (done, total) => calls.push([done, total]) });
    expect(r.drafts).toHaveLength(3000);
    expect(calls.at(-1)).toEqual([3000, 3000]);
    expect(calls.every(([done, total], i) => total === 3000 && done >= (calls[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('stops between articles when cancelled, keeping only whole drafts', async () => {
    const controller = new AbortController();
    let doneAtAbort = -1;
    const r = await importFile(
      { name: 'big.jsonl', bytes },
      {
        signal: controller.signal,
        onProgress: (done) => {
          if (doneAtAbort < 0 && done > 0) {
            doneAtAbort = done;
            controller.abort();
          }
        },
      },
    );
    // Progress fires every 50 ms; 3,000 articles take far longer than that to clean.
    expect(doneAtAbort).toBeGreaterThan(0);
    expect(doneAtAbort).toBeLessThan(3000);
    expect(r.drafts).toHaveLength(doneAtAbort);
    expect(r.drafts.at(-1)?.title).toBe(`Article ${doneAtAbort - 1}`);
  });
});

describe('importFile: the file report', { timeout: 30_000 }, () => {
  it('says what was detected and what cleaning removed', async () => {
    const r = await importFile({ name: 'sample.txt', bytes: fixtureBytes('sample-shape.txt') });
    expect(r.report).toEqual({
      file: 'sample.txt',
      format: 'plain text',
      encoding: 'utf-8',
      items: 1,
      articles: 1,
      languages: { en: 1 },
      removed: { headline: 2, runOn: 1, duplicates: 0, furniture: 2 },
      notes: [],
    });
  });

  it('names the format and encoding of a legacy file, and counts batch items that became problems', async () => {
    const legacy = await importFile({ name: 'ru.txt', bytes: fixtureBytes('ru-koi8-r.txt') });
    expect(legacy.report).toMatchObject({ format: 'plain text', encoding: 'koi8-r', articles: 1, languages: { ru: 1 } });
    const batch = await importFile({ name: 'b.jsonl', bytes: utf8('{"title":"A","text":"One two three four five six."}\n{"title":"B"}\n') });
    expect(batch.report).toMatchObject({ format: 'JSON Lines', items: 2, articles: 1 });
  });
});
