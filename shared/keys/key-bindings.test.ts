import { describe, expect, it } from 'vitest';
import { KEY_BINDINGS, bindingMatches, dispatchKey, eventFor, type KeyBinding } from './key-bindings.ts';

const chordsOf = (b: KeyBinding) => b.chords ?? (b.example ? [b.example] : []);

describe('the key binding table', () => {
  it('names each binding once', () => {
    const ids = KEY_BINDINGS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives no two fixed bindings of a scope the same key', () => {
    for (const b of KEY_BINDINGS) {
      for (const c of chordsOf(b)) {
        const fixed = KEY_BINDINGS.filter((o) => o.scope === b.scope && o.chords && bindingMatches(o, eventFor(c)));
        if (b.chords) expect(fixed.map((o) => o.id), `${b.id} ${c.key}`).toEqual([b.id]);
      }
    }
  });

  it('dispatches each key of each binding to that binding’s handler (once the bindings tried before it decline)', () => {
    for (const b of KEY_BINDINGS) {
      for (const c of chordsOf(b)) {
        const called: string[] = [];
        const handlers = Object.fromEntries(KEY_BINDINGS.map((o) => [o.id, () => (called.push(o.id), o.id === b.id)]));
        expect(dispatchKey(b.scope, handlers, eventFor(c)), `${b.id} ${c.key}`).toBe(true);
        expect(called.at(-1)).toBe(b.id);
      }
    }
  });

  it('tries a tag’s key before the letter filter and navigation, as the reader always has', () => {
    const order: string[] = [];
    const handlers = Object.fromEntries(KEY_BINDINGS.map((o) => [o.id, () => (order.push(o.id), false)]));
    expect(dispatchKey('reader', handlers, eventFor({ key: 'n' }))).toBe(false);
    expect(order).toEqual(['add-annotation', 'filter-tags', 'step-annotation']);
  });

  it('leaves keys with Ctrl/⌘ to the history and search, and Alt + letters to the page', () => {
    const handlers = Object.fromEntries(KEY_BINDINGS.map((o) => [o.id, () => true]));
    expect(dispatchKey('reader', handlers, eventFor({ key: 'z', mod: true }))).toBe(false);
    expect(dispatchKey('reader', handlers, eventFor({ key: 'n', alt: true }))).toBe(false);
    expect(dispatchKey('history', handlers, eventFor({ key: 'z', mod: true, alt: true }))).toBe(false);
  });
});
