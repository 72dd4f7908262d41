/**
 * PDF → paragraphs from the text layer (pdfjs-dist, loaded only when a PDF is seen).
 * Runs without a separate worker file: the worker module is imported into this thread and
 * pdfjs uses it in-process, which works the same in Node, in a page and inside our Web Worker.
 */
import type { RawArticle } from '../raw-article.ts';
import { errorMessage } from '../../errors.ts';

interface TextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  height: number;
  page: number;
}

// A vertical gap this much larger than the usual line spacing starts a new paragraph.
const PARAGRAPH_GAP = 1.4;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

type PostMessage = (message: unknown, ...rest: unknown[]) => void;

function isPdfjsReady(message: unknown): boolean {
  const m = message as { sourceName?: unknown; action?: unknown } | null;
  return typeof m === 'object' && m !== null && m.sourceName === 'worker' && m.action === 'ready';
}

/**
 * pdf.worker.mjs, evaluated inside any Web Worker, believes it *is* the pdf worker: it listens on
 * the worker's messages (harmless: it only answers messages addressed to it) and posts "ready" to
 * the page, which our app would read as its own message. That one message is dropped here;
 * every other message passes through, so code running meanwhile is not disturbed.
 */
async function importWorkerModule(): Promise<unknown> {
  const scope = globalThis as unknown as { postMessage?: PostMessage; window?: unknown };
  const original = scope.postMessage;
  if (typeof original !== 'function' || scope.window !== undefined) return import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const hadOwn = Object.prototype.hasOwnProperty.call(scope, 'postMessage');
  scope.postMessage = (message: unknown, ...rest: unknown[]) => {
    if (!isPdfjsReady(message)) original.call(globalThis, message, ...rest);
  };
  try {
    return await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  } finally {
    if (hadOwn) scope.postMessage = original;
    else delete scope.postMessage;
  }
}

async function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // The legacy build: the modern one needs Promise.withResolvers and friends (not in Node 20).
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // With the worker module on globalThis, pdfjs runs it in this thread: no worker file to serve.
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await importWorkerModule();
    return pdfjs;
  })();
  return loading;
}

/** Lower quartile: the usual line spacing, even when a short text has as many paragraph gaps as line gaps. */
function lowerQuartile(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 4)] ?? 0;
}

const PAGE_NUMBER = /^(page\s+|стр\.?\s*|страница\s+|сторінка\s+|старонка\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(\/|of|из|з)\s*\d{1,4})?$/i;

/**
 * Running heads and feet: the same line (digits aside) first or last on two pages or more,
 * and bare page numbers. Typesetting, not article text.
 */
function dropPageFurniture(lines: Line[]): Line[] {
  const pages = new Map<number, Line[]>();
  for (const line of lines) {
    const list = pages.get(line.page) ?? [];
    list.push(line);
    pages.set(line.page, list);
  }
  const shape = (t: string) => t.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const edgeCounts = new Map<string, number>();
  for (const list of pages.values()) {
    const edges = new Set([list[0], list.at(-1)].filter((l): l is Line => l !== undefined).map((l) => shape(l.text)));
    for (const e of edges) edgeCounts.set(e, (edgeCounts.get(e) ?? 0) + 1);
  }
  return lines.filter((line) => {
    if (PAGE_NUMBER.test(line.text.trim())) return false;
    const list = pages.get(line.page) ?? [];
    const atEdge = line === list[0] || line === list.at(-1);
    return !(atEdge && pages.size >= 2 && (edgeCounts.get(shape(line.text)) ?? 0) >= 2);
  });
}

/** Lines → paragraphs: a new paragraph at a page break or a larger vertical gap. */
function rebuildParagraphs(lines: Line[]): string[] {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a && b && a.page === b.page && a.y > b.y) gaps.push(a.y - b.y);
  }
  const usual = lowerQuartile(gaps);
  const paragraphs: string[] = [];
  let current: string[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const newParagraph =
      prev !== undefined &&
      (prev.page !== line.page ||
        prev.y <= line.y ||
        (usual > 0 ? prev.y - line.y > usual * PARAGRAPH_GAP : prev.y - line.y > Math.max(prev.height, line.height) * 1.8));
    if (newParagraph && current.length > 0) {
      paragraphs.push(current.join(' '));
      current = [];
    }
    current.push(line.text);
  });
  if (current.length > 0) paragraphs.push(current.join(' '));
  // A word hyphenated across lines ("devel- opment") is joined back.
  return paragraphs.map((p) => p.replace(/(\p{Ll})- (\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}

export async function parsePdf(bytes: Uint8Array): Promise<RawArticle | { error: string }> {
  const pdfjs = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      // pdfjs may transfer (detach) the buffer it gets, and refuses Node Buffers: give it a plain copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') return { error: 'password-protected PDF' };
    return { error: `damaged PDF: ${errorMessage(error)}` };
  }
  try {
    const lines: Line[] = [];
    let damage: string | undefined;
    for (let pageNo = 1; pageNo <= doc.numPages; pageNo++) {
      let page: Awaited<ReturnType<typeof doc.getPage>>;
      let content: Awaited<ReturnType<typeof page.getTextContent>>;
      try {
        page = await doc.getPage(pageNo);
        content = await page.getTextContent();
      } catch (error) {
        // One broken page costs that page only; the others are still read.
        damage ??= `page ${pageNo} unreadable (${errorMessage(error)})`;
        continue;
      }
      let text = '';
      let y: number | undefined;
      let height = 0;
      const push = () => {
        if (text.trim() !== '' && y !== undefined) lines.push({ text: text.trim(), y, height, page: pageNo });
        text = '';
        y = undefined;
      };
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItem;
        const itemY = item.transform[5] ?? 0;
        // A different baseline is a new line even without an explicit end-of-line mark.
        if (y !== undefined && Math.abs(itemY - y) > Math.max(item.height, height, 1) * 0.5) push();
        if (y === undefined) y = itemY;
        height = Math.max(height, item.height);
        text += item.str;
        if (item.hasEOL) push();
      }
      push();
      page.cleanup();
    }
    const paragraphs = rebuildParagraphs(dropPageFurniture(lines));
    if (paragraphs.length === 0 && damage) return { error: `damaged PDF: ${damage}` };
    if (paragraphs.length === 0) return { error: 'scanned PDF without text (no text layer; run OCR first)' };
    const info = (await doc.getMetadata().catch(() => undefined))?.info as { Title?: unknown } | undefined;
    const article: RawArticle = { paragraphs, meta: {} };
    if (damage) article.warnings = [`damaged PDF, ${damage}; the other pages were imported`];
    if (typeof info?.Title === 'string' && info.Title.trim() !== '') article.title = info.Title.trim();
    return article;
  } finally {
    await doc.destroy();
  }
}
