import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeAsyncIo, nodeSyncIo, NotAFileError, writeFileAtomic, writeFileAtomicSync, type AsyncIo, type Step } from './atomic-write.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'presswork-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real file system, except that the disk holds only `capacity` more bytes: writes beyond it are partial, then fail. */
function fullDiskAfter(capacity: number, code = 'ENOSPC'): AsyncIo {
  let left = capacity;
  return async (step: Step) => {
    if (step.op !== 'write') return nodeAsyncIo(step);
    if (left === 0) throw Object.assign(new Error(`${code}: no space left on device, write`), { code });
    const length = Math.min(step.length, left);
    left -= length;
    return nodeAsyncIo({ ...step, length });
  };
}

/** Real file system; records the operations in order. */
function recording(log: string[]): AsyncIo {
  return async (step) => {
    log.push(step.op === 'open' ? `open ${step.flags} ${step.mode.toString(8)}` : step.op);
    return nodeAsyncIo(step);
  };
}

describe('writeFileAtomic', () => {
  it('writes strings and bytes in order over the old file and counts the bytes', async () => {
    const target = join(dir, 'export.csv');
    await writeFile(target, 'old content');
    const bytes = await writeFileAtomic(target, ['id,quote\n', new TextEncoder().encode('1,"Привет 👋"\n'), '2,end\n']);
    const expected = 'id,quote\n1,"Привет 👋"\n2,end\n';
    expect(await readFile(target, 'utf8')).toBe(expected);
    expect(bytes).toBe(Buffer.byteLength(expected));
    expect(await readdir(dir)).toEqual(['export.csv']);
  });

  it('writes chunks that arrive over time, and on a failed source keeps the old file and no temp file', async () => {
    const target = join(dir, 'export.jsonl');
    await writeFile(target, 'previous export');
    async function* arriving(fail: boolean) {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield `{"n":${i}}\n`;
      }
      if (fail) throw new Error('export cancelled');
    }
    await expect(writeFileAtomic(target, arriving(true))).rejects.toThrow('export cancelled');
    expect(await readFile(target, 'utf8')).toBe('previous export');
    expect(await readdir(dir)).toEqual(['export.jsonl']);
    expect(await writeFileAtomic(target, arriving(false))).toBe(24);
    expect(await readFile(target, 'utf8')).toBe('{"n":0}\n{"n":1}\n{"n":2}\n');
  });

  it('keeps writing when the system takes only part of each write', async () => {
    const target = join(dir, 'big.json');
    const big = 'é'.repeat(3 << 20); // larger than the 4 MB buffer once encoded: the big-chunk path
    const io: AsyncIo = (step) => nodeAsyncIo(step.op === 'write' ? { ...step, length: Math.min(step.length, 100_003) } : step);
    const bytes = await writeFileAtomic(target, ['[', big, new Uint8Array([0x5d])], io);
    expect(bytes).toBe(2 + Buffer.byteLength(big));
    expect(await readFile(target, 'utf8')).toBe(`[${big}]`);
  });

  it('on a full disk fails, keeps the old file and leaves no temp file', async () => {
    const target = join(dir, 'export.json');
    await writeFile(target, 'previous export');
    await expect(writeFileAtomic(target, ['x'.repeat(50_000), 'y'.repeat(50_000)], fullDiskAfter(61_440))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('previous export');
    expect(await readdir(dir)).toEqual(['export.json']);
  });

  it('fails instead of looping when the disk takes no bytes at all', async () => {
    const target = join(dir, 'export.json');
    const io: AsyncIo = (step) => (step.op === 'write' ? Promise.resolve(0) : nodeAsyncIo(step));
    await expect(writeFileAtomic(target, ['abc'], io)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const target = join(dir, 'private.json');
    await writeFile(target, 'secret');
    await chmod(target, 0o600);
    await writeFileAtomic(target, ['new secret']);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    await chmod(target, 0o640);
    writeFileAtomicSync(target, ['newer']);
    expect((await stat(target)).mode & 0o777).toBe(0o640);
  });

  it('creates the temp file exclusively, flushes it, renames, then flushes the folder', async () => {
    const log: string[] = [];
    await writeFileAtomic(join(dir, 'new.csv'), ['a,b\n'], recording(log));
    expect(log).toEqual(['stat', 'lstat', 'open wx 666', 'write', 'fsync', 'close', 'rename', 'fsyncDir']);
    log.length = 0;
    await writeFileAtomic(join(dir, 'new.csv'), ['a,b\n'], recording(log));
    expect(log).toEqual(['stat', 'lstat', 'open wx 600', 'write', 'fchmod', 'fsync', 'close', 'rename', 'fsyncDir']);
  });

  it('does not follow a link planted at a predictable temp name', async () => {
    const target = join(dir, 'out.json');
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'do not touch');
    // The names earlier writers used: OUT.<pid>.tmp.
    await symlink(victim, `${target}.${process.pid}.tmp`);
    await writeFileAtomic(target, ['{}']);
    writeFileAtomicSync(target, ['{}']);
    expect(await readFile(victim, 'utf8')).toBe('do not touch');
    expect(await readFile(target, 'utf8')).toBe('{}');
    expect((await lstat(target)).isFile()).toBe(true);
  });

  it('uses a new random temp name each time', async () => {
    const temps: string[] = [];
    const io: AsyncIo = (step) => {
      if (step.op === 'open') temps.push(step.path);
      return nodeAsyncIo(step);
    };
    await writeFileAtomic(join(dir, 'a.json'), ['1'], io);
    await writeFileAtomic(join(dir, 'a.json'), ['2'], io);
    expect(temps).toHaveLength(2);
    expect(temps[0]).not.toBe(temps[1]);
    expect(temps.every((t) => t.startsWith(join(dir, '.a.json.')))).toBe(true);
  });

  it('refuses a folder, a named pipe and a device, changing nothing', async () => {
    const folder = join(dir, 'folder');
    await mkdir(folder);
    await expect(writeFileAtomic(folder, ['x'])).rejects.toThrow(/is a folder, not a regular file/);
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(writeFileAtomic(fifo, ['x'])).rejects.toThrow(/is a named pipe/);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    // A link to a device (like /dev/stdout): the device is refused and the link stays.
    const device = join(dir, 'null');
    await symlink('/dev/null', device);
    expect(() => writeFileAtomicSync(device, ['x'])).toThrow(NotAFileError);
    expect(await readlink(device)).toBe('/dev/null');
    expect((await readdir(dir)).sort()).toEqual(['folder', 'null', 'pipe']);
  });

  it('writes through a link to a file: the link stays a link', async () => {
    const real = join(dir, 'real.csv');
    await writeFile(real, 'old');
    const link = join(dir, 'link.csv');
    await symlink(real, link);
    await writeFileAtomic(link, ['new']);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('new');
  });

  it('keeps the old file when the rename fails', async () => {
    const target = join(dir, 'export.csv');
    await writeFile(target, 'old content');
    const io: AsyncIo = (step) => (step.op === 'rename' ? Promise.reject(Object.assign(new Error('EXDEV'), { code: 'EXDEV' })) : nodeAsyncIo(step));
    await expect(writeFileAtomic(target, ['new'], io)).rejects.toThrow('EXDEV');
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['export.csv']);
  });

  it('cleans up when the data source itself fails midway', async () => {
    function* failing() {
      yield 'a';
      throw new RangeError('broken export');
    }
    await expect(writeFileAtomic(join(dir, 'x.json'), failing())).rejects.toThrow('broken export');
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes an empty file, and fails cleanly when the folder does not exist', async () => {
    await writeFileAtomic(join(dir, 'empty.json'), []);
    expect(await readFile(join(dir, 'empty.json'), 'utf8')).toBe('');
    await expect(writeFileAtomic(join(dir, 'missing', 'x.csv'), ['x'])).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual(['empty.json']);
  });

  it('the synchronous runner does the same steps on a full disk', async () => {
    const target = join(dir, 'window-state.json');
    await writeFile(target, '{"width":1}');
    let left = 5;
    const io = (step: Step) => {
      if (step.op !== 'write') return nodeSyncIo(step);
      if (left === 0) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      const length = Math.min(step.length, left);
      left -= length;
      return nodeSyncIo({ ...step, length });
    };
    expect(() => writeFileAtomicSync(target, ['{"width":1280}'], io)).toThrow('ENOSPC');
    expect(await readFile(target, 'utf8')).toBe('{"width":1}');
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });
});
