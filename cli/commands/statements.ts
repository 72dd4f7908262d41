/** `presswork statements DATASET.json -o OUT.csv`: the event list (one row per statement × role) for R or pandas. */
import { parseCommandArgs } from '../command-args.ts';
import { warn } from '../messages.ts';
import { writeOutput } from '../output.ts';
import { describeFilter, filterHelp, FILTER_OPTIONS, loadStatements, readFilter, withLayer } from '../statements-input.ts';
import { filterStatements } from '../../shared/network/filter.ts';
import { EVENT_COLUMNS, eventListChunks } from '../../shared/network/write.ts';

export const summary = 'the statements (claims with claimant, addressee, object, issue, position, source) as an event-list CSV';

const HELP = `Usage: presswork statements DATASET.json -o OUT.csv [options]

Writes the claims of a Presswork dataset as an event list (CSV, RFC 4180, UTF-8): per statement
and issue one "claimant" row, then one row per addressee and per object actor. Count statements
with the claimant rows. See docs/networks.md for how claims and links become statements.

Columns: ${EVENT_COLUMNS.join(', ')}

Options:
  -o, --output OUT   output file (required); - writes to standard output
${filterHelp(21)}
  --bom              start with a UTF-8 byte order mark, for Excel
  -h, --help         show this help

Exit status: 0 written; 1 the dataset cannot be read or is invalid, or OUT cannot be written
(an existing OUT is then left as it was); 2 wrong options.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('statements', args, {
    output: { type: 'string', short: 'o' },
    ...FILTER_OPTIONS,
    bom: { type: 'boolean', default: false },
  }, HELP);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, usage } = parsed;
  const input = positionals[0];
  if (!input || positionals.length > 1) return usage('give exactly one DATASET.json');
  if (!values.output) return usage('-o OUT.csv is required');
  const filter = readFilter(values);
  if (typeof filter === 'string') return usage(filter);

  const loaded = await loadStatements(input, 'statements');
  if (!loaded) return 1;
  // The event list keeps claims without a known claimant: they are data, not one actor.
  const layered = withLayer(filter, values.layer, loaded.set);
  const statements = filterStatements(loaded.set.statements, { ...layered, includeUnknown: true });
  const bytes = await writeOutput('statements', values.output, eventListChunks(loaded.set, statements, { bom: values.bom }));
  if (bytes === null) return 1;
  const which = describeFilter(layered);
  warn(`wrote ${values.output === '-' ? 'standard output' : values.output} (${statements.length} of ${loaded.set.statements.length} statements${which ? `; ${which}` : ''}, ${bytes} bytes)`);
  return 0;
}
