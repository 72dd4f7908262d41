import { describe, expect, it } from 'vitest';
import { clickLine, EMPTY_SELECTION, keyLine, type LineSelection } from './line-selection.ts';

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f'];
const sel = (s: LineSelection) => [...s.selected].sort().join('');

describe('clickLine', () => {
  it('selects one line, toggles with Ctrl, extends with Shift from the anchor', () => {
    let s = clickLine(EMPTY_SELECTION, KEYS, 1);
    expect(sel(s)).toBe('b');
    s = clickLine(s, KEYS, 3, { toggle: true });
    expect(sel(s)).toBe('bd');
    s = clickLine(s, KEYS, 1, { toggle: true });
    expect(sel(s)).toBe('d');
    // The anchor is the last plain or Ctrl click (b, even unselecting): Shift-click on f selects b..f.
    s = clickLine(s, KEYS, 5, { shift: true });
    expect(sel(s)).toBe('bcdef');
    s = clickLine(s, KEYS, 0);
    expect(sel(s)).toBe('a');
  });

  it('adds a range to the selection with Ctrl+Shift', () => {
    let s = clickLine(EMPTY_SELECTION, KEYS, 0);
    s = clickLine(s, KEYS, 4, { toggle: true });
    s = clickLine(s, KEYS, 5, { shift: true, toggle: true });
    expect(sel(s)).toBe('aef');
  });
});

describe('keyLine', () => {
  it('moves the focused line without selecting, Space toggles it', () => {
    let s = keyLine(EMPTY_SELECTION, KEYS, 'ArrowDown', {}, 3)!;
    s = keyLine(s, KEYS, 'ArrowDown', {}, 3)!;
    expect(s.active).toBe(2);
    expect(sel(s)).toBe('');
    s = keyLine(s, KEYS, ' ', {}, 3)!;
    expect(sel(s)).toBe('c');
    s = keyLine(s, KEYS, 'ArrowDown', {}, 3)!;
    s = keyLine(s, KEYS, ' ', {}, 3)!;
    expect(sel(s)).toBe('cd');
    s = keyLine(s, KEYS, ' ', {}, 3)!;
    expect(sel(s)).toBe('c');
  });

  it('extends with Shift+arrows from the anchor, and pages', () => {
    let s = clickLine(EMPTY_SELECTION, KEYS, 1);
    s = keyLine(s, KEYS, 'ArrowDown', { shift: true }, 3)!;
    s = keyLine(s, KEYS, 'ArrowDown', { shift: true }, 3)!;
    expect(sel(s)).toBe('bcd');
    s = keyLine(s, KEYS, 'ArrowUp', { shift: true }, 3)!;
    expect(sel(s)).toBe('bc');
    s = keyLine(s, KEYS, 'PageDown', {}, 3)!;
    expect(s.active).toBe(5);
    s = keyLine(s, KEYS, 'PageDown', {}, 3)!;
    expect(s.active).toBe(5);
    s = keyLine(s, KEYS, 'Home', {}, 3)!;
    expect(s.active).toBe(0);
    s = keyLine(s, KEYS, 'End', { shift: true }, 3)!;
    expect(sel(s)).toBe('abcdef');
  });

  it('selects all with Ctrl+A, clears with Escape, and leaves other keys alone', () => {
    let s = keyLine(EMPTY_SELECTION, KEYS, 'a', { toggle: true }, 3)!;
    expect(sel(s)).toBe('abcdef');
    s = keyLine(s, KEYS, 'Escape', {}, 3)!;
    expect(sel(s)).toBe('');
    expect(keyLine(s, KEYS, 'Escape', {}, 3)).toBeNull();
    expect(keyLine(s, KEYS, 'a', {}, 3)).toBeNull();
    expect(keyLine(s, KEYS, 'Tab', {}, 3)).toBeNull();
    expect(keyLine(s, [], 'ArrowDown', {}, 3)).toBeNull();
  });
});
