import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '@shared/import/fixtures/make-docx.ts';
import { makePdf } from '../../shared/import/fixtures/make-pdf.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => join(root, 'shared/import/fixtures', name);

function clean(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'cli/bin.mjs'), 'clean', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'presswork-clean-'));
  writeFileSync(join(dir, 'batch.jsonl'), '{"title":"A","text":"Body of A.","url":"https://x.example/a"}\n{"text": broken\n{"title":"C","text":"Body of C."}\n');
  writeFileSync(join(dir, 'no-text.csv'), 'title,date\nA,2024-01-01\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'article.docx'), makeDocx(['Pier vote delayed', 'The council voted to delay the pier.']));
  writeFileSync(join(dir, 'article.pdf'), makePdf([[['The council voted on Tuesday to', 'delay the pier.'], ['Fishermen were pleased.']]], { title: 'Pier vote' }));
  writeFileSync(join(dir, 'scan.pdf'), makePdf([[]]));
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'folder', 'one.md'), '# One\n\nFirst body.\n');
  writeFileSync(join(dir, 'folder', 'two.txt'), 'Second body.\n');
}, 30_000);

// Each case spawns Node + tsx: seconds each on a loaded machine.
describe('presswork clean', { timeout: 60_000 }, () => {
  it('prints --help and exits 0', () => {
    const r = clean('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: presswork clean/);
  });

  it('prints one exact draft per line for a clean file and exits 0', () => {
    const r = clean(fixture('sample-shape.txt'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const draft = JSON.parse(lines[0] ?? '');
    expect(Object.keys(draft)).toEqual(['source', 'title', 'text', 'meta']);
    expect(draft).toEqual({
      source: { file: fixture('sample-shape.txt') },
      title: 'Harbour town votes to rebuild its old ferry pier',
      text: readFileSync(fixture('sample-shape.expected.txt'), 'utf8'),
      meta: { language: 'en' },
    });
  });

  it('decodes legacy encodings', () => {
    const r = clean(fixture('ru-koi8-r.txt'), fixture('uk-windows-1251.txt'));
    expect(r.code).toBe(0);
    const drafts = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(drafts.map((d) => [d.title, d.meta.language])).toEqual([
      ['Горсовет Заречья отложил ремонт старого моста', 'ru'],
      ['Міськрада Заріччя відклала ремонт старого мосту', 'uk'],
    ]);
  });

  it('imports the good lines of a batch, reports problems on stderr by file and line, exits 1', () => {
    const batch = join(dir, 'batch.jsonl');
    const r = clean(batch, join(dir, 'no-text.csv'), join(dir, 'empty.txt'), join(dir, 'missing.txt'));
    expect(r.code).toBe(1);
    const drafts = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(drafts).toEqual([
      { source: { file: batch, index: 0 }, title: 'A', text: 'Body of A.', meta: { url: 'https://x.example/a' } },
      { source: { file: batch, index: 2 }, title: 'C', text: 'Body of C.', meta: {} },
    ]);
    const problems = r.stderr.trimEnd().split('\n');
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(new RegExp(`^${batch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 2: not valid JSON`));
    expect(problems[1]).toMatch(/no-text\.csv: no text column/);
    expect(problems[2]).toMatch(/empty\.txt: empty file$/);
    expect(problems[3]).toMatch(/missing\.txt: file not found$/);
  });

  it('reads .docx and .pdf files and reports a scanned PDF', () => {
    const r = clean(join(dir, 'article.docx'), join(dir, 'article.pdf'), join(dir, 'scan.pdf'));
    expect(r.code).toBe(1);
    const drafts = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(drafts.map((d) => [d.title, d.text])).toEqual([
      ['Pier vote delayed', 'The council voted to delay the pier.'],
      ['Pier vote', 'The council voted on Tuesday to delay the pier.\n\nFishermen were pleased.'],
    ]);
    expect(r.stderr).toBe(`${join(dir, 'scan.pdf')}: scanned PDF without text (no text layer; run OCR first)\n`);
  });

  it('reads a folder recursively', () => {
    const r = clean(join(dir, 'folder'));
    expect(r.code).toBe(0);
    const drafts = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(drafts.map((d) => [d.source.file, d.title, d.text])).toEqual([
      [join(dir, 'folder', 'one.md'), 'One', 'First body.'],
      [join(dir, 'folder', 'two.txt'), '', 'Second body.'],
    ]);
  });

  it('stops quietly when the reader closes the pipe (| head)', async () => {
    const big = join(dir, 'big.jsonl');
    writeFileSync(big, Array.from({ length: 3000 }, (_, i) => JSON.stringify({ title: `T${i}`, text: `Body number ${i} about the harbour.` })).join('\n'));
    const child = spawn(process.execPath, [join(root, 'cli/bin.mjs'), 'clean', big, big], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE/);
    expect(code).toBe(0);
  });

  it('exits 2 without files or with an unknown option', () => {
    expect(clean().code).toBe(2);
    expect(clean('--frobnicate', 'x.txt').code).toBe(2);
  });

  it('says on stderr how many invalid byte sequences a UTF-8 file had, exit 0 (a note, not a problem)', () => {
    const file = join(dir, 'damaged-utf8.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('Water board report\n\nThe regional water board met on Tuesday. '), Buffer.from([0xff]), Buffer.from('he regional council agreed.\n')]));
    const r = clean(file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`${file}: note: 1 invalid byte sequence (not UTF-8), shown as \ufffd\n`);
    expect(JSON.parse(r.stdout).text).toContain('\ufffdhe regional council');
  });

  it('escapes control characters of file names and messages: no terminal codes, no forged lines', () => {
    // A name that would colour the terminal red and start a fake problem line of its own.
    const name = 'note\u001b[31m\nreport.txt: forged problem\u001b[0m\u202e.txt';
    writeFileSync(join(dir, name), '');
    const r = clean(join(dir, name));
    expect(r.code).toBe(1);
    // eslint-disable-next-line no-control-regex -- looking for exactly these
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`${join(dir, 'note')}\\e[31m\\nreport.txt: forged problem\\e[0m\\u202e.txt: empty file`);
    const unknown = clean('--x\u001b]0;title\u0007');
    expect(unknown.stderr.split('\n')[0]).toBe('presswork clean: unknown option --x\\e]0;title\\x07');
  });
});
