/** `presswork validate DATASET.json`: prints every problem of a dataset; exit 1 if any. */
import { plural } from '../../shared/text/plural.ts';
import { loadDataset } from './convert.ts';
import { parseCommandArgs } from '../command-args.ts';
import { say, warn } from '../messages.ts';

export const summary = 'check a dataset: schema, offsets against quotes, references';

const HELP = `Usage: presswork validate DATASET.json

Checks a Presswork dataset against its JSON Schema (resources/schema/presswork-dataset.schema.json),
checks that every annotation's offsets (Unicode code points, end-exclusive) select its quote, and
that every reference (tags, categories, parent tags, actors, labels, relations) exists.
Prints one line per problem and exits with 1 if there is any, 0 if the dataset is valid.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('validate', args, {}, HELP);
  if (typeof parsed === 'number') return parsed;
  const [input, ...extra] = parsed.positionals;
  if (!input || extra.length > 0) {
    return parsed.usage('give exactly one DATASET.json');
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
