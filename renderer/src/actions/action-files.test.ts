import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Action } from './action.ts';

// A newcomer finds the file of any action from its name: features/<feature>/actions/<name>.ts.
const modules = import.meta.glob<Record<string, unknown>>(['../features/*/actions/*.ts', '!../features/*/actions/*.test.ts'], { eager: true });

function isAction(v: unknown): v is Action<unknown, unknown> {
  return typeof v === 'object' && v !== null && 'name' in v && 'perform' in v && 'undo' in v;
}

describe('action files', () => {
  it('each action lives in the file named after it, and no name is used twice', () => {
    const names: string[] = [];
    for (const [path, exports] of Object.entries(modules)) {
      const file = path.split('/').at(-1)?.replace(/\.ts$/, '');
      for (const action of Object.values(exports).filter(isAction)) {
        expect(action.name, path).toBe(file);
        names.push(action.name);
      }
    }
    expect(names.length).toBeGreaterThanOrEqual(28);
    expect(new Set(names).size).toBe(names.length);
  });
});
