/** `presswork validate DATASET.json`: prints every problem of a dataset; exit 1 if any. */
import { plural } from '../../shared/text/plural.ts';
import { parseArgs } from 'node:util';
import { loadDataset } from './convert.ts';
import { say, usageError, warn } from '../messages.ts';

export const summary = 'check a dataset: schema, offsets against quotes, references';

const HELP = `Usage: presswork validate DATASET.json

Checks a Presswork dataset against its JSON Schema (resources/schema/presswork-dataset.schema.json),
checks that every annotation's offsets (Unicode code points, end-exclusive) select its quote, and
that every reference (tags, categories, parent tags, actors, labels, relations) exists.
Prints one line per problem and exits with 1 if there is any, 0 if the dataset is valid.`;

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
  } catch (e) {
    return usageError('validate', (e as Error).message, HELP);
  }
  if (parsed.values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const [input, ...extra] = parsed.positionals;
  if (!input || extra.length > 0) {
    return usageError('validate', 'give exactly one DATASET.json', HELP);
  }
  const loaded = await loadDataset(input, 'presswork validate');
  if (!loaded) return 1;
  const { doc, problems, annotations } = loaded;
  for (const p of problems) say(`${input}: ${p}`);
  if (problems.length > 0) {
    warn(`${input}: ${plural(problems.length, 'problem')}`);
    return 1;
  }
  warn(`${input}: valid (${doc.articleCount} articles, ${annotations} annotations)`);
  return 0;
}
