import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type Bridge, type MenuCommand } from '../../shared/bridge/contract.ts';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
  getPathForFile: vi.fn(),
  send: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener, send: electron.send },
  webUtils: { getPathForFile: electron.getPathForFile },
}));

let bridge: Bridge;
beforeAll(async () => {
  await import('./index.ts');
  bridge = electron.exposed.get('presswork') as Bridge;
});

describe('preload', () => {
  it('exposes exactly the bridge, under one name', () => {
    expect([...electron.exposed.keys()]).toEqual(['presswork']);
    expect(Object.keys(bridge).sort()).toEqual(['appInfo', 'onCloseRequest', 'onMenuCommand', 'openDropped', 'openFiles', 'openFolder', 'saveFile', 'saveStreamClose', 'saveStreamOpen', 'saveStreamWrite', 'showInFolder']);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('unwraps ok results and sends the right channel and arguments', async () => {
    electron.invoke.mockResolvedValueOnce({ ok: true, value: { status: 'saved', location: '/tmp/x.csv' } });
    const request = { suggestedName: 'x.csv', parts: ['a'] };
    await expect(bridge.saveFile(request)).resolves.toEqual({ status: 'saved', location: '/tmp/x.csv' });
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.saveFile, request);
  });

  it('throws the error of a failed call', async () => {
    electron.invoke.mockResolvedValueOnce({ ok: false, error: 'Permission denied' });
    await expect(bridge.openFolder()).rejects.toThrow('Permission denied');
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.openFolder);
  });

  it('passes only known menu commands to the listener, and unsubscribes', () => {
    const received: MenuCommand[] = [];
    const unsubscribe = bridge.onMenuCommand((command) => received.push(command));
    const [channel, onMessage] = electron.on.mock.calls.at(-1) as [string, (event: unknown, command: unknown) => void];
    expect(channel).toBe(IPC_CHANNELS.menuCommand);
    onMessage({}, 'import-files');
    onMessage({}, 'rm -rf');
    onMessage({}, { command: 'undo' });
    onMessage({}, 'undo');
    expect(received).toEqual(['import-files', 'undo']);
    unsubscribe();
    expect(electron.removeListener).toHaveBeenCalledWith(IPC_CHANNELS.menuCommand, onMessage);
  });

  it('resolves dropped files to paths, ignoring files made by script', async () => {
    const real = new File(['a'], 'a.txt');
    const synthetic = new File(['b'], 'b.txt');
    electron.getPathForFile.mockImplementation((file: File) => (file === real ? '/home/u/a.txt' : ''));
    electron.invoke.mockResolvedValueOnce({ ok: true, value: { files: [], unreadable: [] } });
    await bridge.openDropped?.([real, synthetic]);
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.openDropped, ['/home/u/a.txt']);
    electron.invoke.mockClear();
    expect(await bridge.openDropped?.([synthetic])).toEqual({ files: [], unreadable: [] });
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('answers a close request once the page has settled its writes', async () => {
    let finish!: () => void;
    const settle = vi.fn(() => new Promise<void>((r) => (finish = r)));
    const unsubscribe = bridge.onCloseRequest?.(settle);
    const [channel, onMessage] = electron.on.mock.calls.at(-1) as [string, () => void];
    expect(channel).toBe(IPC_CHANNELS.closeRequest);
    onMessage();
    expect(settle).toHaveBeenCalledOnce();
    await Promise.resolve();
    expect(electron.send).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(electron.send).toHaveBeenCalledWith(IPC_CHANNELS.closeReady));
    unsubscribe?.();
    expect(electron.removeListener).toHaveBeenCalledWith(IPC_CHANNELS.closeRequest, onMessage);
  });
});
