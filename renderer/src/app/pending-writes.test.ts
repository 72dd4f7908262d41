import { describe, expect, it } from 'vitest';
import { pendingWrites, trackWrite, whenWritesSettled } from './pending-writes.ts';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('pending writes', () => {
  it('counts writes until they settle, failed ones included, and wakes waiters when none is left', async () => {
    const a = deferred();
    const b = deferred();
    void trackWrite(a.promise);
    trackWrite(b.promise).catch(() => {});
    expect(pendingWrites()).toBe(2);
    const settled = whenWritesSettled(60_000);
    a.resolve();
    await a.promise;
    expect(pendingWrites()).toBe(1);
    b.reject(new Error('disk full'));
    await expect(settled).resolves.toBe(true);
    expect(pendingWrites()).toBe(0);
  });

  it('gives up after the timeout when a write never finishes', async () => {
    const never = deferred();
    void trackWrite(never.promise);
    await expect(whenWritesSettled(1)).resolves.toBe(false);
    never.resolve();
    await never.promise;
    await expect(whenWritesSettled(1)).resolves.toBe(true);
  });
});
