/** `presswork convert DATASET.json --to FORMAT -o OUT`: a Presswork dataset to another format. */
import { parseCommandArgs } from '../command-args.ts';
import { exitQuietlyOnEpipe, writeToStdout } from '../output.ts';
import { plural } from '../../shared/text/plural.ts';
import { readFile } from 'node:fs/promises';
import { describeFsError } from '../../node/fs-errors.ts';
import { NotAFileError, writeFileAtomic } from '../../node/atomic-write.ts';
import { warn } from '../messages.ts';
import { makeArticleReader, readDatasetHeader, type DatasetArticle, type DatasetStream } from '../../shared/dataset/dataset.ts';
import { openDatasetBytes, type ScannedDataset } from '../../shared/dataset/dataset-scan.ts';
import { EXPORT_FORMATS, REPLACES_LONE_SURROGATES, exportChunks, isExportFormat, type ExportFormat, type ExportOptions } from '../../shared/dataset/formats/index.ts';
import { LONE_SURROGATE_PREFIX, validateDatasetParts } from '../../shared/dataset/validate.ts';
import { csvRelationChunks, relationsCsvPath } from '../../shared/dataset/formats/csv.ts';

export const summary = 'convert a Presswork dataset (jsonl|csv|w3c|qdpx|qdc|brat|json)';

const HELP = `Usage: presswork convert DATASET.json --to FORMAT -o OUT [options]

Convert a Presswork dataset (the JSON export) to another format. The dataset is validated
first (schema, offsets against quotes, references); an invalid dataset is not converted.

Formats:
${Object.entries(EXPORT_FORMATS)
  .map(([k, f]) => `  ${k.padEnd(8)}${f.label}`)
  .join('\n')}

Options:
  --to FORMAT        output format (required)
  -o, --output OUT   output file (required); - writes to standard output
  --bom              csv: start with a UTF-8 byte order mark, for Excel
                     (csv also writes the relations, one row per link, to OUT-relations.csv)
  --indent N         json: indentation (default 2, 0 = compact)
  --base-iri IRI     w3c: make ids IRIs under this base instead of URNs
  -h, --help         show this help

Offsets in every format count Unicode code points, end-exclusive.

The output appears complete or not at all: it is written to a temporary file beside OUT and
renamed over it at the end (keeping OUT's permissions). If writing fails (a full disk, say),
an existing OUT is left as it was and the exit status is 1. OUT must be a file: folders and
devices are refused.`;

/**
 * Reads and checks a dataset file. Files of any size work: the articles are parsed one at a time
 * (a million annotations exceed the longest JavaScript string), once to validate and once more
 * to convert. Null (after printing why) when the file cannot be read as JSON.
 */
export async function loadDataset(input: string, who: string): Promise<{ doc: ScannedDataset; problems: string[]; annotations: number } | null> {
  try {
    const doc = openDatasetBytes(await readFile(input));
    let annotations = 0;
    function* counted(): Generator<unknown> {
      for (const a of doc.articles()) {
        const list = (a as { annotations?: unknown } | null)?.annotations;
        if (Array.isArray(list)) annotations += list.length;
        yield a;
      }
    }
    const problems = validateDatasetParts(doc.header, counted());
    return { doc, problems, annotations };
  } catch (e) {
    warn(`${who}: cannot read ${input} as JSON: ${describeFsError(e)}`);
    return null;
  }
}

/** The CLI's export path, also used by the benchmark: dataset → format → file (atomically) or `-` (standard output). */
export async function exportToFile(format: ExportFormat, dataset: DatasetStream, out: string, opts: ExportOptions = {}): Promise<number> {
  const chunks = exportChunks(format, dataset, opts);
  return out === '-' ? writeToStdout(chunks) : writeFileAtomic(out, chunks);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('convert', args, {
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
    bom: { type: 'boolean', default: false },
    indent: { type: 'string' },
    'base-iri': { type: 'string' },
  }, HELP);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, usage } = parsed;
  const input = positionals[0];
  if (!input || positionals.length > 1) return usage('give exactly one DATASET.json');
  if (!values.to) return usage('--to FORMAT is required');
  if (!isExportFormat(values.to)) return usage(`unknown format "${values.to}"`);
  if (!values.output) return usage('-o OUT is required');
  const out = values.output;
  const zipped = EXPORT_FORMATS[values.to].mime === 'application/zip';
  if (out === '-' && zipped && process.stdout.isTTY) return usage(`${values.to} is a zip archive: redirect standard output to a file, or give -o FILE`);
  const indent = values.indent === undefined ? undefined : Number(values.indent);
  if (indent !== undefined && !(Number.isInteger(indent) && indent >= 0 && indent <= 10)) return usage('--indent must be an integer from 0 to 10');

  const loaded = await loadDataset(input, 'presswork convert');
  if (!loaded) return 1;
  const { doc } = loaded;
  // Lone surrogates do not stop a conversion: JSON keeps them, UTF-8 formats say where they replaced them.
  const unicode = loaded.problems.filter((p) => p.startsWith(LONE_SURROGATE_PREFIX));
  const problems = loaded.problems.filter((p) => !p.startsWith(LONE_SURROGATE_PREFIX));
  if (problems.length > 0) {
    for (const p of problems) warn(`${input}: ${p}`);
    warn(`presswork convert: ${input} is not a valid Presswork dataset (${plural(problems.length, 'problem')}); nothing written`);
    return 1;
  }
  if (unicode.length > 0 && REPLACES_LONE_SURROGATES.has(values.to)) {
    for (const p of unicode) process.stderr.write(`${input}: warning: ${p.slice(LONE_SURROGATE_PREFIX.length)}\n`);
    process.stderr.write(`presswork convert: warning: ${plural(unicode.length, 'lone surrogate')} written as U+FFFD (${values.to} is UTF-8; json and jsonl keep them)\n`);
  }
  const header = readDatasetHeader(doc.header);
  const readArticle = makeArticleReader(header);
  let annotations = 0;
  function* articles(count = true): Generator<DatasetArticle> {
    let i = 0;
    for (const json of doc.articles()) {
      const article = readArticle(json, i++);
      if (count) annotations += article.annotations.length;
      yield article;
    }
  }
  const opts: ExportOptions = { bom: values.bom };
  if (indent !== undefined) opts.indent = indent;
  if (values['base-iri']) opts.baseIri = values['base-iri'];
  if (out === '-') exitQuietlyOnEpipe();
  let bytes: number;
  try {
    bytes = await exportToFile(values.to, { ...header, articles: articles() }, out, opts);
  } catch (error) {
    if (error instanceof NotAFileError) warn(`presswork convert: ${error.message} (use -o - for standard output); nothing written`);
    else warn(`presswork convert: cannot write ${out}: ${describeFsError(error)}; ${out} was not changed`);
    return 1;
  }
  warn(`wrote ${out === '-' ? 'standard output' : out} (${values.to}, ${doc.articleCount} articles, ${annotations} annotations, ${bytes} bytes)`);
  if (values.to === 'csv' && out !== '-') {
    // The relations need a second pass over the articles: the file is read one article at a time.
    const relationsOut = relationsCsvPath(out);
    try {
      const relationBytes = await writeFileAtomic(relationsOut, csvRelationChunks({ ...header, articles: articles(false) }, { bom: values.bom }));
      warn(`wrote ${relationsOut} (relations, ${relationBytes} bytes)`);
    } catch (error) {
      if (error instanceof NotAFileError) warn(`presswork convert: ${error.message}; relations not written`);
      else warn(`presswork convert: cannot write ${relationsOut}: ${describeFsError(error)}; ${relationsOut} was not changed`);
      return 1;
    }
  }
  return 0;
}
