import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { spansAt } from '@shared/text/highlight-layout.ts';
import { HighlightPainter, type HighlightInput } from './highlight-painter.ts';
import { posToOffset } from './reader-doc.ts';

export type { HighlightInput, HighlightSpan } from './highlight-painter.ts';

export const highlightKey = new PluginKey<HighlightInput>('presswork-highlights');

const EMPTY: HighlightInput = { spans: [], selectedId: null, flashId: null };

export interface HighlightOptions {
  /** Highlights painted with the first render. */
  initial: HighlightInput;
}

export function setHighlights(state: EditorState, input: HighlightInput): Transaction {
  return state.tr.setMeta(highlightKey, input).setMeta('addToHistory', false);
}

/** The annotations covering a text offset, innermost first (for hover and click). */
export function highlightsAt(state: EditorState, offset: number): HighlightInput['spans'] {
  return spansAt(highlightKey.getState(state)?.spans ?? [], offset);
}

/**
 * Holds the reader's highlights in the editor state (set from stored offsets by the React
 * pane) and paints them; pointing at text names every annotation covering it.
 */
export const Highlights = Extension.create<HighlightOptions>({
  name: 'presswork-highlights',
  addOptions() {
    return { initial: EMPTY };
  },
  addProseMirrorPlugins() {
    const initial = this.options.initial;
    let hoverFrame = 0;
    return [
      new Plugin<HighlightInput>({
        key: highlightKey,
        state: {
          init: () => initial,
          apply: (tr, old) => (tr.getMeta(highlightKey) as HighlightInput | undefined) ?? old,
        },
        view(view) {
          const painter = new HighlightPainter(view);
          let painted = highlightKey.getState(view.state);
          if (painted) painter.paint(painted);
          return {
            update(v) {
              const input = highlightKey.getState(v.state);
              if (input && input !== painted) {
                painter.paint(input);
                painted = input;
              }
            },
            destroy: () => painter.destroy(),
          };
        },
        props: {
          handleDOMEvents: {
            mousemove(view, event) {
              cancelAnimationFrame(hoverFrame);
              hoverFrame = requestAnimationFrame(() => {
                const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
                const spans = hit ? highlightsAt(view.state, posToOffset(hit.pos, view.state.doc.content.size - 2)) : [];
                const title = spans.map((s) => s.label).join(' · ');
                if (view.dom.getAttribute('title') !== title) {
                  if (title) view.dom.setAttribute('title', title);
                  else view.dom.removeAttribute('title');
                }
              });
              return false;
            },
          },
        },
      }),
    ];
  },
});

/**
 * Keeps the article text immutable (DESIGN.md §3) while leaving the view editable, so that a
 * caret exists and text can be selected from the keyboard (Shift+arrows): every transaction
 * that would change the document is dropped, and input events are cancelled before the
 * browser touches the DOM.
 */
export const ReadOnlyText = Extension.create({
  name: 'presswork-read-only-text',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        filterTransaction: (tr) => !tr.docChanged,
        props: {
          handleTextInput: () => true,
          handlePaste: () => true,
          handleDrop: () => true,
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              event.preventDefault();
              return true;
            },
            cut: (_view, event) => {
              event.preventDefault();
              return true;
            },
            dragstart: (_view, event) => {
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
