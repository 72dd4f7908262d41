import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, open, rm, symlink, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  isHiddenOrSystem,
  readDroppedPaths,
  readFileLimited,
  readFolder,
  readPickedFiles,
  safeFileName,
  walkFolder,
} from './files.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'presswork-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading picked files', () => {
  it('reads bytes exactly and reports unreadable files by name', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x00, 0xff]);
    await writeFile(join(dir, 'a.txt'), bytes);
    await writeFile(join(dir, 'big.txt'), 'x'.repeat(2000));
    const result = await readPickedFiles(
      [
        { path: join(dir, 'a.txt'), name: 'a.txt' },
        { path: join(dir, 'gone.txt'), name: 'gone.txt' },
        { path: join(dir, 'big.txt'), name: 'big.txt' },
      ],
      { maxFileBytes: 1000, maxTotalBytes: 10_000 },
    );
    expect(result.files).toEqual([{ name: 'a.txt', bytes }]);
    expect(result.unreadable.map((u) => u.name)).toEqual(['gone.txt', 'big.txt']);
    expect(result.unreadable[0]?.error).toBe('File not found');
    expect(result.unreadable[1]?.error).toMatch(/limit/);
  });

  it('stops at the total limit and says why', async () => {
    for (const name of ['1.txt', '2.txt', '3.txt']) await writeFile(join(dir, name), 'x'.repeat(400));
    const picked = ['1.txt', '2.txt', '3.txt'].map((name) => ({ path: join(dir, name), name }));
    const result = await readPickedFiles(picked, { maxFileBytes: 1000, maxTotalBytes: 1000 });
    expect(result.files.map((f) => f.name)).toEqual(['1.txt', '2.txt']);
    expect(result.unreadable).toEqual([{ name: '3.txt', error: expect.stringMatching(/Import the rest separately/) }]);
  });

  it('readFileLimited refuses a file over the limit and folders', async () => {
    await writeFile(join(dir, 'f.txt'), '12345');
    expect(new TextDecoder().decode(await readFileLimited(join(dir, 'f.txt'), 5))).toBe('12345');
    await expect(readFileLimited(join(dir, 'f.txt'), 4)).rejects.toThrow(/limit/);
    await expect(readFileLimited(dir)).rejects.toThrow();
  });
});

describe('named pipes (FIFOs)', () => {
  let fifo: string;
  beforeEach(() => {
    fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
  });
  afterEach(async () => {
    // Without the fix a read waits for a writer forever: be that writer so the test process can end.
    await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK).then((h) => h.close(), () => undefined);
  });

  it('a picked FIFO is reported at once, the other files are read', async () => {
    await writeFile(join(dir, 'a.txt'), 'article');
    const result = await readPickedFiles([
      { path: fifo, name: 'pipe.txt' },
      { path: join(dir, 'a.txt'), name: 'a.txt' },
    ]);
    expect(result.files.map((f) => f.name)).toEqual(['a.txt']);
    expect(result.unreadable).toEqual([{ name: 'pipe.txt', error: 'Not a regular file (a named pipe)' }]);
  });

  it('a dropped FIFO is reported at once', async () => {
    const result = await readDroppedPaths([fifo]);
    expect(result).toEqual({ files: [], unreadable: [{ name: 'pipe.txt', error: 'Not a regular file (a named pipe)' }] });
  });

  it('readFileLimited refuses it without waiting for a writer', async () => {
    await expect(readFileLimited(fifo)).rejects.toThrow('Not a regular file (a named pipe)');
  });
});

describe('folder walk', () => {
  beforeEach(async () => {
    await mkdir(join(dir, 'press', '2024', 'march'), { recursive: true });
    await mkdir(join(dir, 'press', '.git'));
    await mkdir(join(dir, 'press', '__MACOSX'));
    await writeFile(join(dir, 'press', 'b.html'), '<p>b</p>');
    await writeFile(join(dir, 'press', 'a.txt'), 'a');
    await writeFile(join(dir, 'press', '2024', 'c.md'), 'c');
    await writeFile(join(dir, 'press', '2024', 'march', 'd.json'), '[]');
    await writeFile(join(dir, 'press', '.DS_Store'), 'junk');
    await writeFile(join(dir, 'press', 'Thumbs.db'), 'junk');
    await writeFile(join(dir, 'press', '.git', 'config'), 'junk');
    await writeFile(join(dir, 'press', '__MACOSX', 'x'), 'junk');
    await symlink('/etc', join(dir, 'press', 'etc-link'));
  });

  it('lists every file below the folder with relative / names, skipping hidden and system files', async () => {
    const listing = await walkFolder(join(dir, 'press'));
    expect(listing.files.map((f) => f.name)).toEqual(['a.txt', 'b.html', '2024/c.md', '2024/march/d.json']);
    expect(listing.files[3]?.path).toBe(join(dir, 'press', '2024', 'march', 'd.json'));
    expect(listing.skipped).toEqual([{ name: 'etc-link', error: 'Symbolic link not followed' }]);
  });

  it('reads the files of a folder and stops listing past the file limit', async () => {
    const result = await readFolder(join(dir, 'press'));
    expect(result.files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['a.txt', 'a'],
      ['b.html', '<p>b</p>'],
      ['2024/c.md', 'c'],
      ['2024/march/d.json', '[]'],
    ]);
    const limited = await walkFolder(join(dir, 'press'), { maxFiles: 2 });
    expect(limited.files).toHaveLength(2);
    expect(limited.skipped.filter((s) => s.error.includes('more than 2 files'))).toHaveLength(2);
  });

  it('reads dropped files and folders, naming folder contents under the folder name', async () => {
    const result = await readDroppedPaths([join(dir, 'press', '2024'), join(dir, 'press', 'a.txt'), join(dir, 'nope.txt')]);
    expect(result.files.map((f) => f.name)).toEqual(['a.txt', '2024/c.md', '2024/march/d.json']);
    expect(result.unreadable).toEqual([{ name: 'nope.txt', error: 'File not found' }]);
  });
});

describe('names', () => {
  it('recognises hidden and system files', () => {
    expect(['.DS_Store', '.hidden', 'Thumbs.db', 'desktop.ini', '~$report.docx', '__MACOSX'].every(isHiddenOrSystem)).toBe(true);
    expect(['article.txt', 'Thumbs.txt', 'data.json'].some(isHiddenOrSystem)).toBe(false);
  });

  it('reduces a suggested name to a safe base name', () => {
    expect(safeFileName('corpus-2024.csv')).toBe('corpus-2024.csv');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\evil.csv')).toBe('evil.csv');
    expect(safeFileName('a:b*c?.json')).toBe('a_b_c_.json');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('...')).toBe('export');
  });
});
