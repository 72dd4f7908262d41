import { describe, expect, it } from 'vitest';
import type { ImportRequest, ImportResponse } from './protocol.ts';
import { createWorkerPool, type WorkerLike } from './worker-pool.ts';

/** A worker stand-in that answers asynchronously, or dies on a file named "crash". */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<ImportResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: string[] = [];
  transferred: Transferable[][] = [];
  terminated = false;
  postMessage(message: ImportRequest, transfer: Transferable[]) {
    this.received.push(message.name);
    this.transferred.push(transfer);
    setTimeout(() => {
      if (message.name === 'crash') {
        this.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
        return;
      }
      const text = new TextDecoder().decode(message.buffer);
      this.onmessage?.({ data: { id: message.id, drafts: [{ draft: { source: { file: message.name }, title: text, text, meta: {} }, contentHash: text }], problems: [] } } as unknown as MessageEvent<ImportResponse>);
    }, 1);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('createWorkerPool', () => {
  it('spreads files over the workers, transfers the bytes and resolves each file with its own result', async () => {
    const workers: FakeWorker[] = [];
    const pool = createWorkerPool(2, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const enc = new TextEncoder();
    const files = ['a', 'b', 'c', 'd'].map((n) => ({ name: `${n}.txt`, bytes: enc.encode(`text ${n}`) }));
    const outcomes = await Promise.all(files.map((f) => pool.run(f)));
    expect(outcomes.map((o) => o.drafts[0]?.draft.text)).toEqual(['text a', 'text b', 'text c', 'text d']);
    expect(workers.map((w) => w.received.length)).toEqual([2, 2]);
    expect(workers[0]?.transferred[0]?.[0]).toBeInstanceOf(ArrayBuffer);
    pool.terminate();
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('turns a crashed worker into a problem for its file and carries on with a new worker', async () => {
    const workers: FakeWorker[] = [];
    const pool = createWorkerPool(1, () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const crashed = await pool.run({ name: 'crash', bytes: new Uint8Array([1]) });
    expect(crashed.drafts).toEqual([]);
    expect(crashed.problems[0]).toMatchObject({ source: { file: 'crash' } });
    expect(crashed.problems[0]?.message).toContain('out of memory');
    const next = await pool.run({ name: 'ok.txt', bytes: new TextEncoder().encode('fine') });
    expect(next.drafts[0]?.draft.text).toBe('fine');
    expect(workers).toHaveLength(2);
    pool.terminate();
  });
});
