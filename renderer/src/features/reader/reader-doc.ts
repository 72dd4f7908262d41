import type { JSONContent } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import HardBreak from '@tiptap/extension-hard-break';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';

/** The reader's schema: paragraphs of text with line breaks, nothing else (DESIGN.md §4). */
export const READER_NODES = [Document, Paragraph, Text, HardBreak];

/**
 * The ProseMirror document of an article's text: one paragraph per `\n\n`-separated block, a
 * hard break per single `\n`. With this shape every character of `text` (including the two
 * newlines between paragraphs, which become a close and an open token) takes exactly one
 * position, so the mapping below is a constant shift. The shape is what makes that true: the
 * tests prove it on generated texts.
 */
export function articleDoc(text: string): JSONContent {
  return {
    type: 'doc',
    content: text.split('\n\n').map((block) => {
      const content: JSONContent[] = [];
      block.split('\n').forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' });
        if (line) content.push({ type: 'text', text: line });
      });
      return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
    }),
  };
}

/** Plain-text offset (UTF-16) → ProseMirror position. */
export function offsetToPos(offset: number): number {
  return offset + 1;
}

/** ProseMirror position → plain-text offset, clamped into the text. */
export function posToOffset(pos: number, textLength: number): number {
  return Math.min(Math.max(pos - 1, 0), textLength);
}
