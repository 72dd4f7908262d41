import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../shared/bridge/contract.ts';
import { createDispatcher, INVOKE_CHANNELS, registerIpc, type SenderEvent } from './ipc.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from './protocol.ts';

const OUR_ID = 7;

function handlers() {
  return {
    openFiles: vi.fn(async () => ({ files: [], unreadable: [] })),
    openFolder: vi.fn(async () => ({ files: [], unreadable: [] })),
    openDropped: vi.fn(async () => ({ files: [], unreadable: [] })),
    saveFile: vi.fn(async () => ({ status: 'saved' as const, location: '/tmp/out.csv' })),
    saveStreamOpen: vi.fn(async () => ({ status: 'cancelled' as const })),
    saveStreamWrite: vi.fn(async () => undefined),
    saveStreamClose: vi.fn(async () => ({ status: 'cancelled' as const })),
    appInfo: vi.fn(async () => ({ name: 'Presswork', version: '1.0.0', shell: 'desktop' as const })),
    showInFolder: vi.fn(async () => undefined),
  };
}

function mainFrameEvent(url = APP_ENTRY_URL, id = OUR_ID): SenderEvent {
  const frame = { url, parent: null };
  return { sender: { id, mainFrame: frame }, senderFrame: frame };
}

function setup() {
  const h = handlers();
  const log = vi.fn();
  const dispatch = createDispatcher({ handlers: h, appOrigin: APP_ORIGIN, isOurWebContents: (id) => id === OUR_ID, log });
  return { h, log, dispatch };
}

describe('IPC dispatcher', () => {
  it('calls the handler with validated arguments and wraps the value', async () => {
    const { h, dispatch } = setup();
    const request = { suggestedName: 'corpus.csv', parts: ['a,b\n', new Uint8Array([49, 44, 50])], mimeType: 'text/csv' };
    const result = await dispatch(IPC_CHANNELS.saveFile, mainFrameEvent(), [request]);
    expect(result).toEqual({ ok: true, value: { status: 'saved', location: '/tmp/out.csv' } });
    expect(h.saveFile).toHaveBeenCalledWith(request);
    const info = await dispatch(IPC_CHANNELS.appInfo, mainFrameEvent(), []);
    expect(info).toEqual({ ok: true, value: { name: 'Presswork', version: '1.0.0', shell: 'desktop' } });
  });

  it('refuses unknown channels, including prototype names', async () => {
    const { h, dispatch, log } = setup();
    for (const channel of ['presswork:exec', 'constructor', '__proto__', IPC_CHANNELS.menuCommand]) {
      expect(await dispatch(channel, mainFrameEvent(), [])).toEqual({ ok: false, error: 'Unknown channel' });
    }
    expect(Object.values(h).every((fn) => fn.mock.calls.length === 0)).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('unknown channel'));
  });

  it.each([
    ['no arguments', IPC_CHANNELS.saveFile, []],
    ['an extra argument', IPC_CHANNELS.openFiles, ['/etc']],
    ['a path that is not a string', IPC_CHANNELS.showInFolder, [42]],
    ['an empty path', IPC_CHANNELS.showInFolder, ['']],
    ['a NUL in a path', IPC_CHANNELS.showInFolder, ['/tmp/a\0b']],
    ['parts that are objects', IPC_CHANNELS.saveFile, [{ suggestedName: 'x.csv', parts: [{ toString: 'evil' }] }]],
    ['a missing name', IPC_CHANNELS.saveFile, [{ parts: ['x'] }]],
    ['an unknown field', IPC_CHANNELS.saveFile, [{ suggestedName: 'x.csv', parts: [], path: '/etc/passwd' }]],
    ['a huge name', IPC_CHANNELS.saveFile, [{ suggestedName: 'x'.repeat(300), parts: [] }]],
    ['a stream that is not an id', IPC_CHANNELS.saveStreamWrite, ['../x', ['a']]],
    ['stream parts that are objects', IPC_CHANNELS.saveStreamWrite, ['0b8f3a52-3f0e-4d43-9c55-8b8f1f0a9a11', [{ toString: 'evil' }]]],
    ['a close without its answer', IPC_CHANNELS.saveStreamClose, ['0b8f3a52-3f0e-4d43-9c55-8b8f1f0a9a11']],
    ['no dropped paths', IPC_CHANNELS.openDropped, [[]]],
    ['dropped paths that are not strings', IPC_CHANNELS.openDropped, [[{ path: '/etc' }]]],
  ])('rejects %s', async (_label, channel, args) => {
    const { h, dispatch, log } = setup();
    const result = await dispatch(channel, mainFrameEvent(), args as unknown[]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Invalid arguments/);
    expect(Object.values(h).every((fn) => fn.mock.calls.length === 0)).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('invalid arguments'));
  });

  it('refuses a sub-frame of our window', async () => {
    const { h, dispatch } = setup();
    const main = { url: APP_ENTRY_URL, parent: null };
    const sub = { url: APP_ENTRY_URL, parent: main };
    const result = await dispatch(IPC_CHANNELS.openFiles, { sender: { id: OUR_ID, mainFrame: main }, senderFrame: sub }, []);
    expect(result).toEqual({ ok: false, error: 'Sender not allowed' });
    expect(h.openFiles).not.toHaveBeenCalled();
  });

  it('refuses a main frame showing a foreign page', async () => {
    const { h, dispatch, log } = setup();
    const result = await dispatch(IPC_CHANNELS.openFiles, mainFrameEvent('https://evil.example/'), []);
    expect(result).toEqual({ ok: false, error: 'Sender not allowed' });
    expect(h.openFiles).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('foreign URL'));
  });

  it('refuses webContents that are not our windows, and destroyed frames', async () => {
    const { h, dispatch } = setup();
    expect(await dispatch(IPC_CHANNELS.appInfo, mainFrameEvent(APP_ENTRY_URL, 99), [])).toEqual({ ok: false, error: 'Sender not allowed' });
    expect(await dispatch(IPC_CHANNELS.appInfo, { sender: { id: OUR_ID }, senderFrame: null }, [])).toEqual({ ok: false, error: 'Sender not allowed' });
    expect(h.appInfo).not.toHaveBeenCalled();
  });

  it('turns a handler error into an error value', async () => {
    const { h, dispatch } = setup();
    vi.mocked(h.openFolder).mockRejectedValueOnce(new Error('Permission denied'));
    expect(await dispatch(IPC_CHANNELS.openFolder, mainFrameEvent(), [])).toEqual({ ok: false, error: 'Permission denied' });
  });
});

describe('registerIpc', () => {
  it('registers exactly the invoke channels of the contract', async () => {
    const handle = vi.fn();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 1 }));
    registerIpc({ handle }, dispatch);
    const registered = handle.mock.calls.map(([channel]) => channel as string).sort();
    const expected = Object.values(IPC_CHANNELS).filter((c) => c !== IPC_CHANNELS.menuCommand && c !== IPC_CHANNELS.closeRequest && c !== IPC_CHANNELS.closeReady).sort();
    expect(registered).toEqual(expected);
    expect([...INVOKE_CHANNELS].sort()).toEqual(expected);
    // The registered listener forwards channel, event and arguments to the dispatcher.
    const [channel, listener] = handle.mock.calls[0] as [string, (event: unknown, ...args: unknown[]) => unknown];
    const event = mainFrameEvent();
    await listener(event, 'a', 2);
    expect(dispatch).toHaveBeenCalledWith(channel, event, ['a', 2]);
  });
});
