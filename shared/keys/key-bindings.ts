/**
 * Every keyboard shortcut of the app, in one table: what the `?` dialog lists, and what the
 * reader's, the workspace's, the history's, the search box's and the find bar's key handlers
 * dispatch through (`dispatchKey`).
 * A binding's `action` names the action its handler runs (the file `features/X/actions/<action>.ts`);
 * the others are view commands (selection, navigation, panes) their handler implements. Pure: no store, no
 * DOM, so tests and e2e specs read the same table.
 */

/** One key combination. `key` is KeyboardEvent.key; `mod` is Ctrl or ⌘. A modifier left out must be up; 'any' accepts both. */
export interface Chord {
  key: string;
  mod?: boolean;
  alt?: boolean | 'any';
  shift?: boolean | 'any';
}

/** What a binding reads of a KeyboardEvent. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface KeyBinding {
  id: string;
  /** The action its handler runs, when it changes the store: the file features/X/actions/<action>.ts. */
  action?: string;
  /** Where its handler lives: the reader (text and annotations), the workspace, the history, search. */
  scope: 'reader' | 'workspace' | 'history' | 'search' | 'search-box' | 'find-bar' | 'suggestions' | 'statement';
  /** As the dialog shows them. */
  keys: string;
  does: string;
  /** Fixed combinations; or a test for keys that depend on the codebook or the alphabet. */
  chords?: Chord[];
  match?: (e: KeyLike) => boolean;
  /** A combination for tests (and docs) when `match` decides. */
  example?: Chord;
}

const isLetter = (e: KeyLike) => e.key.length === 1 && /\p{L}/u.test(e.key);

export const KEY_BINDINGS: readonly KeyBinding[] = [
  // The reader, in the order its dispatcher tries them: a tag's key first, as before.
  { id: 'add-annotation', action: 'add-annotation', scope: 'reader', keys: '1, 2, 3 … (a tag’s key)', does: 'Tag the selection (or add the tag to the selected annotation)', match: (e) => e.key.length === 1 && !e.altKey && !e.ctrlKey && !e.metaKey, example: { key: '1' } },
  { id: 'open-tag-list', scope: 'reader', keys: 'Enter', does: 'Open the tag list for the selection', chords: [{ key: 'Enter', alt: 'any' }, { key: 'ArrowDown', alt: 'any' }] },
  { id: 'filter-tags', scope: 'reader', keys: 'A letter', does: 'With text selected: open the tag list filtered by that letter', match: (e) => isLetter(e) && !e.altKey && !e.ctrlKey && !e.metaKey, example: { key: 'q' } },
  { id: 'select-text', scope: 'reader', keys: 'Shift + arrows', does: 'Select text from the keyboard (click in the text first)' },
  { id: 'step-annotation', scope: 'reader', keys: 'n / p', does: 'Next / previous annotation', chords: [{ key: 'n' }, { key: 'p' }] },
  { id: 'step-article', scope: 'reader', keys: 'j / k', does: 'Next / previous article', chords: [{ key: 'j' }, { key: 'k' }] },
  { id: 'move-annotation-end', action: 'move-annotation-boundary', scope: 'reader', keys: 'Alt + ← / →', does: 'Move the selected annotation’s end by a word', chords: [{ key: 'ArrowLeft', alt: true }, { key: 'ArrowRight', alt: true }] },
  { id: 'move-annotation-start', action: 'move-annotation-boundary', scope: 'reader', keys: 'Alt + Shift + ← / →', does: 'Move the selected annotation’s start by a word', chords: [{ key: 'ArrowLeft', alt: true, shift: true }, { key: 'ArrowRight', alt: true, shift: true }] },
  { id: 'remove-annotations', action: 'remove-annotations', scope: 'reader', keys: 'Delete', does: 'Delete the selected annotation', chords: [{ key: 'Delete', alt: 'any', shift: 'any' }, { key: 'Backspace', alt: 'any', shift: 'any' }] },
  { id: 'dismiss', scope: 'reader', keys: 'Escape', does: 'Close the tag list, clear the selection', chords: [{ key: 'Escape', alt: 'any', shift: 'any' }] },
  { id: 'undo', scope: 'history', keys: 'Ctrl/⌘ + Z', does: 'Undo', chords: [{ key: 'z', mod: true }, { key: 'Z', mod: true }] },
  { id: 'redo', scope: 'history', keys: 'Ctrl/⌘ + Shift + Z', does: 'Redo', chords: [{ key: 'z', mod: true, shift: true }, { key: 'Z', mod: true, shift: true }, { key: 'y', mod: true, shift: 'any' }, { key: 'Y', mod: true, shift: 'any' }] },
  // While quote or actor-mention suggestions are shown (and no text is selected), these come before the reader's keys.
  { id: 'accept-suggestion', action: 'accept-quote', scope: 'suggestions', keys: 'a', does: 'Accept the current suggestion (a quote: claim, claimant and source, linked; an actor mention: the mention, linked)', chords: [{ key: 'a' }] },
  { id: 'reject-suggestion', scope: 'suggestions', keys: 'x', does: 'Reject the current suggestion (a rejected actor mention is not proposed again)', chords: [{ key: 'x' }] },
  { id: 'step-suggestion', scope: 'suggestions', keys: '[ / ] (suggestions shown)', does: 'Previous / next suggestion', chords: [{ key: '[' }, { key: ']' }] },
  // The statement form: Alt + S is read by its physical key (Alt + S types ß on a Mac), the rest inside the form.
  { id: 'focus-statement', scope: 'statement', keys: 'Alt + S', does: 'With a claim selected: go to its statement form (claimant)' },
  { id: 'statement-position', scope: 'statement', keys: '− / 0 / + (in Position)', does: 'Set the claim’s position; d / i / m in Quote type: direct, indirect, mixed' },
  { id: 'toggle-pane', scope: 'workspace', keys: '[ / ]', does: 'Hide or show the library / the annotations panel', chords: [{ key: '[', shift: 'any' }, { key: ']', shift: 'any' }] },
  // Caps Lock gives K and F: the same shortcut.
  { id: 'search', scope: 'search', keys: 'Ctrl/⌘ + K or /', does: 'Search the articles (the library’s search box)', chords: [{ key: 'k', mod: true }, { key: 'K', mod: true }, { key: '/', shift: 'any' }] },
  { id: 'clear-search', scope: 'search-box', keys: 'Escape (in the search box)', does: 'Clear the search', chords: [{ key: 'Escape' }] },
  { id: 'find', scope: 'search', keys: 'Ctrl/⌘ + F', does: 'Find in the open article', chords: [{ key: 'f', mod: true }, { key: 'F', mod: true }] },
  { id: 'step-hit', scope: 'find-bar', keys: 'Enter / Shift + Enter (in the find bar)', does: 'Next / previous hit in the article', chords: [{ key: 'Enter' }, { key: 'Enter', shift: true }] },
  { id: 'close-find', scope: 'find-bar', keys: 'Escape (in the find bar)', does: 'Close the find bar, back to the text', chords: [{ key: 'Escape' }] },
  { id: 'show-shortcuts', scope: 'workspace', keys: '?', does: 'Show this list', chords: [{ key: '?', shift: 'any' }] },
];

function modifier(want: boolean | 'any' | undefined, down: boolean): boolean {
  return want === 'any' || (want ?? false) === down;
}

export function chordMatches(c: Chord, e: KeyLike): boolean {
  return c.key === e.key && (c.mod ?? false) === (e.ctrlKey || e.metaKey) && modifier(c.alt, e.altKey) && modifier(c.shift, e.shiftKey);
}

export function bindingMatches(b: KeyBinding, e: KeyLike): boolean {
  return b.match ? b.match(e) : (b.chords ?? []).some((c) => chordMatches(c, e));
}

/** A binding's handler: true when it acted on the key (the event is then consumed), false to let the next binding try. */
export type KeyHandler = (e: KeyLike) => boolean;

/**
 * Tries the bindings of `scope` in table order; the first whose key matches and whose handler
 * acts wins. A binding without a handler here is skipped (its handler lives elsewhere).
 */
export function dispatchKey(scope: KeyBinding['scope'], handlers: Partial<Record<string, KeyHandler>>, e: KeyLike): boolean {
  for (const b of KEY_BINDINGS) {
    if (b.scope !== scope || !bindingMatches(b, e)) continue;
    const handler = handlers[b.id];
    if (handler?.(e)) return true;
  }
  return false;
}

/** A key event as a chord describes it (for tests and the docs). */
export function eventFor(c: Chord): KeyLike {
  return { key: c.key, ctrlKey: c.mod ?? false, metaKey: false, altKey: c.alt === true, shiftKey: c.shift === true };
}
