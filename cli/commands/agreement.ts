/**
 * `presswork agreement`: intercoder agreement of Presswork datasets (grouped by coder, articles
 * matched by content hash), or of classic reliability data (a coders × units CSV matrix).
 * Every bad input ends with a message and exit status 2; a figure the data cannot support is
 * printed as a reason, never as NaN.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describeFsError } from '../../node/fs-errors.ts';
import { parseCommandArgs } from '../command-args.ts';
import { say, usageError, warn } from '../messages.ts';
import { loadDataset } from './convert.ts';
import { makeArticleReader, readDatasetHeader, type Dataset } from '../../shared/dataset/dataset.ts';
import { LONE_SURROGATE_PREFIX } from '../../shared/dataset/validate.ts';
import {
  bootstrapAlpha,
  cohenKappa,
  computeStudy,
  fleissKappa,
  krippendorffAlpha,
  percentAgreement,
  studyFromDatasets,
  type AgreementResult,
  type BootstrapResult,
  type Level,
  type ReliabilityData,
  type StudyRow,
  type Value,
} from '../../shared/analysis/agreement/index.ts';

export const summary = 'intercoder agreement (Krippendorff α, uα, Cohen/Fleiss κ) of datasets or a matrix';

const HELP = `Usage: presswork agreement DATASET.json [MORE.json...] [options]
       presswork agreement --matrix FILE.csv --level LEVEL [--measure cohen|fleiss] [options]

Datasets: annotations are grouped by their coder field across all files; articles are matched
by the hash of their text. A coder coded an article when they annotated it or when it is in a
file holding only their annotations (their own export); an article a coder never coded is
missing data, not "nothing found". Prints, per span category, tag and attribute: unitizing α
(uα, pooled over the articles on Unicode code points), nominal α on tokens with Cohen's κ
(2 coders) or Fleiss' κ (3+) and percent agreement, and α of the tags and attributes of matched
spans (exact matches first, then largest overlap; unmatched spans are counted).
How each figure is computed: docs/agreement.md.

Matrix: classic reliability data, one row per coder: the coder's name, then one cell per unit
(empty = missing). Values are numbers or labels. Prints Krippendorff's α at LEVEL, percent
agreement and, with --measure, Cohen's or Fleiss' κ.

Options:
  --json               print one JSON object with every figure and its n
  --unit token|sentence   datasets: the units of the nominal α (default token)
  --coders A,B,...     datasets: the coders to compare (default: all found)
  --all-coded          datasets: every coder coded every article (no missing data)
  --matrix FILE.csv    reliability data instead of datasets
  --level LEVEL        matrix: nominal | ordinal | interval | ratio (required with --matrix)
  --order A,B,...      matrix: the order of ordinal labels, lowest first
  --measure M          matrix: also cohen (2 coders) or fleiss (complete data) κ
  --seed N             bootstrap seed for the 95% intervals (default 1)
  --replicates N       bootstrap resamples (default 1000, 0 = no intervals)
  -h, --help           show this help

Exit status: 0 when figures were printed, 2 on bad input (unreadable or invalid file, ragged
rows, fewer than 2 coders, no unit coded by two coders, one value only).`;

const LEVELS: readonly Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

const fmt = (x: number) => (Object.is(x, -0) ? 0 : x).toFixed(3);

function nText(r: AgreementResult): string {
  const { units, pairableUnits, pairableValues, coders } = r.n;
  return `n: ${units} units, ${pairableUnits} pairable, ${pairableValues} values, ${coders} coders`;
}

function ciText(ci: BootstrapResult | null): string {
  if (!ci) return '';
  return ci.computable ? `95% CI [${fmt(ci.lower)}, ${fmt(ci.upper)}]` : `no CI: ${ci.reason}`;
}

function resultJson(r: AgreementResult) {
  return r.computable ? { value: r.value, n: r.n } : { value: null, reason: r.reason, n: r.n };
}

function ciJson(ci: BootstrapResult | null) {
  if (!ci) return null;
  return ci.computable ? { lower: ci.lower, upper: ci.upper, confidence: ci.confidence, seed: ci.seed, replicates: ci.replicates, scheme: ci.scheme } : { reason: ci.reason };
}

function intOption(raw: string | undefined, name: string, fallback: number, min: number): number | string {
  if (raw === undefined) return fallback;
  const x = Number(raw);
  return Number.isSafeInteger(x) && x >= min ? x : `${name} must be an integer ≥ ${min}`;
}

/** A cell of the matrix: empty = missing, a number where it reads as one, else the label. */
function cellValue(cell: string): Value | null {
  const t = cell.trim();
  if (t === '') return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : t;
}

async function runMatrix(file: string, opts: { level: string | undefined; order: string | undefined; measure: string | undefined; json: boolean; seed: number; replicates: number }): Promise<number> {
  const fail = (msg: string) => {
    warn(`presswork agreement: ${msg}`);
    return 2;
  };
  if (!opts.level) return usageError('agreement', '--level nominal|ordinal|interval|ratio is required with --matrix', HELP);
  if (!(LEVELS as readonly string[]).includes(opts.level)) return usageError('agreement', `unknown level "${opts.level}" (nominal, ordinal, interval or ratio)`, HELP);
  if (opts.measure !== undefined && opts.measure !== 'cohen' && opts.measure !== 'fleiss') return usageError('agreement', `unknown measure "${opts.measure}" (cohen or fleiss)`, HELP);
  const level = opts.level as Level;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return fail(`cannot read ${file}: ${describeFsError(e)}`);
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0] as Papa.ParseError;
    return fail(`${file} is not valid CSV (row ${(e.row ?? 0) + 1}: ${e.message})`);
  }
  const rows = parsed.data;
  if (rows.length < 2) return fail(`${file}: reliability data need at least 2 coders (one row each); found ${rows.length}`);
  const width = (rows[0] as string[]).length;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as string[];
    if (r.length !== width) return fail(`${file}: ragged rows: row ${i + 1} has ${r.length} cells, row 1 has ${width}`);
    if ((r[0] ?? '').trim() === '') return fail(`${file}: row ${i + 1} has no coder name in its first cell`);
  }
  if (width < 2) return fail(`${file}: no units (each row is a coder's name, then one cell per unit)`);
  const coders = rows.map((r) => (r[0] as string).trim());
  const dup = coders.find((c, i) => coders.indexOf(c) !== i);
  if (dup !== undefined) return fail(`${file}: coder "${dup}" has two rows`);
  const units: (Value | null)[][] = [];
  for (let u = 1; u < width; u++) units.push(rows.map((r) => cellValue(r[u] as string)));
  const data: ReliabilityData = { coders, units };
  const order = opts.order ? opts.order.split(',').map((s) => cellValue(s) ?? s) : undefined;
  const alpha = krippendorffAlpha(data, { level, ...(order ? { order } : {}) });
  if (!alpha.computable) return fail(`${file}: α cannot be computed: ${alpha.reason} (${nText(alpha)})`);
  const ci = opts.replicates > 0 ? bootstrapAlpha(data, { level, seed: opts.seed, replicates: opts.replicates, ...(order ? { order } : {}) }) : null;
  const pct = percentAgreement(data);
  const kappa = opts.measure === 'cohen' ? cohenKappa(data) : opts.measure === 'fleiss' ? fleissKappa(data) : null;
  const kappaName = opts.measure === 'cohen' ? "Cohen's κ" : "Fleiss' κ";
  if (opts.json) {
    process.stdout.write(
      JSON.stringify(
        {
          file,
          coders,
          level,
          alpha: { ...resultJson(alpha), ci: ciJson(ci) },
          percentAgreement: resultJson(pct),
          ...(kappa ? { kappa: { measure: kappaName, ...resultJson(kappa) } } : {}),
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  say(`Krippendorff's α (${level}) = ${fmt(alpha.value)}  ${ciText(ci)}  (${nText(alpha)})`);
  say(pct.computable ? `percent agreement = ${fmt(pct.value)}  (${nText(pct)})` : `percent agreement: ${pct.reason}`);
  if (kappa) say(kappa.computable ? `${kappaName} = ${fmt(kappa.value)}  (${nText(kappa)}${kappa.unitsWithMissing > 0 ? `, ${kappa.unitsWithMissing} units with a missing value left out` : ''})` : `${kappaName}: ${kappa.reason}`);
  return 0;
}

function rowJson(r: StudyRow) {
  return {
    variable: r.variable,
    scope: r.scope,
    measure: r.measure,
    level: r.level,
    unit: r.unit,
    ...resultJson(r.result),
    ci: ciJson(r.ci),
    note: r.note,
    disagreements: r.disagreementCount,
  };
}

async function runDatasets(files: string[], opts: { json: boolean; unit: string | undefined; coders: string | undefined; allCoded: boolean; seed: number; replicates: number }): Promise<number> {
  if (opts.unit !== undefined && opts.unit !== 'token' && opts.unit !== 'sentence') return usageError('agreement', `unknown unit "${opts.unit}" (token or sentence)`, HELP);
  const datasets: Dataset[] = [];
  for (const file of files) {
    const loaded = await loadDataset(file, 'presswork agreement');
    if (!loaded) return 2;
    const problems = loaded.problems.filter((p) => !p.startsWith(LONE_SURROGATE_PREFIX));
    if (problems.length > 0) {
      for (const p of problems.slice(0, 20)) warn(`${file}: ${p}`);
      warn(`presswork agreement: ${file} is not a valid Presswork dataset (${problems.length} problem${problems.length === 1 ? '' : 's'}; \`presswork validate\` lists them)`);
      return 2;
    }
    const header = readDatasetHeader(loaded.doc.header);
    const read = makeArticleReader(header);
    let i = 0;
    const articles = [];
    for (const json of loaded.doc.articles()) articles.push(read(json, i++));
    datasets.push({ ...header, articles });
  }
  const wanted = opts.coders?.split(',').map((c) => c.trim()).filter(Boolean);
  const { input, codersFound } = studyFromDatasets(datasets, { ...(wanted ? { coders: wanted } : {}), allCoded: opts.allCoded });
  const unknown = (wanted ?? []).filter((c) => !codersFound.includes(c));
  if (unknown.length > 0) {
    warn(`presswork agreement: no annotation by ${unknown.map((c) => `"${c}"`).join(', ')} (coders found: ${codersFound.map((c) => `"${c}"`).join(', ') || 'none'})`);
    return 2;
  }
  if (input.coders.length < 2) {
    warn(`presswork agreement: agreement needs at least 2 coders; found ${codersFound.length === 0 ? 'no annotation at all' : codersFound.map((c) => `"${c}"`).join(', ')} (annotations are grouped by their coder field)`);
    return 2;
  }
  const study = computeStudy(input, { unit: opts.unit === 'sentence' ? 'sentence' : 'token', seed: opts.seed, replicates: opts.replicates });
  if (!study.rows.some((r) => r.result.computable)) {
    for (const r of study.rows) warn(`${r.variable} — ${r.measure}: ${r.result.computable ? '' : r.result.reason}`);
    warn('presswork agreement: no figure can be computed from these datasets');
    return 2;
  }
  if (opts.json) {
    process.stdout.write(JSON.stringify({ files, coders: study.coders, articles: study.articles, unit: study.unit, seed: study.seed, replicates: study.replicates, figures: study.rows.map(rowJson) }, null, 2) + '\n');
    return 0;
  }
  say(`${study.articles} articles, coders: ${study.coders.join(', ')}; offsets in code points; bootstrap seed ${study.seed}`);
  let last = '';
  for (const r of study.rows) {
    if (r.variable !== last) {
      say('');
      say(r.variable);
      last = r.variable;
    }
    const head = `  ${r.measure} (${r.level}, ${r.unit})`.padEnd(44);
    const body = r.result.computable ? `${fmt(r.result.value)}  ${ciText(r.ci)}`.trimEnd() : `— ${r.result.reason}`;
    say(`${head}${body}  (${nText(r.result)})${r.note ? `; ${r.note}` : ''}`);
  }
  return 0;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('agreement', args, {
    json: { type: 'boolean', default: false },
    matrix: { type: 'string' },
    level: { type: 'string' },
    order: { type: 'string' },
    measure: { type: 'string' },
    unit: { type: 'string' },
    coders: { type: 'string' },
    'all-coded': { type: 'boolean', default: false },
    seed: { type: 'string' },
    replicates: { type: 'string' },
  }, HELP);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, usage } = parsed;
  const seed = intOption(values.seed, '--seed', 1, 0);
  if (typeof seed === 'string') return usage(seed);
  const replicates = intOption(values.replicates, '--replicates', 1000, 0);
  if (typeof replicates === 'string') return usage(replicates);
  if (values.matrix !== undefined) {
    if (positionals.length > 0) return usage('give either DATASET.json files or --matrix FILE.csv, not both');
    return runMatrix(values.matrix, { level: values.level, order: values.order, measure: values.measure, json: values.json, seed, replicates });
  }
  if (positionals.length === 0) return usage('give one or more DATASET.json files, or --matrix FILE.csv');
  if (values.level !== undefined || values.measure !== undefined || values.order !== undefined) return usage('--level, --order and --measure go with --matrix');
  return runDatasets(positionals, { json: values.json, unit: values.unit, coders: values.coders, allCoded: values['all-coded'], seed, replicates });
}
