import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chmod, mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMainHandlers, type HandlerDeps } from './handlers.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'presswork-handlers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(open: { canceled: boolean; filePaths: string[] }, save: { canceled: boolean; filePath?: string }) {
  const deps = {
    dialog: { showOpenDialog: vi.fn(async () => open), showSaveDialog: vi.fn(async () => save) },
    shell: { showItemInFolder: vi.fn() },
    getWindow: () => null,
    appInfo: { name: 'Presswork', version: '0.1.0', shell: 'desktop' as const },
    defaultSaveDir: () => dir,
  };
  return { deps, handlers: createMainHandlers(deps as unknown as HandlerDeps) };
}

describe('main handlers', () => {
  it('opens files through the dialog and returns their bytes by base name', async () => {
    await writeFile(join(dir, 'one.txt'), 'One');
    const { handlers, deps } = setup({ canceled: false, filePaths: [join(dir, 'one.txt')] }, { canceled: true });
    const result = await handlers.openFiles();
    expect(result.files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([['one.txt', 'One']]);
    expect(deps.dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile', 'multiSelections'] }));
  });

  it('returns nothing when a dialog is cancelled', async () => {
    const { handlers } = setup({ canceled: true, filePaths: [] }, { canceled: true });
    expect(await handlers.openFiles()).toEqual({ files: [], unreadable: [] });
    expect(await handlers.openFolder()).toEqual({ files: [], unreadable: [] });
    expect(await handlers.saveFile({ suggestedName: 'x.csv', parts: ['x'] })).toEqual({ status: 'cancelled' });
  });

  it('opens a folder with relative names', async () => {
    await mkdir(join(dir, 'corpus', 'sub'), { recursive: true });
    await writeFile(join(dir, 'corpus', 'sub', 'a.md'), '# A');
    const { handlers } = setup({ canceled: false, filePaths: [join(dir, 'corpus')] }, { canceled: true });
    expect((await handlers.openFolder()).files.map((f) => f.name)).toEqual(['sub/a.md']);
  });

  it('saves where the user chose, suggesting a safe name, then may reveal only that file', async () => {
    const target = join(dir, 'chosen.csv');
    const { handlers, deps } = setup({ canceled: true, filePaths: [] }, { canceled: false, filePath: target });
    const result = await handlers.saveFile({ suggestedName: '../../evil.csv', parts: ['a', new Uint8Array([98])] });
    expect(result).toEqual({ status: 'saved', location: target });
    expect(await readFile(target, 'utf8')).toBe('ab');
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join(dir, 'evil.csv') }));

    await handlers.showInFolder(target);
    expect(deps.shell.showItemInFolder).toHaveBeenCalledWith(target);
    await expect(handlers.showInFolder('/etc/passwd')).rejects.toThrow(/saved in this session/);
    expect(deps.shell.showItemInFolder).toHaveBeenCalledTimes(1);
  });

  it('saving over a private (0600) export keeps it private, with no temp file left', async () => {
    const target = join(dir, 'interviews.json');
    await writeFile(target, 'old');
    await chmod(target, 0o600);
    const { handlers } = setup({ canceled: true, filePaths: [] }, { canceled: false, filePath: target });
    await handlers.saveFile({ suggestedName: 'interviews.json', parts: ['{"new":true}'] });
    expect(await readFile(target, 'utf8')).toBe('{"new":true}');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['interviews.json']);
  });

  it('streams a save in parts into the chosen file, and a discarded one leaves the old file', async () => {
    const target = join(dir, 'export.jsonl');
    await writeFile(target, 'old');
    const { handlers } = setup({ canceled: true, filePaths: [] }, { canceled: false, filePath: target });
    const first = await handlers.saveStreamOpen({ suggestedName: 'export.jsonl' });
    if (first.status !== 'open') throw new Error('expected an open stream');
    await handlers.saveStreamWrite(first.stream, ['{"a":1}\n']);
    expect(await handlers.saveStreamClose(first.stream, false)).toEqual({ status: 'cancelled' });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['export.jsonl']);

    const second = await handlers.saveStreamOpen({ suggestedName: 'export.jsonl' });
    if (second.status !== 'open') throw new Error('expected an open stream');
    await handlers.saveStreamWrite(second.stream, ['{"a":1}\n', new Uint8Array([123, 125])]);
    await handlers.saveStreamWrite(second.stream, ['\n']);
    expect(await handlers.saveStreamClose(second.stream, true)).toEqual({ status: 'saved', location: target });
    expect(await readFile(target, 'utf8')).toBe('{"a":1}\n{}\n');
    await expect(handlers.saveStreamWrite(second.stream, ['late'])).rejects.toThrow(/No such save/);
  });

  it('a cancelled stream dialog opens nothing', async () => {
    const { handlers } = setup({ canceled: true, filePaths: [] }, { canceled: true });
    expect(await handlers.saveStreamOpen({ suggestedName: 'x.csv' })).toEqual({ status: 'cancelled' });
  });

  it('refuses relative dropped paths and answers app info', async () => {
    const { handlers } = setup({ canceled: true, filePaths: [] }, { canceled: true });
    await expect(handlers.openDropped(['relative.txt'])).rejects.toThrow(/absolute/);
    expect(await handlers.appInfo()).toEqual({ name: 'Presswork', version: '0.1.0', shell: 'desktop' });
  });
});
