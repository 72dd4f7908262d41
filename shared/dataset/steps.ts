/**
 * Long computations written once as generators that `yield` at safe points ("steps"), then run
 * either at once (CLI, tests: `runSteps`) or in slices that give the event loop back between them
 * (the app: `runStepsSliced`), so that reading a 200 MB dataset never freezes the window.
 */
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface SliceOptions {
  /** Longest stretch of work between two pauses, in ms (default 25: well under a 50 ms long task). */
  budgetMs?: number;
  /** Gives the event loop back (default: a macrotask, so input and painting run in between). */
  pause?: () => Promise<void>;
}

export function nextMacrotask(): Promise<void> {
  // A MessageChannel message is a macrotask without setTimeout's 4 ms clamp on nested calls.
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    // Typed as Node's port in some configurations; both runtimes support `onmessage`.
    const port = channel.port1 as unknown as { onmessage: (() => void) | null; close(): void };
    port.onmessage = () => {
      port.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export async function runStepsSliced<T>(steps: Steps<T>, opts: SliceOptions = {}): Promise<T> {
  const budget = opts.budgetMs ?? 25;
  const pause = opts.pause ?? nextMacrotask;
  let since = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - since >= budget) {
      await pause();
      since = performance.now();
    }
  }
}
