import { describe, expect, it } from 'vitest';
import { UndoStack } from './undo-stack.ts';

function counterEntry(state: { value: number }, delta: number) {
  return { label: `add ${delta}`, redo: async () => void (state.value += delta), undo: async () => void (state.value -= delta) };
}

describe('UndoStack', () => {
  it('performs, undoes and redoes in order', async () => {
    const state = { value: 0 };
    const stack = new UndoStack();
    await stack.perform(counterEntry(state, 1));
    await stack.perform(counterEntry(state, 10));
    expect(state.value).toBe(11);
    await stack.undo();
    expect(state.value).toBe(1);
    expect(stack.peekRedo()).toBe('add 10');
    await stack.redo();
    expect(state.value).toBe(11);
    await stack.undo();
    await stack.undo();
    await stack.undo(); // nothing left: no-op
    expect(state.value).toBe(0);
    expect(stack.canUndo).toBe(false);
  });

  it('drops the redo branch when a new change is made', async () => {
    const state = { value: 0 };
    const stack = new UndoStack();
    await stack.perform(counterEntry(state, 1));
    await stack.undo();
    await stack.perform(counterEntry(state, 5));
    expect(stack.canRedo).toBe(false);
    expect(state.value).toBe(5);
  });

  it('serialises rapid calls', async () => {
    const log: string[] = [];
    const slow = (name: string) => ({
      label: name,
      redo: async () => {
        await new Promise((r) => setTimeout(r, 5));
        log.push(`do ${name}`);
      },
      undo: async () => void log.push(`undo ${name}`),
    });
    const stack = new UndoStack();
    void stack.perform(slow('a'));
    void stack.undo();
    await stack.redo();
    expect(log).toEqual(['do a', 'undo a', 'do a']);
  });

  it('keeps at most `limit` entries', async () => {
    const state = { value: 0 };
    const stack = new UndoStack(2);
    for (let i = 0; i < 4; i++) await stack.perform(counterEntry(state, 1));
    await stack.undo();
    await stack.undo();
    await stack.undo();
    expect(state.value).toBe(2);
  });
});

describe('UndoStack.record', () => {
  it('enters a change started elsewhere once it has finished, in order with the queue', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    let finish!: () => void;
    const started = new Promise<void>((r) => (finish = r));
    const recorded = stack.record({ label: 'add', redo: async () => void log.push('redo add'), undo: async () => void log.push('undo add') }, started);
    const undone = stack.undo();
    expect(stack.canUndo).toBe(false);
    finish();
    await recorded;
    await undone;
    expect(log).toEqual(['undo add']);
    expect(stack.peekRedo()).toBe('add');
  });
});
