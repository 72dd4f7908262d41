/**
 * RTF → paragraphs: enough of the format for articles saved from Word or a browser (text,
 * paragraphs, code-page and Unicode characters, the document title); pictures, fonts, styles
 * and other destinations are skipped.
 */
import type { RawArticle } from '../raw-article.ts';

// Destinations whose content is not article text.
const SKIP_DESTINATIONS = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf',
  'footer', 'footerl', 'footerr', 'footerf', 'footnote', 'fldinst', 'themedata', 'colorschememapping',
  'datastore', 'latentstyles', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl',
  'mmathPr', 'pgdsctbl', 'revtbl', 'filetbl', 'bkmkstart', 'bkmkend', 'nonshppict', 'shppict', 'blipuid',
  'author', 'operator', 'company', 'comment', 'doccomm', 'keywords', 'subject', 'category', 'template',
]);

const SYMBOLS: Record<string, string> = {
  emdash: '—', endash: '–', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', bullet: '•',
  tab: '\t', emspace: ' ', enspace: ' ', qmspace: ' ',
};

interface State {
  skip: boolean;
  uc: number;
  /** Collecting the document title ({\info{\title …}}). */
  title: boolean;
}

interface ByteDecoder {
  decode(bytes: Uint8Array): string;
}

function decoderFor(codePage: number): ByteDecoder {
  try {
    return new TextDecoder(codePage === 65001 ? 'utf-8' : `windows-${codePage}`);
  } catch {
    return new TextDecoder('windows-1252');
  }
}

export function parseRtf(bytes: Uint8Array): RawArticle | { error: string } {
  let decoder = decoderFor(1252);
  let text = '';
  let title = '';
  let pendingBytes: number[] = [];
  let skipChars = 0;
  const stack: State[] = [];
  let state: State = { skip: false, uc: 1, title: false };

  const flushBytes = () => {
    if (pendingBytes.length === 0) return;
    const s = decoder.decode(Uint8Array.from(pendingBytes));
    pendingBytes = [];
    emit(s);
  };
  const emit = (s: string) => {
    if (state.skip && !state.title) return;
    if (state.title) title += s;
    else text += s;
  };
  const emitByte = (b: number) => {
    if (skipChars > 0) {
      skipChars--;
      return;
    }
    pendingBytes.push(b);
  };

  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i] ?? 0;
    if (c === 0x7b /* { */) {
      flushBytes();
      stack.push(state);
      state = { ...state };
      i++;
      // {\* …}: an ignorable destination we do not know.
      if (bytes[i] === 0x5c && bytes[i + 1] === 0x2a) {
        state.skip = true;
        i += 2;
      }
      continue;
    }
    if (c === 0x7d /* } */) {
      flushBytes();
      state = stack.pop() ?? { skip: false, uc: 1, title: false };
      i++;
      continue;
    }
    if (c === 0x5c /* \ */) {
      const next = bytes[i + 1] ?? 0;
      if (next === 0x27 /* ' */) {
        emitByte(parseInt(String.fromCharCode(bytes[i + 2] ?? 0x30, bytes[i + 3] ?? 0x30), 16));
        i += 4;
        continue;
      }
      const isLetter = (b: number) => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
      if (!isLetter(next)) {
        flushBytes();
        // Control symbols: escaped characters and special spaces/hyphens.
        const sym = String.fromCharCode(next);
        if (sym === '\\' || sym === '{' || sym === '}') emit(sym);
        else if (sym === '~') emit('\u00a0');
        else if (sym === '_') emit('\u2011');
        else if (sym === '\n' || sym === '\r') emit('\n\n');
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < n && isLetter(bytes[j] ?? 0)) j++;
      const word = String.fromCharCode(...bytes.subarray(i + 1, j));
      let k = j;
      if (bytes[k] === 0x2d /* - */) k++;
      while (k < n && (bytes[k] ?? 0) >= 0x30 && (bytes[k] ?? 0) <= 0x39) k++;
      const param = k > j ? Number(String.fromCharCode(...bytes.subarray(j, k))) : undefined;
      if (bytes[k] === 0x20) k++; // the delimiting space belongs to the control word
      i = k;
      if (word === 'u' && param !== undefined) {
        flushBytes();
        emit(String.fromCharCode(param < 0 ? param + 65536 : param));
        skipChars = state.uc;
        continue;
      }
      flushBytes();
      if (word === 'ansicpg' && param !== undefined) decoder = decoderFor(param);
      else if (word === 'uc' && param !== undefined) state.uc = param;
      else if (word === 'title' && stack.length > 0) {
        state.title = true;
        state.skip = true;
      } else if (SKIP_DESTINATIONS.has(word)) state.skip = true;
      else if (word === 'par' || word === 'sect' || word === 'page') emit('\n\n');
      else if (word === 'line') emit('\n');
      else if (SYMBOLS[word] !== undefined) emit(SYMBOLS[word]);
      continue;
    }
    if (c === 0x0d || c === 0x0a) {
      i++;
      continue;
    }
    emitByte(c);
    i++;
  }
  flushBytes();

  const paragraphs = text.split(/\n{2,}/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
  if (paragraphs.length === 0) return { error: 'no text found in the RTF document' };
  const article: RawArticle = { paragraphs, meta: {} };
  if (title.trim() !== '') article.title = title.trim();
  return article;
}
