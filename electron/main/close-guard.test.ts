import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { guardWindowClose, type CloseGuardDeps } from './close-guard.ts';

function fakeWindow(id = 7) {
  const emitter = new EventEmitter();
  const win = {
    closed: 0,
    sent: [] as string[],
    on: (event: 'close', listener: (e: { preventDefault(): void }) => void) => emitter.on(event, listener),
    isDestroyed: () => false,
    webContents: { id, send: (channel: string) => win.sent.push(channel), isDestroyed: () => false },
    /** What Electron does on close(): emit 'close'; the window goes away unless prevented. */
    close() {
      let prevented = false;
      emitter.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) win.closed++;
    },
  };
  return win;
}

function deps(overrides: Partial<CloseGuardDeps> = {}) {
  const ready = new Set<(id: number) => void>();
  const timers: (() => void)[] = [];
  const d: CloseGuardDeps = {
    requestChannel: 'ask',
    onReady: (l) => {
      ready.add(l);
      return () => ready.delete(l);
    },
    timeoutMs: 5000,
    setTimer: (fn) => timers.push(fn),
    clearTimer: vi.fn(),
    log: vi.fn(),
    ...overrides,
  };
  return { d, answer: (id: number) => [...ready].forEach((l) => l(id)), fireTimer: () => timers.forEach((t) => t()), ready };
}

describe('guardWindowClose', () => {
  it('keeps the window open until the page says its writes are done', () => {
    const win = fakeWindow();
    const { d, answer, ready } = deps();
    guardWindowClose(win, d);
    win.close();
    expect(win.closed).toBe(0);
    expect(win.sent).toEqual(['ask']);
    win.close(); // clicked again while waiting: no second request
    expect(win.sent).toEqual(['ask']);
    answer(99); // another window's page
    expect(win.closed).toBe(0);
    answer(7);
    expect(win.closed).toBe(1);
    expect(ready.size).toBe(0);
    expect(d.log).not.toHaveBeenCalled();
  });

  it('closes after the timeout when the page never answers, and says so', () => {
    const win = fakeWindow();
    const { d, fireTimer } = deps();
    guardWindowClose(win, d);
    win.close();
    fireTimer();
    expect(win.closed).toBe(1);
    expect(d.log).toHaveBeenCalledWith(expect.stringContaining('5000 ms'));
  });
});
