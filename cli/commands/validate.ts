/** `presswork validate DATASET.json`: prints every problem of a dataset; exit 1 if any. */
import { parseArgs } from 'node:util';
import { loadDataset } from './convert.ts';

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
    process.stderr.write(`presswork validate: ${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const [input, ...extra] = parsed.positionals;
  if (!input || extra.length > 0) {
    process.stderr.write(`presswork validate: give exactly one DATASET.json\n\n${HELP}\n`);
    return 2;
  }
  const loaded = await loadDataset(input, 'presswork validate');
  if (!loaded) return 1;
  const { doc, problems, annotations } = loaded;
  for (const p of problems) process.stdout.write(`${input}: ${p}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${input}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  process.stderr.write(`${input}: valid (${doc.articleCount} articles, ${annotations} annotations)\n`);
  return 0;
}
