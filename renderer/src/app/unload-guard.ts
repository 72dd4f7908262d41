import type { Bridge } from '@shared/bridge/contract.ts';
import { pendingWrites, whenWritesSettled } from './pending-writes.ts';

/** The page's own limit; main's is longer, so the page normally answers first. */
const SETTLE_MS = 8_000;

/**
 * Keeps started writes from being lost when the page goes away. Desktop: main asks before it
 * closes the window, and we answer once the writes are done. Web: the browser's "Leave page?"
 * prompt while any is pending (Electron would silently cancel the close instead, so not there).
 */
export function installUnloadGuard(bridge: Bridge): void {
  if (bridge.onCloseRequest) {
    bridge.onCloseRequest(async () => {
      await whenWritesSettled(SETTLE_MS);
    });
    return;
  }
  window.addEventListener('beforeunload', (event) => {
    if (pendingWrites() === 0) return;
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = '';
  });
}
