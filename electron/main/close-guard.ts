// Closing the window waits for the page to finish the writes it has started (an annotation the
// coder saw painted must be stored), but never forever: after a timeout the window closes anyway.

/** The parts of a BrowserWindow the guard uses (so that it is tested without Electron). */
export interface GuardedWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
  webContents: { id: number; send(channel: string): void; isDestroyed(): boolean };
}

export interface CloseGuardDeps {
  /** Channel on which main asks the page to settle its writes. */
  requestChannel: string;
  /** Subscribes to the page's "ready" answers, with the sender's webContents id; returns unsubscribe. */
  onReady(listener: (senderId: number) => void): () => void;
  timeoutMs: number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  log(message: string): void;
}

export function guardWindowClose(window: GuardedWindow, deps: CloseGuardDeps): void {
  let state: 'open' | 'waiting' | 'closing' = 'open';
  window.on('close', (event) => {
    if (state === 'closing') return;
    event.preventDefault();
    if (state === 'waiting') return; // a second click on ✕ while waiting: still waiting
    if (window.webContents.isDestroyed()) {
      state = 'closing';
      window.close();
      return;
    }
    state = 'waiting';
    const finish = (why: string | null) => {
      if (state !== 'waiting') return;
      state = 'closing';
      off();
      deps.clearTimer(timer);
      if (why !== null) deps.log(why);
      if (!window.isDestroyed()) window.close();
    };
    const off = deps.onReady((senderId) => {
      if (senderId === window.webContents.id) finish(null);
    });
    const timer = deps.setTimer(() => finish(`window closed after ${deps.timeoutMs} ms without the page confirming its writes`), deps.timeoutMs);
    window.webContents.send(deps.requestChannel);
  });
}
