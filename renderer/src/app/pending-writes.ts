/**
 * Writes to the store that have started and not yet finished. An annotation is painted in the
 * same task that starts storing it; this count is what the page asks before it goes away (the
 * web shell warns on `beforeunload`, the desktop shell waits for it before closing the window).
 */
let pending = 0;
let waiters: (() => void)[] = [];

/** Counts `write` as pending until it settles; returns it unchanged. */
export function trackWrite<T>(write: Promise<T>): Promise<T> {
  pending++;
  const done = () => {
    pending--;
    if (pending === 0) {
      const ready = waiters;
      waiters = [];
      for (const w of ready) w();
    }
  };
  write.then(done, done);
  return write;
}

export function pendingWrites(): number {
  return pending;
}

/** Resolves true once nothing is pending, or false when `timeoutMs` passes first. */
export function whenWritesSettled(timeoutMs: number): Promise<boolean> {
  if (pending === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiters = waiters.filter((w) => w !== onIdle);
      resolve(false);
    }, timeoutMs);
    const onIdle = () => {
      clearTimeout(timer);
      resolve(true);
    };
    waiters.push(onIdle);
  });
}
