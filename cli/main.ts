/** `presswork <command>`: each command is a module in ./commands exporting `run` and `summary`. */
import { printable } from './messages.ts';

export interface CliCommand {
  summary: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS = ['agreement', 'clean', 'convert', 'network', 'statements', 'validate'] as const;

function usage(): string {
  return [
    'Usage: presswork <command> [options]',
    '',
    'Commands:',
    '  agreement DATASET.json [MORE.json...]   intercoder agreement (uα, α, κ) grouped by coder',
    '  agreement --matrix FILE.csv --level L   Krippendorff α (and κ) of a coders × units matrix',
    '  clean FILE...                    clean article files into JSON lines (drafts) on stdout',
    '  convert DATASET.json --to FMT -o OUT   convert a Presswork dataset (jsonl|csv|w3c|qdpx|qdc|brat)',
    '  network DATASET.json --type T --format F -o OUT   a discourse network (two-mode|congruence|conflict|directed;',
    '                                   graphml|gexf|csv|dl) from the claims',
    '  statements DATASET.json -o OUT.csv   the claims as statements: an event list for R/pandas',
    '  validate DATASET.json            check a dataset: schema, offsets against quotes, references',
    '',
    'Run `presswork <command> --help` for the options of one command.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  if (!(COMMANDS as readonly string[]).includes(name)) {
    process.stderr.write(`${printable(`presswork: unknown command "${name}"`)}\n\n${usage()}\n`);
    return 2;
  }
  const mod = (await import(`./commands/${name}.ts`)) as CliCommand;
  return mod.run(rest);
}
