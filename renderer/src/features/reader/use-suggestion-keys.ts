import { useEffect, useLayoutEffect, useRef } from 'react';
import { dispatchKey } from '@shared/keys/key-bindings.ts';
import { isTypingTarget, modalIsOpen } from '../../ui/keyboard.ts';

/** What the suggestions need of the reader's text: scroll to one, and whether text is selected. */
export interface SuggestionTarget {
  scrollTo(start: number, end?: number): void;
  currentRange(): { start: number; end: number } | null;
}

export interface SuggestionKeyActions {
  accept: () => unknown;
  reject: () => unknown;
  step: (d: 1 | -1) => unknown;
}

/**
 * The key table's `suggestions` rows (a / x / [ ]) while a kind of suggestion is on. The listener
 * is added once per switch-on and calls the latest actions through a ref; it listens in the
 * capture phase, before the reader's own keys (a tag may have the key `a`).
 */
export function useSuggestionKeys(on: boolean, target: React.RefObject<SuggestionTarget | null>, latest: SuggestionKeyActions): void {
  const actions = useRef(latest);
  useLayoutEffect(() => {
    actions.current = latest;
  });
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || modalIsOpen() || isTypingTarget(e.target)) return;
      // With text selected, letters belong to the tag list.
      if (target.current?.currentRange()) return;
      const handled = dispatchKey(
        'suggestions',
        {
          'accept-suggestion': () => {
            void actions.current.accept();
            return true;
          },
          'reject-suggestion': () => {
            void actions.current.reject();
            return true;
          },
          'step-suggestion': (ev) => {
            void actions.current.step(ev.key === ']' ? 1 : -1);
            return true;
          },
        },
        e,
      );
      if (!handled) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [on, target]);
}
