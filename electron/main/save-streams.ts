// Saves whose bytes arrive from the page in pieces (the app's exports): each goes straight into
// the atomic writer, so neither the page nor main ever holds the whole file.
import { randomUUID } from 'node:crypto';
import { writeFileAtomic, type Chunk } from '../../node/atomic-write.ts';

/** Parts handed over by the page, read by the writer as they come. */
export class PartQueue implements AsyncIterable<Chunk> {
  private parts: Chunk[] = [];
  private wake: (() => void) | null = null;
  private drained: (() => void) | null = null;
  private ended = false;
  private failure: Error | null = null;

  /** Resolves once the writer has taken every part given so far: the page sends the next then. */
  push(parts: readonly Chunk[]): Promise<void> {
    if (this.ended || this.failure) return Promise.reject(new Error('this save is already closed'));
    this.parts.push(...parts);
    const taken = new Promise<void>((resolve) => (this.drained = resolve));
    this.signal();
    return taken;
  }

  end(): void {
    this.ended = true;
    this.signal();
  }

  /** The writer stops with this error: its temp file is removed, the target left as it was. */
  fail(error: Error): void {
    this.failure = error;
    this.signal();
  }

  private signal(): void {
    this.wake?.();
    this.wake = null;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Chunk> {
    for (;;) {
      if (this.failure) throw this.failure;
      const next = this.parts.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      this.drained?.();
      this.drained = null;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

export type AtomicWriter = (target: string, chunks: AsyncIterable<Chunk>) => Promise<number>;

export function createSaveStreams(write: AtomicWriter = writeFileAtomic) {
  const open = new Map<string, { queue: PartQueue; done: Promise<number>; path: string }>();
  const get = (id: string) => {
    const stream = open.get(id);
    if (!stream) throw new Error('No such save in progress');
    return stream;
  };
  return {
    begin(path: string): string {
      const id = randomUUID();
      const queue = new PartQueue();
      const done = write(path, queue);
      // Seen by `write` or `close`; not an unhandled rejection meanwhile.
      done.catch(() => {});
      open.set(id, { queue, done, path });
      return id;
    },
    async write(id: string, parts: readonly Chunk[]): Promise<void> {
      const stream = get(id);
      // A failed write (a full disk) answers at once instead of waiting for a writer that stopped.
      await Promise.race([stream.queue.push(parts), stream.done.then(() => Promise.reject(new Error('the file is already written')))]);
    },
    /** The saved path, or null when discarded (nothing is left on disk then). */
    async close(id: string, commit: boolean): Promise<string | null> {
      const stream = get(id);
      open.delete(id);
      if (commit) {
        stream.queue.end();
        await stream.done;
        return stream.path;
      }
      stream.queue.fail(new Error('Export cancelled'));
      await stream.done.catch(() => {});
      return null;
    },
    get openCount(): number {
      return open.size;
    },
  };
}
