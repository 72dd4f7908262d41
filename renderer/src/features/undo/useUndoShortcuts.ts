import { useEffect, useSyncExternalStore } from 'react';
import { bridge } from '../../platform/bridge.ts';
import { isTypingTarget } from '../../ui/keyboard.ts';
import { undoStack } from './undo-stack.ts';
import { dispatchKey } from '@shared/keys/key-bindings.ts';

/** Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z (and Ctrl+Y), and the desktop menu's Undo/Redo. */
export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Text fields keep their own native undo.
      if (isTypingTarget(e.target)) return;
      const acted = dispatchKey(
        'history',
        {
          undo: () => {
            void undoStack.undo();
            return true;
          },
          redo: () => {
            void undoStack.redo();
            return true;
          },
        },
        e,
      );
      if (acted) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const off = bridge.onMenuCommand((command) => {
      if (command === 'undo') void undoStack.undo();
      if (command === 'redo') void undoStack.redo();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, []);
}

/** Re-renders when the history changes; returns the labels of the next undo and redo. */
export function useUndoState(): { undo: string | undefined; redo: string | undefined } {
  const snapshot = useSyncExternalStore(
    (cb) => undoStack.subscribe(cb),
    () => `${undoStack.peekUndo() ?? ''}\u0000${undoStack.peekRedo() ?? ''}`,
  );
  const [undo, redo] = snapshot.split('\u0000');
  return { undo: undo || undefined, redo: redo || undefined };
}
