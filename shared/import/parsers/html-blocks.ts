/**
 * HTML → paragraphs, on linkedom (runs in Node and in Web Workers, which have no DOMParser).
 * linkedom never runs scripts nor loads resources: the page is only data.
 */
import { parseHTML } from 'linkedom';
import { normaliseInline } from '../../text/normalise.ts';

/** The little of the DOM we walk; structural so that shared/ compiles without the DOM lib. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
  'BR', 'CENTER', 'TFOOT', 'CAPTION', 'HTML',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK']);

/** Paragraphs of the text under `root`: every block element (and `<br>`) ends a paragraph. */
export function blocksToParagraphs(root: DomNode, skip: ReadonlySet<string> = SKIP): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = () => {
    const p = normaliseInline(buffer);
    if (p !== '') paragraphs.push(p);
    buffer = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (skip.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    // Read childNodes once: linkedom builds a fresh list on every access.
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child) walk(child);
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}

/**
 * Parses a page with linkedom. Its declared return type (`Window & typeof globalThis`) changes
 * meaning with the DOM lib of the tsconfig in use, so the document is typed by the caller.
 */
export function parseDocument<T>(html: string): T {
  return (parseHTML(html) as unknown as { document: T }).document;
}

/** A fragment of HTML (e.g. a `content` field of a JSON export) → paragraphs. */
export function htmlFragmentToParagraphs(html: string): string[] {
  const document = parseDocument<{ body: DomNode }>(`<!doctype html><html><body>${html}</body></html>`);
  return blocksToParagraphs(document.body);
}

/** True for text that is HTML markup rather than prose mentioning a tag. */
export function looksLikeHtml(text: string): boolean {
  return /<(p|br|div|h[1-6]|li|ul|ol|span|a|strong|em|b|i|blockquote|article|section)(\s[^>]*)?\/?>/i.test(text) && /<\/\w+>|<br\s*\/?>/i.test(text);
}
