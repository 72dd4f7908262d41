/**
 * The app's undo/redo history: every annotation and codebook change pushes one entry holding
 * both directions as async store operations (each one transaction in the db layer).
 */
export interface UndoEntry {
  label: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

import { trackWrite } from '../../app/pending-writes.ts';

type Listener = () => void;

export class UndoStack {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];
  private listeners = new Set<Listener>();
  /** Serialises operations so a fast Ctrl+Z Ctrl+Z never interleaves two store writes. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly limit = 500) {}

  /** Runs `entry.redo` (the change itself) and records it. */
  perform(entry: UndoEntry): Promise<void> {
    return this.enqueue(async () => {
      await entry.redo();
      this.done.push(entry);
      if (this.done.length > this.limit) this.done.shift();
      this.undone = [];
    });
  }

  /**
   * Records a change that the caller has already started (`started`, e.g. a write begun in the
   * same task that painted it, so that it is stored even if the page goes away at once). It
   * enters the history, in order, once it has finished.
   */
  record(entry: UndoEntry, started: Promise<void>): Promise<void> {
    return this.enqueue(async () => {
      await started;
      this.done.push(entry);
      if (this.done.length > this.limit) this.done.shift();
      this.undone = [];
    });
  }

  undo(): Promise<void> {
    return this.enqueue(async () => {
      const entry = this.done.pop();
      if (!entry) return;
      await entry.undo();
      this.undone.push(entry);
    });
  }

  redo(): Promise<void> {
    return this.enqueue(async () => {
      const entry = this.undone.pop();
      if (!entry) return;
      await entry.redo();
      this.done.push(entry);
    });
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  peekUndo(): string | undefined {
    return this.done.at(-1)?.label;
  }

  peekRedo(): string | undefined {
    return this.undone.at(-1)?.label;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    // Counted from now: a change waiting its turn is a write the page must not lose.
    const next = trackWrite(this.queue.then(op)).finally(() => this.emit());
    this.queue = next.catch(() => {});
    return next;
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** One history for the open window (projects are switched through the same stack, cleared on switch). */
export const undoStack = new UndoStack();
