const TEXT_INPUTS = new Set(['text', 'search', 'email', 'number', 'url', 'password', 'tel', 'date', 'color']);

/** True when a key event's target is a place where the user types text (shortcuts stay off). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.reader-text')) return false; // the reader is editable only to allow a caret
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable;
}

/**
 * True while a modal dialog is open: the page behind it is inert, so app-wide shortcuts (the
 * reader's Delete, tag keys, Escape…) must leave every key to the dialog.
 */
export function modalIsOpen(): boolean {
  return typeof document !== 'undefined' && document.querySelector('dialog:modal') !== null;
}
