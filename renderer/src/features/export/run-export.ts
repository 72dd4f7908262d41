/**
 * One export from the app: plan the scope, read the articles in batches, run the format writer,
 * and stream the parts through the bridge as they are made (native dialog + atomic write on the
 * desktop, a save picker or a download on the web).
 */
import type { Bridge, SaveResult } from '@shared/bridge/contract.ts';
import { exportChunksAsync } from '@shared/dataset/app-stream.ts';
import { EXPORT_FORMATS, replacementWarnings, type ExportFormat } from '@shared/dataset/formats/index.ts';
import type { DatasetArticle } from '@shared/dataset/dataset.ts';
import { csvRelationRows, csvRelationsHead, relationsCsvPath } from '@shared/dataset/formats/csv.ts';
import { zipWriter } from '@shared/dataset/formats/zip-parts.ts';
import type { ExportLayer } from '@shared/analysis/adjudication/gold.ts';
import { planExport, readExportArticles, type ExportScope, type SkippedAnnotation } from '../../db/export-reader.ts';

export interface ExportRequest {
  projectId: string;
  projectName: string;
  format: ExportFormat;
  scope: ExportScope;
  /** CSV only: a UTF-8 byte order mark for Excel. */
  bom: boolean;
  /** Which coders' layers (default: the gold layer when there is one, else all). */
  layer?: ExportLayer;
}

export interface ExportProgress {
  articlesDone: number;
  articlesTotal: number;
}

export interface ExportOutcome {
  save: SaveResult;
  articles: number;
  annotations: number;
  /** Damaged annotations left out of the file, listed for the user (never dropped silently). */
  skipped: SkippedAnnotation[];
  /** Text the format could not hold as it is (lone surrogates written as U+FFFD), by place. */
  replaced: string[];
}

export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled.');
    this.name = 'ExportCancelled';
  }
}

/** Strings are joined up to about this many characters per part (zip bytes likewise): few parts, none giant. */
const PART_CHARS = 1 << 20;

/**
 * The CSV export is two files — annotations and relations, one row per link — saved together in
 * one zip (a browser grants one save dialog per click; one file keeps them from drifting apart).
 */
const CSV_ZIP = { extension: '.zip', mime: 'application/zip' } as const;

/** `Election coverage-2026-11-28.csv`: the project name made safe for every file system. */
export function suggestedFileName(projectName: string, format: ExportFormat, date = new Date()): string {
  const name = baseFileName(projectName, format, date);
  return format === 'csv' ? name.replace(/\.csv$/, `-csv${CSV_ZIP.extension}`) : name;
}

function baseFileName(projectName: string, format: ExportFormat, date: Date): string {
  const base =
    projectName
      .normalize('NFC')
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[. ]+$/, '')
      .slice(0, 80) || 'presswork';
  const day = date.toISOString().slice(0, 10);
  const suffix = format === 'qdc' ? '-codebook' : format === 'brat' ? '-brat' : '';
  return `${base}${suffix}-${day}${EXPORT_FORMATS[format].extension}`;
}

type Part = string | Uint8Array;

/** Where an export's parts go, in order, one call at a time (the next waits for this one). */
export type PartSink = (part: Part) => Promise<void>;

interface ExportCounts {
  articles: number;
  annotations: number;
  skipped: SkippedAnnotation[];
  replaced: string[];
}

/**
 * Runs the export and hands its parts to `sink` as they are made (strings joined up to about
 * PART_CHARS, zip bytes gathered to about as many): memory stays at one batch of articles and
 * one part, whatever the size of the project. `onProgress` after every batch; stops between
 * batches when aborted.
 */
export async function writeExport(request: ExportRequest, onProgress: (p: ExportProgress) => void, sink: PartSink, signal?: AbortSignal): Promise<ExportCounts> {
  const plan = await planExport(request.projectId, request.scope, undefined, request.layer);
  const total = request.format === 'qdc' ? 0 : plan.articleIds.length;
  onProgress({ articlesDone: 0, articlesTotal: total });
  let done = 0;
  let annotations = 0;
  const skipped: SkippedAnnotation[] = [];
  const replaced = replacementWarnings(request.format, { project: plan.header.project, codebook: plan.header.codebook, actors: plan.header.actors }, []);
  // The relations file is written after the annotations, so its rows wait (one per relation).
  const relationParts: string[] = [csvRelationsHead({ bom: request.bom })];
  async function* counted(): AsyncGenerator<DatasetArticle[]> {
    for await (const batch of readExportArticles(plan, undefined, (s) => skipped.push(s))) {
      if (signal?.aborted) throw new ExportCancelled();
      done += batch.length;
      for (const a of batch) annotations += a.annotations.length;
      if (replaced.length < 50) replaced.push(...replacementWarnings(request.format, undefined, batch, 50 - replaced.length));
      if (request.format === 'csv') for (const a of batch) relationParts.push(csvRelationRows(plan.header, a));
      onProgress({ articlesDone: done, articlesTotal: total });
      yield batch;
    }
  }
  const zip = request.format === 'csv' ? zipWriter() : null;
  const csvName = baseFileName(request.projectName, 'csv', new Date());
  const csvFile = zip?.entry(csvName);
  let pending = '';
  let zipped: Uint8Array[] = [];
  let zippedBytes = 0;
  const sendZipped = async (all: boolean) => {
    if (!zip) return;
    for (const bytes of zip.take()) {
      zipped.push(bytes);
      zippedBytes += bytes.length;
    }
    if (zipped.length === 0 || (!all && zippedBytes < PART_CHARS)) return;
    const joined = new Uint8Array(zippedBytes);
    let at = 0;
    for (const bytes of zipped) {
      joined.set(bytes, at);
      at += bytes.length;
    }
    zipped = [];
    zippedBytes = 0;
    await sink(joined);
  };
  const send = async (part: Part) => {
    if (csvFile) {
      csvFile.push(part);
      await sendZipped(false);
    } else await sink(part);
  };
  for await (const chunk of exportChunksAsync(request.format, plan.header, counted(), { bom: request.bom })) {
    if (typeof chunk === 'string') {
      pending += chunk;
      if (pending.length >= PART_CHARS) {
        await send(pending);
        pending = '';
      }
    } else {
      if (pending) await send(pending);
      pending = '';
      await send(chunk);
    }
  }
  if (signal?.aborted) throw new ExportCancelled();
  if (zip && csvFile) {
    csvFile.push(pending, true);
    zip.entry(relationsCsvPath(csvName)).push(relationParts.join(''), true);
    zip.end();
    await sendZipped(true);
  } else if (pending) await sink(pending);
  return { articles: request.format === 'qdc' ? 0 : done, annotations, skipped, replaced };
}

/** The whole file's parts in memory (tests, and exports that must outlive a lost click). */
export async function buildExportParts(request: ExportRequest, onProgress: (p: ExportProgress) => void, signal?: AbortSignal): Promise<ExportCounts & { parts: Part[] }> {
  const parts: Part[] = [];
  const counts = await writeExport(request, onProgress, async (part) => void parts.push(part), signal);
  return { parts, ...counts };
}

export type SaveStreams = Pick<Bridge, 'saveStreamOpen' | 'saveStreamWrite' | 'saveStreamClose'>;

/**
 * The app's export: the save dialog first (during the click that asked for it), then the file
 * streamed through the bridge part by part — to disk by main's atomic writer on the desktop, to
 * the picked file or a download on the web. A failed or cancelled export discards what was
 * written (the old file, if any, stays as it was).
 */
export async function streamExport(bridge: SaveStreams, request: ExportRequest, onProgress: (p: ExportProgress) => void, signal?: AbortSignal): Promise<ExportOutcome> {
  const opened = await bridge.saveStreamOpen({ suggestedName: suggestedFileName(request.projectName, request.format), mimeType: mimeOf(request.format) });
  if (opened.status === 'cancelled') return { save: { status: 'cancelled' }, articles: 0, annotations: 0, skipped: [], replaced: [] };
  let counts: ExportCounts;
  try {
    counts = await writeExport(request, onProgress, (part) => bridge.saveStreamWrite(opened.stream, [part]), signal);
  } catch (e) {
    await bridge.saveStreamClose(opened.stream, false).catch(() => {});
    throw e;
  }
  return { save: await bridge.saveStreamClose(opened.stream, true), ...counts };
}

function mimeOf(format: ExportFormat): string {
  return format === 'csv' ? CSV_ZIP.mime : EXPORT_FORMATS[format].mime;
}

export type BuiltExport = Awaited<ReturnType<typeof buildExportParts>> & { request: ExportRequest };

export async function saveBuiltExport(bridge: Pick<Bridge, 'saveFile'>, built: BuiltExport): Promise<ExportOutcome> {
  const { request } = built;
  const save = await bridge.saveFile({
    suggestedName: suggestedFileName(request.projectName, request.format),
    parts: built.parts,
    mimeType: mimeOf(request.format),
  });
  return { save, articles: built.articles, annotations: built.annotations, skipped: built.skipped, replaced: built.replaced };
}

/**
 * A browser opens its save picker only during a click (transient user activation, a few
 * seconds); a long export outlives it. The file is kept and saved on the next click.
 */
export function needsAnotherClick(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'name' in e && (e.name === 'SecurityError' || e.name === 'NotAllowedError');
}
