const TEXT_INPUTS = new Set(['text', 'search', 'email', 'number', 'url', 'password', 'tel', 'date', 'color']);

/** True when a key event's target is a place where the user types text (shortcuts stay off). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.reader-text')) return false; // the reader is editable only to allow a caret
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  return target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable;
}
