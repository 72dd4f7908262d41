/**
 * The prologue every command shares: parse the options (with `-h, --help` added), print the help
 * when asked, and turn a parse error into the usage message. Returns the exit code when the
 * command is done already (help: 0, wrong options: 2), else what was parsed and `usage`, which
 * reports one more usage error the same way.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './messages.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } } as const;
type Config<O extends Options> = { args: string[]; allowPositionals: true; options: O & typeof HELP_OPTION };

export type CommandArgs<O extends Options> = ReturnType<typeof parseArgs<Config<O>>> & { usage: (message: string) => 2 };

export function parseCommandArgs<const O extends Options>(command: string, args: string[], options: O, help: string): CommandArgs<O> | number {
  const usage = (message: string) => usageError(command, message, help);
  let parsed: ReturnType<typeof parseArgs<Config<O>>>;
  try {
    parsed = parseArgs<Config<O>>({ args, allowPositionals: true, options: { ...options, ...HELP_OPTION } });
  } catch (e) {
    return usage((e as Error).message);
  }
  // Inside the generic, TypeScript cannot resolve the parsed values' type; `help` is always there.
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(help + '\n');
    return 0;
  }
  return { ...parsed, usage };
}
