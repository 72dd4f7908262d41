/**
 * One export from the app: plan the scope, read the articles in batches, run the format writer,
 * and hand the chunks to the bridge's save (native dialog + atomic write on the desktop, a save
 * picker or a download on the web).
 */
import type { Bridge, SaveResult } from '@shared/bridge/contract.ts';
import { exportChunksAsync } from '@shared/export/app-stream.ts';
import { EXPORT_FORMATS, replacementWarnings, type ExportFormat } from '@shared/export/formats.ts';
import type { DatasetArticle } from '@shared/export/dataset.ts';
import { csvRelationRows, csvRelationsHead, relationsCsvPath } from '@shared/export/csv.ts';
import { zipParts } from '@shared/export/zip-parts.ts';
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

/** Strings are joined up to about this many characters per part: few parts, none giant. */
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

/** Builds the file's parts; `onProgress` after every batch; stops between batches when aborted. */
export async function buildExportParts(
  request: ExportRequest,
  onProgress: (p: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<{ parts: (string | Uint8Array)[]; articles: number; annotations: number; skipped: SkippedAnnotation[]; replaced: string[] }> {
  const plan = await planExport(request.projectId, request.scope, undefined, request.layer);
  const total = request.format === 'qdc' ? 0 : plan.articleIds.length;
  onProgress({ articlesDone: 0, articlesTotal: total });
  let done = 0;
  let annotations = 0;
  const skipped: SkippedAnnotation[] = [];
  const replaced = replacementWarnings(request.format, { project: plan.header.project, codebook: plan.header.codebook, actors: plan.header.actors }, []);
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
  const parts: (string | Uint8Array)[] = [];
  let pending = '';
  for await (const chunk of exportChunksAsync(request.format, plan.header, counted(), { bom: request.bom })) {
    if (typeof chunk === 'string') {
      pending += chunk;
      if (pending.length >= PART_CHARS) {
        parts.push(pending);
        pending = '';
      }
    } else {
      if (pending) parts.push(pending);
      pending = '';
      parts.push(chunk);
    }
  }
  if (pending) parts.push(pending);
  if (signal?.aborted) throw new ExportCancelled();
  if (request.format === 'csv') {
    const name = baseFileName(request.projectName, 'csv', new Date());
    const zipped = zipParts([
      { name, parts },
      { name: relationsCsvPath(name), parts: [relationParts.join('')] },
    ]);
    return { parts: zipped, articles: done, annotations, skipped, replaced };
  }
  return { parts, articles: request.format === 'qdc' ? 0 : done, annotations, skipped, replaced };
}

export type BuiltExport = Awaited<ReturnType<typeof buildExportParts>> & { request: ExportRequest };

export async function saveBuiltExport(bridge: Pick<Bridge, 'saveFile'>, built: BuiltExport): Promise<ExportOutcome> {
  const { request } = built;
  const save = await bridge.saveFile({
    suggestedName: suggestedFileName(request.projectName, request.format),
    parts: built.parts,
    mimeType: request.format === 'csv' ? CSV_ZIP.mime : EXPORT_FORMATS[request.format].mime,
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

export async function runExport(bridge: Pick<Bridge, 'saveFile'>, request: ExportRequest, onProgress: (p: ExportProgress) => void, signal?: AbortSignal): Promise<ExportOutcome> {
  const built = await buildExportParts(request, onProgress, signal);
  return saveBuiltExport(bridge, { ...built, request });
}
