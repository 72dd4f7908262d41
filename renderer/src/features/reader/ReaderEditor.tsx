import { EditorContent, useEditor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import { highlightKey, Highlights, ReadOnlyText, setHighlights, type HighlightInput } from './highlight-extension.ts';
import { articleDoc, offsetToPos, posToOffset, READER_NODES } from './reader-doc.ts';

export interface TextRange {
  start: number;
  end: number;
}

export interface ReaderEditorHandle {
  /** Screen rectangle of a text offset (for placing the tag popover). */
  coordsAt(offset: number): { left: number; top: number; bottom: number } | null;
  /** Scrolls the reader so that the range [start, end) is in view. */
  scrollTo(start: number, end?: number): void;
  select(range: TextRange): void;
  clearSelection(): void;
  /** The editor's own selection right now (React state may lag a frame behind a mouse drag). */
  currentRange(): TextRange | null;
  focus(): void;
}

interface ReaderEditorProps {
  text: string;
  highlights: HighlightInput;
  /** A non-empty selection was made (or cleared: null); mouse drags report once, on release. */
  onSelectionChange: (range: TextRange | null) => void;
  /** A click landed on `offset` without selecting text. */
  onPoint: (offset: number) => void;
  /** Reader-level keys (shortcuts); return true when handled. */
  onKey: (event: KeyboardEvent) => boolean;
}

/** The nearest ancestor that scrolls vertically (the reader pane). */
function scrollParent(el: Element): HTMLElement | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : null;
}

/**
 * The browser's selection inside the editor, read now. ProseMirror learns of a selection moved by
 * the browser itself (Shift+arrows, Ctrl+Shift+arrows) from the asynchronous `selectionchange`
 * event, so a key pressed right after can find its state one step behind what the user sees.
 */
function domSelection(view: EditorView): { from: number; to: number } | null {
  const sel = view.dom.ownerDocument.getSelection();
  if (!sel || !sel.anchorNode || !sel.focusNode) return null;
  if (!view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
  try {
    const anchor = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
    const head = view.posAtDOM(sel.focusNode, sel.focusOffset);
    return { from: Math.min(anchor, head), to: Math.max(anchor, head) };
  } catch {
    return null; // a node ProseMirror does not map (should not happen in a read-only text)
  }
}

export const ReaderEditor = forwardRef<ReaderEditorHandle, ReaderEditorProps>(function ReaderEditor({ text, highlights, onSelectionChange, onPoint, onKey }, ref) {
  // Handlers change on every render; ProseMirror keeps the first ones, so go through a ref.
  const handlers = useRef({ onSelectionChange, onPoint, onKey });
  useLayoutEffect(() => {
    handlers.current = { onSelectionChange, onPoint, onKey };
  });
  const mouseDown = useRef(false);

  const editor = useEditor({
    extensions: [...READER_NODES, Highlights.configure({ initial: highlights }), ReadOnlyText],
    content: articleDoc(text),
    editable: true,
    immediatelyRender: true,
    editorProps: {
      attributes: {
        class: 'reader-text',
        role: 'textbox',
        'aria-readonly': 'true',
        'aria-multiline': 'true',
        'aria-label': 'Article text',
        spellcheck: 'false',
        inputmode: 'none',
      },
      handleKeyDown: (_view, event) => handlers.current.onKey(event),
      handleClick: (_view, pos) => {
        handlers.current.onPoint(posToOffset(pos, text.length));
        return false;
      },
      handleDOMEvents: {
        mousedown: () => {
          mouseDown.current = true;
          return false;
        },
      },
    },
    onSelectionUpdate: ({ editor: e }) => {
      if (mouseDown.current) return; // reported on mouseup, once the drag has ended
      const { from, to } = e.state.selection;
      handlers.current.onSelectionChange(from === to ? null : { start: posToOffset(from, text.length), end: posToOffset(to, text.length) });
    },
  });

  useEffect(() => {
    const up = () => {
      if (!mouseDown.current) return;
      mouseDown.current = false;
      // ProseMirror settles the selection after the mouseup event: read it once it has.
      window.setTimeout(() => {
        if (!editor || editor.isDestroyed) return;
        const { from, to } = editor.state.selection;
        handlers.current.onSelectionChange(from === to ? null : { start: posToOffset(from, text.length), end: posToOffset(to, text.length) });
      }, 0);
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, [editor, text.length]);

  // Before the browser paints, so a new highlight shows in the very next frame.
  useLayoutEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (highlightKey.getState(editor.state) === highlights) return; // painted at creation
    editor.view.dispatch(setHighlights(editor.state, highlights));
  }, [editor, highlights]);

  useImperativeHandle(
    ref,
    () => ({
      coordsAt(offset) {
        if (!editor) return null;
        try {
          return editor.view.coordsAtPos(offsetToPos(offset));
        } catch {
          return null;
        }
      },
      scrollTo(start, end = start) {
        if (!editor) return;
        // The range itself, not its paragraph: one paragraph can be many screens long.
        let top: number;
        let bottom: number;
        try {
          top = editor.view.coordsAtPos(offsetToPos(start), 1).top;
          bottom = editor.view.coordsAtPos(offsetToPos(end), -1).bottom;
        } catch {
          return;
        }
        const scroller = scrollParent(editor.view.dom);
        if (!scroller) return;
        const box = scroller.getBoundingClientRect();
        // Centred; a range taller than the view shows its beginning, clear of the sticky toolbar.
        const delta = bottom - top < box.height * 0.6 ? (top + bottom) / 2 - (box.top + box.height / 2) : top - box.top - box.height * 0.2;
        const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        scroller.scrollBy({ top: delta, behavior: reduce ? 'auto' : 'smooth' });
      },
      select({ start, end }) {
        if (!editor) return;
        const tr = editor.state.tr.setSelection(TextSelection.create(editor.state.doc, offsetToPos(start), offsetToPos(end)));
        editor.view.dispatch(tr);
      },
      currentRange() {
        if (!editor) return null;
        const { from, to } = domSelection(editor.view) ?? editor.state.selection;
        return from === to ? null : { start: posToOffset(from, text.length), end: posToOffset(to, text.length) };
      },
      clearSelection() {
        if (!editor) return;
        const { to } = editor.state.selection;
        editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, to)));
      },
      focus() {
        editor?.view.focus();
      },
    }),
    [editor, text.length],
  );

  return <EditorContent editor={editor} className="reader-editor" />;
});
