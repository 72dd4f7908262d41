/**
 * Reading files the app imports back: a Presswork dataset (restore or merge) checked before
 * anything is stored, with messages a researcher can act on, and a parsed REFI-QDA codebook
 * presented as a dataset without articles so that `mergeDataset` adds its codes as tags.
 */
import { DATASET_FORMAT, DATASET_VERSION, readDataset, type Dataset } from './dataset.ts';
import type { ParsedCodebook } from './refi-qda.ts';
import { validateDataset } from './validate.ts';

export type DatasetFileResult =
  | { ok: true; dataset: Dataset; /** Problems the import survives (offsets re-anchored by quote, or reported). */ warnings: string[] }
  | { ok: false; message: string; problems: string[] };

/** Offsets that do not fit the quote: the import re-anchors those annotations or reports them. */
const RECOVERABLE = /: offsets \d+\.\.\d+ are outside the text|, not the quote /;

function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export function readDatasetFile(name: string, bytes: Uint8Array): DatasetFileResult {
  // Files people pick by mistake among their exports: say what they are.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return { ok: false, message: `“${name}” is a zip archive (a REFI-QDA project or a brat export), not a Presswork dataset. Choose the .json dataset instead.`, problems: [] };
  }
  const text = decode(bytes);
  if (text !== null && text.trimStart().startsWith('<')) {
    return { ok: false, message: `“${name}” is an XML file, not a Presswork dataset. A REFI-QDA codebook (.qdc) is added to a project with Export → Import codebook.`, problems: [] };
  }
  if (text === null) return { ok: false, message: `“${name}” is not a text file in UTF-8, so it cannot be a Presswork dataset.`, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `“${name}” is not valid JSON (${e instanceof Error ? e.message : String(e)}).`, problems: [] };
  }
  const format = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>).format : undefined;
  if (format !== DATASET_FORMAT) {
    return {
      ok: false,
      message: `“${name}” is not a Presswork dataset: it has no "format": "${DATASET_FORMAT}". Choose a file saved with Export → Presswork dataset (JSON).`,
      problems: [],
    };
  }
  const version = (json as Record<string, unknown>).version;
  if (version !== DATASET_VERSION) {
    return { ok: false, message: `“${name}” is a Presswork dataset of version ${JSON.stringify(version)}; this Presswork reads version ${DATASET_VERSION}.`, problems: [] };
  }
  const problems = validateDataset(json);
  const fatal = problems.filter((p) => !RECOVERABLE.test(p));
  if (fatal.length > 0) {
    return { ok: false, message: `“${name}” is a Presswork dataset, but it has ${fatal.length === 1 ? 'a problem' : `${fatal.length} problems`}; nothing was imported.`, problems: fatal };
  }
  return { ok: true, dataset: readDataset(json), warnings: problems };
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
