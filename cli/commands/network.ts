/** `presswork network DATASET.json --type T --format F -o OUT`: a discourse network for Gephi, igraph, networkx, R or UCINET. */
import { parseCommandArgs } from '../command-args.ts';
import { warn } from '../messages.ts';
import { writeOutput } from '../output.ts';
import { describeFilter, filterHelp, FILTER_OPTIONS, loadStatements, readFilter, withLayer } from '../statements-input.ts';
import { buildNetwork, NETWORK_TYPES, NORMALISATIONS, QUALIFIERS, type Network, type NetworkOptions, type NetworkType, type Normalisation, type Qualifier } from '../../shared/network/build.ts';
import { NETWORK_FORMATS, networkChunks, type NetworkFormat } from '../../shared/network/write.ts';

export const summary = 'a discourse network (two-mode, congruence, conflict, directed) as GraphML, GEXF, CSV or DL';

const TWO_MODE_NORMS: readonly Normalisation[] = ['none', 'activity', 'prominence'];
const ONE_MODE_NORMS: readonly Normalisation[] = ['none', 'average', 'jaccard', 'cosine'];

const HELP = `Usage: presswork network DATASET.json --type TYPE --format FORMAT -o OUT [options]

Builds a discourse network from the claims of a Presswork dataset (each claim is a statement:
claimant, issue, position; see docs/networks.md) and writes it for network software.

Types:
  two-mode     actor × issue; weight by --qualifier (default subtract: for minus against)
  congruence   actor × actor; weight: issues on which two actors take the same position
  conflict     actor × actor; weight: issues on which two actors take opposite positions
  directed     claimant → addressee / object actor; weight: statements

Formats:
  graphml      GraphML with a <key> for every attribute (Gephi, igraph, networkx, Cytoscape)
  gexf         GEXF 1.3 (Gephi)
  csv          the weight matrix as CSV, one labelled row per actor (R, pandas, DNA)
  dl           UCINET DL full matrix

Options:
  --type TYPE          network type (required)
  --format FORMAT      output format (required)
  -o, --output OUT     output file (required); - writes to standard output
${filterHelp(23)}
  --qualifier Q        two-mode: ignore | combine | subtract (default subtract)
  --normalisation N    two-mode: none | activity | prominence;
                       congruence/conflict: none | average | jaccard | cosine (default none)
  --collapse           count one statement per actor × issue × position (default: every one)
  --min-statements N   only actors with at least N statements (after the filters)
  --include-unknown    keep claims without a known claimant (left out by default:
                       "unknown" is not one actor)
  -h, --help           show this help

Exit status: 0 written; 1 the dataset cannot be read or is invalid, or OUT cannot be written
(an existing OUT is then left as it was); 2 wrong options.`;

function isOneOf<T extends string>(list: readonly T[], v: string): v is T {
  return (list as readonly string[]).includes(v);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('network', args, {
    type: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    ...FILTER_OPTIONS,
    qualifier: { type: 'string' },
    normalisation: { type: 'string' },
    normalization: { type: 'string' },
    collapse: { type: 'boolean', default: false },
    'min-statements': { type: 'string' },
    'include-unknown': { type: 'boolean', default: false },
  }, HELP);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, usage } = parsed;
  const input = positionals[0];
  if (!input || positionals.length > 1) return usage('give exactly one DATASET.json');
  if (!values.type) return usage(`--type is required (${NETWORK_TYPES.join(', ')})`);
  if (!isOneOf(NETWORK_TYPES, values.type)) return usage(`unknown network type "${values.type}" (${NETWORK_TYPES.join(', ')})`);
  if (!values.format) return usage(`--format is required (${NETWORK_FORMATS.join(', ')})`);
  if (!isOneOf(NETWORK_FORMATS, values.format)) return usage(`unknown format "${values.format}" (${NETWORK_FORMATS.join(', ')})`);
  if (!values.output) return usage('-o OUT is required');
  const type: NetworkType = values.type;
  const format: NetworkFormat = values.format;
  const filter = readFilter(values);
  if (typeof filter === 'string') return usage(filter);
  const opts: NetworkOptions = { type, ...filter, duplicates: values.collapse ? 'collapse' : 'include', includeUnknown: values['include-unknown'] };
  if (values.qualifier !== undefined) {
    if (type !== 'two-mode') return usage('--qualifier is for two-mode networks');
    if (!isOneOf(QUALIFIERS, values.qualifier)) return usage(`unknown qualifier "${values.qualifier}" (${QUALIFIERS.join(', ')})`);
    opts.qualifier = values.qualifier as Qualifier;
  }
  const norm = values.normalisation ?? values.normalization;
  if (norm !== undefined) {
    const allowed = type === 'two-mode' ? TWO_MODE_NORMS : type === 'directed' ? ['none' as const] : ONE_MODE_NORMS;
    if (!isOneOf(NORMALISATIONS, norm) || !allowed.includes(norm)) return usage(`normalisation "${norm}" does not apply to a ${type} network (${allowed.join(', ')})`);
    opts.normalisation = norm;
  }
  if (values['min-statements'] !== undefined) {
    const n = Number(values['min-statements']);
    if (!Number.isInteger(n) || n < 0) return usage('--min-statements must be a whole number, 0 or more');
    opts.minStatements = n;
  }

  const loaded = await loadStatements(input, 'network');
  if (!loaded) return 1;
  const layered = withLayer(filter, values.layer, loaded.set);
  if (layered.coders) opts.coders = layered.coders;
  const net: Network = buildNetwork(loaded.set, opts);
  const how = [
    `${type} network`,
    type === 'two-mode' ? `qualifier ${opts.qualifier ?? 'subtract'}` : '',
    `normalisation ${opts.normalisation ?? 'none'}`,
    describeFilter(layered),
    `from ${net.statements} of ${loaded.set.statements.length} statements in ${input}`,
  ].filter(Boolean);
  const bytes = await writeOutput('network', values.output, networkChunks(net, format, { description: `Presswork: ${how.join('; ')}` }));
  if (bytes === null) return 1;
  for (const note of net.notes) warn(`note: ${note}`);
  if (net.statements === 0) warn('note: no statement matches the filters; the network is empty');
  const nodes = type === 'two-mode' ? `${net.rows.length} actors, ${net.cols.length} issues` : `${net.nodes.length} actors`;
  warn(`wrote ${values.output === '-' ? 'standard output' : values.output} (${format}, ${type}, ${nodes}, ${net.edges.length} edges, ${net.statements} statements, ${bytes} bytes)`);
  return 0;
}
