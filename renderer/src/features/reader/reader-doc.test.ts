import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { articleDoc, offsetToPos, posToOffset, READER_NODES } from './reader-doc.ts';

const schema = getSchema(READER_NODES);

const PIECES = ['word', 'Слово', 'ў', 'é', 'e\u0301', '🇺🇦', '👩‍👩‍👧', '𝐀', '😀', ' ', ' ', ',', '«', '»', '\n'];

function rng(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

/** Texts in the stored shape (DESIGN.md §3): paragraphs joined by exactly "\n\n", trimmed. */
function generatedText(r: (n: number) => number): string {
  const paragraphs = Array.from({ length: 1 + r(5) }, () => {
    let p = '';
    const n = 1 + r(25);
    for (let i = 0; i < n; i++) p += PIECES[r(PIECES.length)];
    p = p.replace(/\n+/g, '\n').replace(/^[\s]+|[\s]+$/g, '');
    return p || 'x';
  });
  return paragraphs.join('\n\n');
}

describe('offset ↔ ProseMirror position mapping', () => {
  it('slices the same text in both representations, for many generated texts', () => {
    const r = rng(42);
    for (let round = 0; round < 400; round++) {
      const text = generatedText(r);
      const doc = Node.fromJSON(schema, articleDoc(text));
      // The whole document reads back as the text.
      expect(doc.textBetween(0, doc.content.size, '\n\n', '\n')).toBe(text);
      expect(doc.content.size).toBe(text.length + 2);
      for (let k = 0; k < 20; k++) {
        const a = r(text.length + 1);
        const b = a + r(text.length + 1 - a);
        // Between the two newlines of a paragraph break there is no text position (PM's
        // selections never end there), and textBetween emits no half separator: skip those.
        const inGap = (o: number) => text[o - 1] === '\n' && text[o] === '\n';
        if (inGap(a) || inGap(b)) continue;
        expect(doc.textBetween(offsetToPos(a), offsetToPos(b), '\n\n', '\n')).toBe(text.slice(a, b));
      }
    }
  });

  it('maps every text position to the character stored at its offset', () => {
    const r = rng(7);
    for (let round = 0; round < 100; round++) {
      const text = generatedText(r);
      const doc = Node.fromJSON(schema, articleDoc(text));
      for (let pos = 1; pos < doc.content.size - 1; pos++) {
        const $pos = doc.resolve(pos);
        if (!$pos.parent.isTextblock || pos === $pos.end()) continue;
        const o = posToOffset(pos, text.length);
        expect(doc.textBetween(pos, pos + 1, '\n\n', '\n')).toBe(text.slice(o, o + 1));
      }
    }
  });

  it('clamps positions outside the text', () => {
    expect(posToOffset(0, 10)).toBe(0);
    expect(posToOffset(50, 10)).toBe(10);
  });

  it('keeps line breaks inside a paragraph as hard breaks', () => {
    const json = articleDoc('line one\nline two\n\nnext');
    expect(json.content?.[0]?.content?.map((n) => n.type)).toEqual(['text', 'hardBreak', 'text']);
    expect(json.content).toHaveLength(2);
  });
});
