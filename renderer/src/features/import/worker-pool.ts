import type { OpenedFile } from '@shared/bridge/contract.ts';
import type { FileOutcome, ImportRequest, ImportResponse } from './protocol.ts';

/** The part of a Worker the pool uses; tests pass fakes. */
export interface WorkerLike {
  postMessage(message: ImportRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ImportResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

interface Pending {
  name: string;
  resolve: (outcome: FileOutcome) => void;
}

interface Slot {
  worker: WorkerLike;
  pending: Map<number, Pending>;
}

export interface WorkerPool {
  /** Runs one file through the pipeline in the least busy worker. The file's bytes are transferred. */
  run(file: OpenedFile): Promise<FileOutcome>;
  terminate(): void;
}

/**
 * A few import workers sharing the files of one import. A worker that crashes (out of memory on
 * a huge file, say) fails only the files it held — each reported as a problem — and is replaced.
 */
export function createWorkerPool(size: number, startWorker: () => WorkerLike, options: { index?: boolean } = {}): WorkerPool {
  let nextId = 1;
  let terminated = false;
  const slots: Slot[] = [];

  const start = (): Slot => {
    const slot: Slot = { worker: startWorker(), pending: new Map() };
    slot.worker.onmessage = (event) => {
      const { id, drafts, problems, report } = event.data;
      const p = slot.pending.get(id);
      if (!p) return;
      slot.pending.delete(id);
      p.resolve(report ? { drafts, problems, report } : { drafts, problems });
    };
    slot.worker.onerror = (event) => {
      event.preventDefault();
      const reason = event.message || 'the import worker stopped';
      for (const p of slot.pending.values()) {
        p.resolve({ drafts: [], problems: [{ source: { file: p.name }, message: `Could not be imported (${reason}).` }] });
      }
      slot.pending.clear();
      slot.worker.terminate();
      if (!terminated) slots[slots.indexOf(slot)] = start();
    };
    return slot;
  };
  for (let i = 0; i < Math.max(1, size); i++) slots.push(start());

  return {
    run(file) {
      if (terminated) return Promise.reject(new Error('The import workers were stopped.'));
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      const { bytes } = file;
      // Transfer when the view covers its whole buffer; otherwise copy just the view's bytes.
      const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
      return new Promise<FileOutcome>((resolve) => {
        slot.pending.set(id, { name: file.name, resolve });
        slot.worker.postMessage({ id, name: file.name, buffer, ...(options.index === false ? { index: false } : {}) }, [buffer]);
      });
    },
    terminate() {
      terminated = true;
      for (const slot of slots) slot.worker.terminate();
    },
  };
}

/** How many workers an import uses: leave a core for the window and the database. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.min(4, Math.max(2, cores - 1));
}

/** Starts one pipeline worker; the literal `new URL(…)` is what lets Vite bundle it. */
export function startImportWorker(): WorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'presswork-import' }) as unknown as WorkerLike;
}
