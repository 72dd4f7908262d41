/**
 * The channel map is checked by the compiler: the `@ts-expect-error` lines below are type-level
 * tests (`npm run typecheck` fails if any of them stops being an error), the `it`s check the
 * typed invoke at run time.
 */
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { INVOKE_CHANNEL, IPC_CHANNELS, typedInvoke, type AppInfo, type Bridge, type InvokeHandlers, type InvokeResult, type OpenResult, type SaveResult } from './contract.ts';

const empty: OpenResult = { files: [], unreadable: [] };

const handlers: InvokeHandlers = {
  openFiles: async () => empty,
  openFolder: async () => empty,
  openDropped: async (_paths: string[]) => empty,
  saveFile: async (request) => ({ status: 'saved', location: request.suggestedName }),
  saveStreamOpen: async () => ({ status: 'open', stream: 's' }),
  saveStreamWrite: async (_stream: string, _parts: (string | Uint8Array)[]) => {},
  saveStreamClose: async (_stream: string, _commit: boolean) => ({ status: 'cancelled' }),
  appInfo: async () => ({ name: 'Presswork', version: '0', shell: 'desktop' }),
  showInFolder: async (_location: string) => {},
};

describe('main’s handlers satisfy the channel map', () => {
  it('refuses, at compile time, a handler with a wrong result, wrong arguments, or a missing one', () => {
    const wrongResult: InvokeHandlers = {
      ...handlers,
      // @ts-expect-error appInfo must resolve to AppInfo, not to a string
      appInfo: async () => 'Presswork 0',
    };
    const wrongSave: InvokeHandlers = {
      ...handlers,
      // @ts-expect-error a SaveResult is 'saved' with a location or 'cancelled'
      saveFile: async () => ({ status: 'written' }),
    };
    const wrongArguments: InvokeHandlers = {
      ...handlers,
      // @ts-expect-error showInFolder takes the location as a string
      showInFolder: async (_location: number) => {},
    };
    const wrongStream: InvokeHandlers = {
      ...handlers,
      // @ts-expect-error a stream is opened with a request, and answers 'open' with its id or 'cancelled'
      saveStreamOpen: async () => ({ status: 'open' }),
    };
    expect(wrongStream).toBeDefined();
    // @ts-expect-error every call of the map needs its handler
    const missing: InvokeHandlers = { openFiles: handlers.openFiles };
    expect([wrongResult, wrongSave, wrongArguments, missing]).toHaveLength(4);
    expectTypeOf<InvokeResult<'saveFile'>>().toEqualTypeOf<SaveResult>();
  });
});

describe('the page’s bridge satisfies the same map', () => {
  it('refuses, at compile time, a shell whose call returns the wrong shape', () => {
    const { openDropped: _byPath, ...calls } = handlers;
    const shell: Bridge = { ...calls, onMenuCommand: () => () => {} };
    // @ts-expect-error the page drops Files; only main's side takes paths
    const pathsOnPage: Bridge = { ...shell, openDropped: handlers.openDropped };
    expect(pathsOnPage).toBeDefined();
    const wrongShell: Bridge = {
      ...shell,
      // @ts-expect-error openFiles must resolve to an OpenResult (files and unreadable)
      openFiles: async () => ({ files: [] }),
    };
    expect(wrongShell).toBeDefined();
  });
});

describe('typedInvoke (the preload’s invoke)', () => {
  it('sends the call’s channel and arguments and unwraps the answer', async () => {
    const raw = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: { name: 'Presswork', version: '1', shell: 'desktop' } }));
    const invoke = typedInvoke(raw);
    const info = await invoke('appInfo');
    expectTypeOf(info).toEqualTypeOf<AppInfo>();
    expect(info.version).toBe('1');
    expect(raw).toHaveBeenLastCalledWith(IPC_CHANNELS.appInfo);
    raw.mockResolvedValueOnce({ ok: true, value: undefined });
    await invoke('showInFolder', '/tmp/x.csv');
    expect(raw).toHaveBeenLastCalledWith('presswork:show-in-folder', '/tmp/x.csv');
  });

  it('throws the error main answered with', async () => {
    const invoke = typedInvoke(async () => ({ ok: false, error: 'Permission denied' }));
    await expect(invoke('openFolder')).rejects.toThrow('Permission denied');
  });

  it('refuses, at compile time, calls with missing or wrong arguments and results used as another type', async () => {
    const invoke = typedInvoke(async () => ({ ok: true, value: empty }));
    const calls = async () => {
      // @ts-expect-error saveFile needs its request
      await invoke('saveFile');
      // @ts-expect-error showInFolder takes a string
      await invoke('showInFolder', 3);
      // @ts-expect-error there is no such call
      await invoke('deleteEverything');
      // @ts-expect-error appInfo resolves to AppInfo, not OpenResult
      const opened: OpenResult = await invoke('appInfo');
      return opened;
    };
    expect(typeof calls).toBe('function');
  });

  it('has a distinct presswork: channel for every call', () => {
    const channels = Object.values(INVOKE_CHANNEL);
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels.every((c) => c.startsWith('presswork:'))).toBe(true);
  });
});
