/**
 * Selecting lines of a long list the way file managers do: click, Ctrl/⌘-click toggles, Shift
 * extends from the anchor; with the keyboard, arrows move the focused line (Shift extends),
 * Space toggles it, Ctrl/⌘+A selects all, Escape clears. Pure, over line indexes and keys, so the
 * concordance (100k lines, virtualised) keeps its selection by key when it is sorted again.
 */
export interface LineSelection {
  /** Keys of the selected lines. */
  selected: ReadonlySet<string>;
  /** Index of the focused line. */
  active: number;
  /** Where a Shift range starts. */
  anchor: number;
}

export const EMPTY_SELECTION: LineSelection = { selected: new Set(), active: 0, anchor: 0 };

function range(keys: readonly string[], a: number, b: number, base: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set(base);
  for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
    const k = keys[i];
    if (k !== undefined) out.add(k);
  }
  return out;
}

export interface Modifiers {
  shift?: boolean;
  /** Ctrl, or ⌘ on a Mac. */
  toggle?: boolean;
}

/** A click on line `index`. */
export function clickLine(s: LineSelection, keys: readonly string[], index: number, m: Modifiers = {}): LineSelection {
  const key = keys[index];
  if (key === undefined) return s;
  if (m.shift) return { selected: range(keys, s.anchor, index, m.toggle ? s.selected : undefined), active: index, anchor: s.anchor };
  if (m.toggle) {
    const selected = new Set(s.selected);
    if (selected.has(key)) selected.delete(key);
    else selected.add(key);
    return { selected, active: index, anchor: index };
  }
  return { selected: new Set([key]), active: index, anchor: index };
}

/**
 * A key pressed in the list; `page` is how many lines a page holds. Returns null for a key the
 * list does not handle (it is left to the browser).
 */
export function keyLine(s: LineSelection, keys: readonly string[], key: string, m: Modifiers, page: number): LineSelection | null {
  const last = keys.length - 1;
  if (last < 0) return null;
  const move = (to: number): LineSelection => {
    const active = Math.max(0, Math.min(last, to));
    return m.shift ? { selected: range(keys, s.anchor, active), active, anchor: s.anchor } : { ...s, active, anchor: active };
  };
  switch (key) {
    case 'ArrowDown':
      return move(s.active + 1);
    case 'ArrowUp':
      return move(s.active - 1);
    case 'PageDown':
      return move(s.active + page);
    case 'PageUp':
      return move(s.active - page);
    case 'Home':
      return move(0);
    case 'End':
      return move(last);
    case ' ':
      return m.shift ? { selected: range(keys, s.anchor, s.active, s.selected), active: s.active, anchor: s.anchor } : clickLine(s, keys, Math.min(s.active, last), { toggle: true });
    case 'a':
    case 'A':
      return m.toggle ? { selected: new Set(keys), active: s.active, anchor: s.anchor } : null;
    case 'Escape':
      return s.selected.size > 0 ? { ...s, selected: new Set() } : null;
    default:
      return null;
  }
}
