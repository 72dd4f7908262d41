/** What `presswork network` and `presswork statements` share: reading statements and the filter options. */
import type { ParseArgsConfig } from 'node:util';
import { loadDataset } from './commands/convert.ts';
import { warn } from './messages.ts';
import { makeArticleReader, readDatasetHeader } from '../shared/dataset/dataset.ts';
import { LONE_SURROGATE_PREFIX } from '../shared/dataset/validate.ts';
import { statementBuilder } from '../shared/statements/from-dataset.ts';
import type { StatementSet } from '../shared/statements/statement.ts';
import { checkFilterDate, type StatementFilter } from '../shared/network/filter.ts';
import { exportedCoder, GOLD_CODER, parseExportLayer } from '../shared/analysis/adjudication/gold.ts';

export const FILTER_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  coder: { type: 'string', multiple: true },
  layer: { type: 'string' },
  outlet: { type: 'string', multiple: true },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The help lines of the filter options, their descriptions starting at column `at`. */
export function filterHelp(at: number): string {
  const line = (opt: string, text: string) => `  ${opt.padEnd(at - 2)}${text}`;
  return [
    line('--from DATE', 'only statements published on or after DATE (YYYY-MM-DD);'),
    line('', 'statements without a date are then left out'),
    line('--to DATE', 'only statements published on or before DATE'),
    line('--coder NAME', "only this coder's statements (repeat for several coders)"),
    line('--layer L', 'gold | all | NAME: whose annotations count; default: the adjudicated'),
    line('', 'gold layer when the dataset has one, else all (--coder NAME is --layer NAME)'),
    line('--outlet NAME', 'only statements from articles of this outlet (repeatable)'),
  ].join('\n');
}

/** The filter from parsed options, or a message saying what is wrong with them. */
export function readFilter(values: { from?: string; to?: string; coder?: string[]; layer?: string; outlet?: string[] }): StatementFilter | string {
  const f: StatementFilter = {};
  if (values.layer !== undefined && values.coder?.length) return '--layer and --coder both choose whose statements count: give one of them';
  if (values.layer !== undefined && values.layer.trim() === '') return '--layer needs gold, all or a coder name';
  for (const key of ['from', 'to'] as const) {
    const v = values[key];
    if (v === undefined) continue;
    const bad = checkFilterDate(v);
    if (bad) return `--${key}: ${bad}`;
    f[key] = v;
  }
  if (f.from !== undefined && f.to !== undefined && f.from > f.to) return `--from ${f.from} is after --to ${f.to}`;
  if (values.coder?.length) f.coders = values.coder;
  if (values.outlet?.length) f.outlets = values.outlet;
  return f;
}

/**
 * The filter with the layer applied: `--coder` as given; else `--layer` (default: the gold layer
 * when the statements hold one — the adjudicated result is what a study reports — else all).
 */
export function withLayer(f: StatementFilter, layer: string | undefined, set: StatementSet): StatementFilter {
  if (f.coders?.length) return f;
  const coder = exportedCoder(parseExportLayer(layer), set.statements.some((s) => s.coder === GOLD_CODER));
  return coder === null ? f : { ...f, coders: [coder] };
}

/** Words for the filter, for messages and the description written into GraphML/GEXF. */
export function describeFilter(f: StatementFilter): string {
  const parts: string[] = [];
  if (f.from !== undefined || f.to !== undefined) parts.push(`dates ${f.from ?? '…'} to ${f.to ?? '…'}`);
  if (f.coders?.length) parts.push(f.coders.length === 1 && f.coders[0] === GOLD_CODER ? 'gold layer' : `coder ${f.coders.join(', ')}`);
  if (f.outlets?.length) parts.push(`outlet ${f.outlets.join(', ')}`);
  return parts.join('; ');
}

/**
 * Reads, validates and turns a dataset file into statements, one article at a time. Null after
 * saying why (unreadable file, or an invalid dataset: nothing is derived from one).
 */
export async function loadStatements(input: string, command: string): Promise<{ set: StatementSet; articles: number } | null> {
  const loaded = await loadDataset(input, `presswork ${command}`);
  if (!loaded) return null;
  // Lone surrogates are reported by `validate`; they do not change who claims what.
  const problems = loaded.problems.filter((p) => !p.startsWith(LONE_SURROGATE_PREFIX));
  if (problems.length > 0) {
    for (const p of problems.slice(0, 20)) warn(`${input}: ${p}`);
    if (problems.length > 20) warn(`${input}: … and ${problems.length - 20} more (see presswork validate)`);
    warn(`presswork ${command}: ${input} is not a valid Presswork dataset (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing written`);
    return null;
  }
  const header = readDatasetHeader(loaded.doc.header);
  const readArticle = makeArticleReader(header);
  const builder = statementBuilder(header);
  let i = 0;
  for (const json of loaded.doc.articles()) builder.add(readArticle(json, i++));
  return { set: builder.result(), articles: i };
}
