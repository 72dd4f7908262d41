/**
 * One file → drafts and problems: decode → parse (by content and extension) → clean → drafts.
 * Pure (no Node built-ins, no DOM globals): runs in the app's Web Worker and in the CLI.
 * Never throws for bad input: every failure is a problem naming the file (and line or row).
 */
import type { ArticleMeta, Draft, DraftSource, ImportProblem } from '../model/types.ts';
import { cleanArticleWithStats, NO_CLEAN_STATS } from './clean.ts';
import { decodeBytes } from './decode.ts';
import { addStats, type FileReport } from './file-report.ts';
import { declaredLanguageFits, detectLanguage } from './language.ts';
import { parseDelimited, parseJson, parseJsonLines } from './parsers/batch.ts';
import { parseDocx } from './parsers/docx.ts';
import { parseXmlFeed, sniffXml, XML_KIND_NAMES, type XmlKind } from './parsers/feed.ts';
import { declaredCharset, parseHtml } from './parsers/html.ts';
import { parseMarkdown } from './parsers/markdown.ts';
import { parsePdf } from './parsers/pdf.ts';
import { parseRtf } from './parsers/rtf.ts';
import { NUL_RECORD, rawArticleHasNul, type ParseResult, type RawArticle } from './raw-article.ts';
import { detectSignature, SIGNATURE_NAMES } from './signature.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { decodeXmlBytes, xmlDeclaredEncoding } from './xml-encoding.ts';
import { errorMessage } from '../errors.ts';

export { MAX_FILE_BYTES };

export interface ImportResult {
  drafts: Draft[];
  problems: ImportProblem[];
  /** What was detected in the file and what cleaning removed (see file-report.ts). */
  report: FileReport;
}

type TextFormat = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'csv' | 'tsv' | XmlKind;

const FORMAT_NAMES: Record<TextFormat, string> = {
  text: 'plain text',
  markdown: 'Markdown',
  html: 'HTML page',
  json: 'JSON',
  jsonl: 'JSON Lines',
  csv: 'CSV',
  tsv: 'TSV',
  ...XML_KIND_NAMES,
};

/** A parse result with what the report says about the file. */
interface Parsed extends ParseResult {
  format: string;
  encoding?: string;
  notes?: string[];
}

const TEXT_EXTENSIONS: Record<string, TextFormat> = {
  txt: 'text', text: 'text',
  md: 'markdown', markdown: 'markdown',
  html: 'html', htm: 'html', xhtml: 'html', shtml: 'html',
  json: 'json',
  jsonl: 'jsonl', ndjson: 'jsonl',
  csv: 'csv',
  tsv: 'tsv', tab: 'tsv',
};

const lenientUtf8 = new TextDecoder('utf-8');

/** The first bytes as text, for sniffing ASCII markup (other bytes may come out as U+FFFD). */
function asciiHead(bytes: Uint8Array, length: number): string {
  return lenientUtf8.decode(bytes.subarray(0, length));
}

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function formatMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The problem for a file over MAX_FILE_BYTES; callers that know the size first (CLI) use it without reading. */
export function oversizeProblem(file: string, size: number): ImportProblem {
  return { source: { file }, message: `file too large (${formatMB(size)}; the limit is ${formatMB(MAX_FILE_BYTES)})` };
}

/**
 * Content decides where the extension lies or is missing: an HTML page saved as .txt is HTML,
 * an RSS feed saved as .txt or .xml is a feed.
 */
function sniffFormat(text: string, ext: string): TextFormat {
  const byExt = TEXT_EXTENSIONS[ext];
  const head = text.slice(0, 1024).trimStart();
  const xml = byExt === 'json' || byExt === 'jsonl' || byExt === 'csv' || byExt === 'tsv' ? undefined : sniffXml(text);
  if (xml) return xml;
  const isHtml = /^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)/i.test(head);
  if (isHtml && byExt !== 'json' && byExt !== 'jsonl' && byExt !== 'csv' && byExt !== 'tsv') return 'html';
  if (byExt) return byExt;
  if (/^[[{]/.test(head)) {
    const firstLine = head.split('\n', 1)[0] ?? '';
    if (/^\{.*\}\s*$/.test(firstLine) && text.trim().includes('\n')) return 'jsonl';
    return 'json';
  }
  return 'text';
}

const SINGLE_ARTICLE_FORMATS: ReadonlySet<TextFormat> = new Set(['text', 'markdown', 'html']);

/** A parser's single article or error as a parse result. */
function one(a: RawArticle | { error: string }): ParseResult {
  return 'error' in a ? { articles: [], problems: [{ message: a.error }] } : { articles: [a], problems: [] };
}

function parseText(text: string, format: TextFormat): ParseResult & { notes?: string[] } {
  switch (format) {
    case 'rss':
    case 'rdf':
    case 'atom':
    case 'xml':
      return parseXmlFeed(text, format);
    case 'text':
      return one({ text, meta: {} });
    case 'markdown':
      return one(parseMarkdown(text));
    case 'html':
      return one(parseHtml(text));
    case 'json':
    case 'jsonl':
      return parseJsonEither(text, format);
    case 'csv':
      return parseDelimited(text);
    case 'tsv':
      return parseDelimited(text, '\t');
  }
}

function parsesAsObject(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/**
 * JSON Lines saved as .json and pretty-printed JSON saved as .jsonl are both common: the
 * extension picks the first try, the content decides.
 */
function parseJsonEither(text: string, format: 'json' | 'jsonl'): ParseResult {
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
  if (format === 'json') {
    const result = parseJson(text);
    const broken = result.articles.length === 0 && result.problems[0]?.message.startsWith('not valid JSON');
    return broken && parsesAsObject(firstLine) ? parseJsonLines(text) : result;
  }
  if (!parsesAsObject(firstLine)) {
    const whole = parseJson(text);
    if (!whole.problems[0]?.message.startsWith('not valid JSON')) return whole;
  }
  return parseJsonLines(text);
}

async function parseBytes(file: string, bytes: Uint8Array): Promise<Parsed> {
  const ext = extensionOf(file);
  const signature = detectSignature(bytes);
  const refused = (format: string, message: string): Parsed => ({ format, articles: [], problems: [{ message }] });

  if (signature === 'pdf') return { ...one(await parsePdf(bytes)), format: 'PDF' };
  if (signature === 'zip') return { ...one(await parseDocx(bytes)), format: 'Word document' };
  if (signature === 'rtf') return { ...one(parseRtf(bytes)), format: 'RTF' };
  if (signature === 'ole') return refused(SIGNATURE_NAMES[signature], `unsupported document format: ${SIGNATURE_NAMES[signature]}`);
  if (signature) return refused(SIGNATURE_NAMES[signature], `binary file (${SIGNATURE_NAMES[signature]}), not an article file`);
  if (ext === 'pdf') return refused('PDF', 'not a valid PDF file (no %PDF header)');
  if (ext === 'docx') return refused('Word document', 'not a valid .docx file (not a ZIP archive)');

  // Pages saved as .php, .aspx or .txt declare their charset too.
  // Only ASCII markup matters here: a lenient UTF-8 decode of the first bytes is enough (and fast).
  const head = asciiHead(bytes, 1024);
  const looksHtml = TEXT_EXTENSIONS[ext] === 'html' || /<!doctype html|<html[\s>]|<meta\s/i.test(head);
  // An XML prolog's encoding is binding (XML 1.0 §4.3.3): feeds in KOI8-R or windows-1251 say so.
  const xmlDeclared = xmlDeclaredEncoding(bytes) !== undefined;
  const hint = looksHtml && !xmlDeclared ? declaredCharset(bytes) : undefined;
  const decoded = xmlDeclared ? decodeXmlBytes(bytes) : decodeBytes(bytes, hint ? { declaredCharset: hint } : undefined);
  if ('error' in decoded) return refused('text', decoded.error);
  if (decoded.text.trim() === '') return { ...refused('text', 'empty file (only white space)'), encoding: decoded.encoding };
  // A charset declared in the page that the bytes contradict is re-detected by decodeBytes.
  const format = sniffFormat(decoded.text, ext);
  const notes: string[] = [];
  const invalid = 'invalidSequences' in decoded ? (decoded.invalidSequences ?? 0) : 0;
  if (invalid > 0) notes.push(`${invalid.toLocaleString('en')} invalid byte ${invalid === 1 ? 'sequence' : 'sequences'} (not UTF-8), shown as \ufffd`);
  let text = decoded.text;
  // A single-article file keeps its text without the stray NUL bytes (batch files and feeds
  // refuse the records holding them instead, see NUL_RECORD).
  if (SINGLE_ARTICLE_FORMATS.has(format) && text.includes('\0')) {
    const before = text.length;
    text = text.replaceAll('\0', '');
    const n = before - text.length;
    notes.push(`${n.toLocaleString('en')} NUL ${n === 1 ? 'byte' : 'bytes'} removed (binary data in a text file)`);
  }
  const parsed = parseText(text, format);
  return { ...parsed, format: FORMAT_NAMES[format], encoding: decoded.encoding, notes: [...notes, ...(parsed.notes ?? [])] };
}

function draftFrom(file: string, raw: RawArticle, report: FileReport): Draft | ImportProblem {
  const source: DraftSource = raw.index === undefined ? { file } : { file, index: raw.index };
  const input: { title?: string; text?: string; paragraphs?: string[] } = {};
  if (raw.title !== undefined) input.title = raw.title;
  if (raw.text !== undefined) input.text = raw.text;
  if (raw.paragraphs !== undefined) input.paragraphs = raw.paragraphs;
  const { title, text, removed } = cleanArticleWithStats(input);
  addStats(report.removed, removed);
  const prefix = raw.where ? `${raw.where}: ` : '';
  if (text === '') return { source, message: `${prefix}no article text left after cleaning` };
  const meta: ArticleMeta = { ...raw.meta };
  const language = detectLanguage(text) ?? declaredLanguageFits(text, raw.declaredLanguage);
  if (language) {
    meta.language = language;
    report.languages[language] = (report.languages[language] ?? 0) + 1;
  }
  report.articles++;
  return { source, title, text, meta };
}

export interface ImportOptions {
  /** Called as the articles of the file are cleaned (batch files hold thousands). */
  onProgress?: (articlesDone: number, articlesTotal: number) => void;
  /** Stops between articles: the drafts finished so far are returned, never half an article. */
  signal?: AbortSignal;
}

// Long batch files yield to the event loop this often, so a Cancel message can reach the worker.
const YIELD_EVERY_MS = 50;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function emptyReport(file: string, format: string): FileReport {
  return { file, format, items: 0, articles: 0, languages: {}, removed: { ...NO_CLEAN_STATS }, notes: [] };
}

export async function importFile(file: { name: string; bytes: Uint8Array }, options: ImportOptions = {}): Promise<ImportResult> {
  const name = file.name;
  const refused = (message: string): ImportResult => ({ drafts: [], problems: [{ source: { file: name }, message }], report: emptyReport(name, 'unknown') });
  if (options.signal?.aborted) return { drafts: [], problems: [], report: emptyReport(name, 'unknown') };
  if (file.bytes.length > MAX_FILE_BYTES) return { ...refused(''), problems: [oversizeProblem(name, file.bytes.length)] };
  if (file.bytes.length === 0) return refused('empty file');

  let parsed: Parsed;
  try {
    parsed = await parseBytes(name, file.bytes);
  } catch (error) {
    // A parser library failing on hostile input is still that file's problem, not a crash.
    return refused(`could not read: ${errorMessage(error)}`);
  }
  const report = emptyReport(name, parsed.format);
  if (parsed.encoding) report.encoding = parsed.encoding;
  // Items the parser could not turn into articles (a feed item without text) count as items too.
  report.items = parsed.articles.length + new Set(parsed.problems.flatMap((p) => (p.index === undefined ? [] : [p.index]))).size;
  report.notes.push(...(parsed.notes ?? []));
  const problems: ImportProblem[] = parsed.problems.map((p) => ({
    source: p.index === undefined ? { file: name } : { file: name, index: p.index },
    message: p.message,
  }));
  const drafts: Draft[] = [];
  const total = parsed.articles.length;
  let lastYield = Date.now();
  for (const [done, raw] of parsed.articles.entries()) {
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      options.onProgress?.(done, total);
      await yieldToEventLoop();
      lastYield = Date.now();
    }
    if (options.signal?.aborted) break;
    for (const warning of raw.warnings ?? []) {
      problems.push({ source: raw.index === undefined ? { file: name } : { file: name, index: raw.index }, message: `${raw.where ? `${raw.where}: ` : ''}${warning}` });
    }
    if (rawArticleHasNul(raw)) {
      problems.push({ source: raw.index === undefined ? { file: name } : { file: name, index: raw.index }, message: `${raw.where ? `${raw.where}: ` : ''}${NUL_RECORD}` });
      continue;
    }
    try {
      const result = draftFrom(name, raw, report);
      if ('message' in result) problems.push(result);
      else drafts.push(result);
    } catch (error) {
      problems.push({
        source: raw.index === undefined ? { file: name } : { file: name, index: raw.index },
        message: `${raw.where ? `${raw.where}: ` : ''}could not clean: ${errorMessage(error)}`,
      });
    }
  }
  if (!options.signal?.aborted) options.onProgress?.(total, total);
  // Batch problems in file order, interleaved as they occur.
  problems.sort((a, b) => (a.source.index ?? -1) - (b.source.index ?? -1));
  return { drafts, problems, report };
}
