/** `presswork clean FILE...`: article files → one JSON draft per line on stdout, problems on stderr. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Draft, ImportProblem } from '../../shared/model/types.ts';
import { importFile, MAX_FILE_BYTES, oversizeProblem } from '../../shared/import/pipeline.ts';
import { describeFsError } from '../../node/fs-errors.ts';
import { printable, usageError } from '../messages.ts';

export const summary = 'clean article files into JSON lines (drafts) on stdout';

const HELP = `Usage: presswork clean [options] FILE...

Reads article files, cleans them and prints one JSON object per article on stdout:
  {"source":{"file","index"?},"title","text","meta":{"url"?,"outlet"?,"author"?,"publishedAt"?,"language"?,"extra"?}}
"index" is the article's position (from 0) inside a batch file (JSON array, JSON Lines line, CSV row).

Formats: .txt .md .html/.htm .json .jsonl/.ndjson .csv .tsv .docx .pdf .rtf (also recognised by
content). Text encodings are detected: UTF-8, UTF-16, windows-1251, KOI8-R, ISO-8859-5, IBM866,
windows-1252, ISO-8859-1 and more. A FILE that is a folder is read recursively.

Cleaning: Unicode NFC, \\n line ends, paragraphs separated by one blank line; repeated headlines,
run-on blocks, duplicate paragraphs and site furniture (comment prompts, navigation, share and
subscribe prompts, related posts, copyright lines) removed.

Every problem is one line on stderr starting with the file name (batch files also name the
line or row). Notes that are not problems ("note: 2 invalid byte sequences (not UTF-8), shown
as \ufffd") are lines of the same form. Files larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB are refused.

Exit status: 0 when there was no problem, 1 when any file had a problem, 2 for usage errors.

Options:
  -h, --help   show this help`;

/** Files under a folder, sorted, as paths joined to the folder (so messages name them fully). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(path)));
    else if (e.isFile()) out.push(path);
  }
  return out;
}

function writeOut(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

/** One problem, one line: a file name or message with control characters cannot break out of it. */
function problemLine(problem: ImportProblem): string {
  return `${printable(`${problem.source.file}: ${problem.message.replace(/\s*\n\s*/g, ' ')}`)}\n`;
}

/** The draft exactly as specified: fixed key order, nothing else. */
function draftLine(d: Draft): string {
  const source = d.source.index === undefined ? { file: d.source.file } : { file: d.source.file, index: d.source.index };
  return JSON.stringify({ source, title: d.title, text: d.text, meta: d.meta }) + '\n';
}

async function cleanOne(file: string): Promise<number> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.size > MAX_FILE_BYTES) {
      process.stderr.write(problemLine(oversizeProblem(file, info.size)));
      return 1;
    }
    const buffer = await readFile(file);
    // The pipeline is written for plain Uint8Array (what browsers have), not Node's Buffer subclass.
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    process.stderr.write(problemLine({ source: { file }, message: describeFsError(error) }));
    return 1;
  }
  const { drafts, problems, report } = await importFile({ name: file, bytes });
  if (drafts.length > 0) await writeOut(drafts.map(draftLine).join(''));
  for (const p of problems) process.stderr.write(problemLine(p));
  // Notes are not problems (the exit status stays 0) but must not be silent: "2 invalid byte sequences…".
  for (const note of report.notes) process.stderr.write(problemLine({ source: { file }, message: `note: ${note}` }));
  return problems.length;
}

export async function run(args: string[]): Promise<number> {
  // `presswork clean corpus/* | head`: the reader left, so stop quietly like other Unix tools.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const files: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && (arg === '-h' || arg === '--help')) {
      process.stdout.write(HELP + '\n');
      return 0;
    }
    if (!optionsEnded && arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && arg.startsWith('-') && arg !== '-') {
      return usageError('clean', `unknown option ${arg}`, HELP);
    }
    files.push(arg);
  }
  if (files.length === 0) {
    return usageError('clean', 'no FILE given', HELP);
  }
  let problems = 0;
  for (const arg of files) {
    let paths = [arg];
    try {
      if ((await stat(arg)).isDirectory()) paths = await filesUnder(arg);
    } catch {
      // Reported by cleanOne with the reason.
    }
    for (const path of paths) problems += await cleanOne(path);
  }
  return problems === 0 ? 0 : 1;
}
