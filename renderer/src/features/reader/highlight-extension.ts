import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import { assignLanes, segmentSpans, type Span } from '@shared/text/highlight-layout.ts';
import { offsetToPos } from './reader-doc.ts';

export interface HighlightSpan extends Span {
  color: string;
  label: string;
}

export interface HighlightInput {
  spans: HighlightSpan[];
  selectedId: string | null;
  flashId: string | null;
}

interface HighlightState {
  input: HighlightInput;
  decorations: DecorationSet;
}

export const highlightKey = new PluginKey<HighlightState>('presswork-highlights');

const EMPTY: HighlightInput = { spans: [], selectedId: null, flashId: null };

function alpha(hex: string, a: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

/**
 * One decoration per segment of text with a constant set of covering annotations: blended
 * background tints plus one underline band per lane, so nested and crossing spans stay
 * distinguishable (ProseMirror would otherwise merge overlapping decorations into one span
 * where the last style wins).
 */
export function buildDecorations(doc: PmNode, input: HighlightInput): DecorationSet {
  const byId = new Map(input.spans.map((s) => [s.id, s]));
  const lanes = assignLanes(input.spans);
  const decorations: Decoration[] = [];
  const max = doc.content.size - 1;
  for (const seg of segmentSpans(input.spans, lanes)) {
    const spans = seg.ids.map((id) => byId.get(id)).filter((s): s is HighlightSpan => !!s);
    const shadows = spans.map((s) => `inset 0 -${3 * ((lanes.get(s.id) ?? 0) + 1)}px 0 0 ${s.color}`);
    const tints = spans.map((s) => `linear-gradient(${alpha(s.color, 0.16)}, ${alpha(s.color, 0.16)})`);
    const classes = ['hl'];
    if (input.selectedId && seg.ids.includes(input.selectedId)) classes.push('hl-selected');
    if (input.flashId && seg.ids.includes(input.flashId)) classes.push('hl-flash');
    const depth = Math.max(...spans.map((s) => lanes.get(s.id) ?? 0)) + 1;
    decorations.push(
      Decoration.inline(Math.min(offsetToPos(seg.start), max), Math.min(offsetToPos(seg.end), max), {
        class: classes.join(' '),
        style: `box-shadow: ${shadows.join(', ')}; background-image: ${tints.join(', ')}; padding-bottom: ${3 * depth - 1}px;`,
        title: spans.map((s) => s.label).join(' · '),
        'data-annotation-ids': seg.ids.join(' '),
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

export function setHighlights(state: EditorState, input: HighlightInput): Transaction {
  return state.tr.setMeta(highlightKey, input).setMeta('addToHistory', false);
}

export const Highlights = Extension.create({
  name: 'presswork-highlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: highlightKey,
        state: {
          init: (_, state) => ({ input: EMPTY, decorations: buildDecorations(state.doc, EMPTY) }),
          apply(tr, old) {
            const input = tr.getMeta(highlightKey) as HighlightInput | undefined;
            if (input) return { input, decorations: buildDecorations(tr.doc, input) };
            return old;
          },
        },
        props: {
          decorations: (state) => highlightKey.getState(state)?.decorations,
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
