/** `presswork convert DATASET.json --to FORMAT -o OUT`: a Presswork dataset to another format. */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { makeArticleReader, readDatasetHeader, type DatasetArticle, type DatasetSource } from '../../shared/export/dataset.ts';
import { openDatasetBytes, type ScannedDataset } from '../../shared/export/dataset-scan.ts';
import { EXPORT_FORMATS, exportChunks, isExportFormat, type ExportFormat, type ExportOptions } from '../../shared/export/formats.ts';
import { validateDatasetParts } from '../../shared/export/validate.ts';
import { csvRelationChunks, relationsCsvPath } from '../../shared/export/csv.ts';

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
  -o, --output OUT   output file (required)
  --bom              csv: start with a UTF-8 byte order mark, for Excel
                     (csv also writes the relations, one row per link, to OUT-relations.csv)
  --indent N         json: indentation (default 2, 0 = compact)
  --base-iri IRI     w3c: make ids IRIs under this base instead of URNs
  -h, --help         show this help

Offsets in every format count Unicode code points, end-exclusive.`;

/**
 * Writes chunks to `path` atomically (temp file + rename). Text chunks are encoded straight into
 * one reusable 4 MB buffer, so a million annotations cost few system calls, no joined strings,
 * and memory that does not grow with the export.
 */
export async function writeChunks(path: string, chunks: Iterable<string | Uint8Array>): Promise<number> {
  const tmp = `${path}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w');
  const buf = Buffer.allocUnsafe(4 << 20);
  let used = 0;
  let bytes = 0;
  const flush = async () => {
    if (used === 0) return;
    await handle.write(buf, 0, used);
    bytes += used;
    used = 0;
  };
  try {
    for (const chunk of chunks) {
      // UTF-8 needs at most 3 bytes per UTF-16 unit: check room before encoding.
      const room = typeof chunk === 'string' ? chunk.length * 3 : chunk.length;
      if (room > buf.length - used) await flush();
      if (room > buf.length) {
        const { bytesWritten } = typeof chunk === 'string' ? await handle.write(chunk) : await handle.write(chunk);
        bytes += bytesWritten;
      } else if (typeof chunk === 'string') {
        used += buf.write(chunk, used);
      } else {
        buf.set(chunk, used);
        used += chunk.length;
      }
    }
    await flush();
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  await rename(tmp, path);
  return bytes;
}

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
    process.stderr.write(`${who}: cannot read ${input} as JSON: ${(e as Error).message}\n`);
    return null;
  }
}

/** The CLI's export path, also used by the benchmark: dataset → format → file. */
export async function exportToFile(format: ExportFormat, dataset: DatasetSource, out: string, opts: ExportOptions = {}): Promise<number> {
  return writeChunks(out, exportChunks(format, dataset, opts));
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        bom: { type: 'boolean', default: false },
        indent: { type: 'string' },
        'base-iri': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`presswork convert: ${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const input = positionals[0];
  const usage = (msg: string) => {
    process.stderr.write(`presswork convert: ${msg}\n\n${HELP}\n`);
    return 2;
  };
  if (!input || positionals.length > 1) return usage('give exactly one DATASET.json');
  if (!values.to) return usage('--to FORMAT is required');
  if (!isExportFormat(values.to)) return usage(`unknown format "${values.to}"`);
  if (!values.output) return usage('-o OUT is required');
  const indent = values.indent === undefined ? undefined : Number(values.indent);
  if (indent !== undefined && !(Number.isInteger(indent) && indent >= 0 && indent <= 10)) return usage('--indent must be an integer from 0 to 10');

  const loaded = await loadDataset(input, 'presswork convert');
  if (!loaded) return 1;
  const { doc, problems } = loaded;
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`${input}: ${p}\n`);
    process.stderr.write(`presswork convert: ${input} is not a valid Presswork dataset (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing written\n`);
    return 1;
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
  const bytes = await exportToFile(values.to, { ...header, articles: articles() }, values.output, opts);
  process.stderr.write(`wrote ${values.output} (${values.to}, ${doc.articleCount} articles, ${annotations} annotations, ${bytes} bytes)\n`);
  if (values.to === 'csv') {
    // The relations need a second pass over the articles: the file is read one article at a time.
    const out = relationsCsvPath(values.output);
    const relationBytes = await writeChunks(out, csvRelationChunks({ ...header, articles: articles(false) }, { bom: values.bom }));
    process.stderr.write(`wrote ${out} (relations, ${relationBytes} bytes)\n`);
  }
  return 0;
}
