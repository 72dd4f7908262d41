/**
 * Reading files the app imports back: a Presswork dataset (restore or merge) checked before
 * anything is stored, with messages a researcher can act on, and a parsed REFI-QDA codebook
 * presented as a dataset without articles so that `mergeDataset` adds its codes as tags.
 */
import { DATASET_FORMAT, DATASET_VERSION, READABLE_DATASET_VERSIONS, makeArticleReader, readDatasetHeader, type Dataset, type DatasetArticle } from './dataset.ts';
import { ArticleSyntaxError, openDatasetSteps, type ScannedDataset } from './dataset-scan.ts';
import type { ParsedCodebook } from './formats/refi-qda.ts';
import { validateDatasetSteps } from './validate.ts';
import { runSteps, runStepsSliced, type SliceOptions, type Steps } from './steps.ts';
import { errorMessage } from '../errors.ts';

export type DatasetFileResult =
  | { ok: true; dataset: Dataset; /** Problems the import survives (offsets re-anchored by quote, or reported). */ warnings: string[] }
  | { ok: false; message: string; problems: string[] };

/** Offsets that do not fit the quote: the import re-anchors those annotations or reports them. */
const RECOVERABLE = /: offsets \d+\.\.\d+ are outside the text|, not the quote |^unicode: /;

function isUtf8(bytes: Uint8Array): boolean {
  try {
    // Decoding only a prefix keeps huge files from becoming one giant string here; a sequence
    // cut at the end of the prefix is not an error (`stream: true`).
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 1 << 20), { stream: true });
    return true;
  } catch {
    return false;
  }
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i];
}

/**
 * Checks and reads a dataset file. The bytes are scanned article by article (dataset-scan.ts),
 * so a file larger than the longest JavaScript string still opens. Never throws: whatever goes
 * wrong is a refusal with a message.
 */
export function readDatasetFile(name: string, bytes: Uint8Array): DatasetFileResult {
  return runSteps(readDatasetSteps(name, bytes));
}

/** readDatasetFile in slices that leave the window responsive (the app's restore and merge). */
export function readDatasetFileSliced(name: string, bytes: Uint8Array, opts?: SliceOptions): Promise<DatasetFileResult> {
  return runStepsSliced(readDatasetSteps(name, bytes), opts);
}

function* readDatasetSteps(name: string, bytes: Uint8Array): Steps<DatasetFileResult> {
  try {
    return yield* readSteps(name, bytes);
  } catch (e) {
    // A fault no check above foresaw still ends in a message, not an uncaught error.
    const reason = e instanceof RangeError && /call stack/i.test(e.message) ? 'it is nested too deeply' : errorMessage(e);
    return { ok: false, message: `“${name}” could not be read (${reason}); nothing was imported.`, problems: [] };
  }
}

function* readSteps(name: string, bytes: Uint8Array): Steps<DatasetFileResult> {
  // Files people pick by mistake among their exports: say what they are.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return { ok: false, message: `“${name}” is a zip archive (a REFI-QDA project or a brat export), not a Presswork dataset. Choose the .json dataset instead.`, problems: [] };
  }
  if (!isUtf8(bytes)) return { ok: false, message: `“${name}” is not a text file in UTF-8, so it cannot be a Presswork dataset.`, problems: [] };
  if (firstNonSpace(bytes) === 0x3c) {
    return { ok: false, message: `“${name}” is an XML file, not a Presswork dataset. A REFI-QDA codebook (.qdc) is added to a project with Export → Import codebook.`, problems: [] };
  }
  let scanned: ScannedDataset;
  try {
    scanned = yield* openDatasetSteps(bytes);
  } catch (e) {
    const reason = e instanceof TypeError ? 'it is not text in UTF-8' : errorMessage(e);
    return { ok: false, message: `“${name}” is not valid JSON (${reason}).`, problems: [] };
  }
  const header = scanned.header;
  const format = typeof header === 'object' && header !== null && !Array.isArray(header) ? (header as Record<string, unknown>).format : undefined;
  if (format !== DATASET_FORMAT) {
    return {
      ok: false,
      message: `“${name}” is not a Presswork dataset: it has no "format": "${DATASET_FORMAT}". Choose a file saved with Export → Presswork dataset (JSON).`,
      problems: [],
    };
  }
  const version = (header as Record<string, unknown>).version;
  if (typeof version !== 'number' || !READABLE_DATASET_VERSIONS.includes(version)) {
    return { ok: false, message: `“${name}” is a Presswork dataset of version ${JSON.stringify(version)}; this Presswork reads versions ${READABLE_DATASET_VERSIONS.join(' and ')}.`, problems: [] };
  }
  // Articles are parsed once, kept for reading after the check.
  const parsed: unknown[] = [];
  let broken: ArticleSyntaxError | null = null;
  function* keep(): Generator<unknown> {
    try {
      for (const a of scanned.articles()) {
        parsed.push(a);
        yield a;
      }
    } catch (e) {
      if (!(e instanceof ArticleSyntaxError)) throw e;
      broken = e;
    }
  }
  const problems = yield* validateDatasetSteps(header, keep());
  const fatal = problems.filter((p) => !RECOVERABLE.test(p));
  if (broken) fatal.unshift((broken as ArticleSyntaxError).message);
  if (fatal.length > 0) {
    return { ok: false, message: `“${name}” is a Presswork dataset, but it has ${fatal.length === 1 ? 'a problem' : `${fatal.length} problems`}; nothing was imported.`, problems: fatal };
  }
  const datasetHeader = readDatasetHeader(header);
  const readArticle = makeArticleReader(datasetHeader);
  const articles: DatasetArticle[] = [];
  for (let index = 0; index < parsed.length; index++) {
    articles.push(readArticle(parsed[index], index));
    parsed[index] = undefined;
    if (index % 64 === 63) yield;
  }
  return { ok: true, dataset: { ...datasetHeader, articles }, warnings: problems };
}

/** A codebook as a dataset with no articles or actors (for `mergeDataset`). */
export function codebookAsDataset(parsed: ParsedCodebook, now: string, name = 'Imported codebook'): Dataset {
  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    exportedAt: now,
    generator: 'REFI-QDA codebook',
    offsets: { unit: 'code-point', end: 'exclusive' },
    project: { id: 'codebook', name, createdAt: now, updatedAt: now },
    codebook: {
      categories: parsed.categories.map((c) => ({ id: c.id, name: c.name, level: c.level, color: c.color, builtIn: false, attributes: [] })),
      tags: parsed.tags.map((t, order) => ({ ...t, shortcut: null, order, createdAt: now })),
    },
    actors: [],
    articles: [],
  };
}
