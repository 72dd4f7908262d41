/**
 * Every export format behind one entry point, so the app, the CLI and the benchmark write
 * files through the same code: `exportChunks(format, dataset)` yields strings or bytes to be
 * written one after another (nothing here builds a giant string for the text formats).
 */
import { datasetJsonChunks, type DatasetArticle, type DatasetStream } from '../dataset.ts';
import { findLoneSurrogates } from '../../text/surrogates.ts';
import { jsonlChunks } from './jsonl.ts';
import { csvChunks } from './csv.ts';
import { w3cChunks } from './w3c.ts';
import { refiCodebookBytes, refiQdpxBytes } from './refi-qda.ts';
import { bratZipBytes } from './brat.ts';

export const EXPORT_FORMATS = {
  json: { label: 'Presswork dataset (JSON)', extension: '.json', mime: 'application/json' },
  jsonl: { label: 'JSON Lines, one article per line', extension: '.jsonl', mime: 'application/jsonl' },
  csv: { label: 'CSV, one row per annotation', extension: '.csv', mime: 'text/csv' },
  w3c: { label: 'W3C Web Annotation (JSON-LD)', extension: '.jsonld', mime: 'application/ld+json' },
  qdpx: { label: 'REFI-QDA project (.qdpx)', extension: '.qdpx', mime: 'application/zip' },
  qdc: { label: 'REFI-QDA codebook (.qdc)', extension: '.qdc', mime: 'application/xml' },
  brat: { label: 'brat standoff (zip)', extension: '.zip', mime: 'application/zip' },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/**
 * Formats written as UTF-8 text or XML, which cannot hold a lone surrogate: it becomes U+FFFD.
 * The JSON formats keep it (JSON.stringify writes it as an escape such as \ud83d).
 */
export const REPLACES_LONE_SURROGATES: ReadonlySet<ExportFormat> = new Set(['csv', 'qdpx', 'qdc', 'brat']);

/**
 * What an export to `format` changes in these articles (and, once, the header): one line per
 * lone surrogate written as U+FFFD, naming the article and the field. Empty for lossless formats.
 */
export function replacementWarnings(format: ExportFormat, header: unknown, articles: readonly DatasetArticle[], limit = 50): string[] {
  if (!REPLACES_LONE_SURROGATES.has(format)) return [];
  const found = header === undefined ? [] : findLoneSurrogates(header, '');
  for (const a of format === 'qdc' ? [] : articles) {
    if (found.length >= limit) break;
    // Named by title, as the user knows it (its id when it has none).
    found.push(...findLoneSurrogates(a, `article ${JSON.stringify(a.title ? a.title.slice(0, 40) : a.id)}`, limit - found.length));
  }
  return found.map((f) => `${f.path.replace(/^\./, '')}: lone surrogate ${f.unit} at code point ${f.codePoint} written as U+FFFD`);
}

export function isExportFormat(s: string): s is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, s);
}

export interface ExportOptions {
  /** CSV: start with a UTF-8 byte order mark (Excel). */
  bom?: boolean;
  /** JSON: indentation (default 2; 0 for one line). */
  indent?: number;
  /** W3C: base IRI for ids (URNs otherwise). */
  baseIri?: string;
}

export function* exportChunks(format: ExportFormat, source: DatasetStream, opts: ExportOptions = {}): Generator<string | Uint8Array> {
  switch (format) {
    case 'json':
      yield* datasetJsonChunks(source, opts.indent === undefined ? {} : { indent: opts.indent });
      return;
    case 'jsonl':
      yield* jsonlChunks(source);
      return;
    case 'csv':
      yield* csvChunks(source, { bom: opts.bom ?? false });
      return;
    case 'w3c':
      yield* w3cChunks(source, opts.baseIri ? { baseIri: opts.baseIri } : {});
      return;
    // The zip formats are built in memory: fflate's synchronous zip, fine for what QDA tools
    // and brat open (they load whole projects themselves).
    case 'qdpx':
      yield refiQdpxBytes(source);
      return;
    case 'qdc':
      yield refiCodebookBytes(source);
      return;
    case 'brat':
      yield bratZipBytes(source);
      return;
  }
}
