/**
 * Every line the CLI prints about files goes through `printable`: file names and messages quoting
 * a file's content come from outside, and a name holding ESC or a newline could otherwise colour
 * or clear the terminal, or forge a line that looks like a real problem report.
 */

// C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidirectional
// controls that reorder what a terminal shows (the "Trojan Source" characters).
// eslint-disable-next-line no-control-regex -- control characters are exactly what we escape
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character shown as an escape (`\e`, `\n`, `\x07`, `\u202e`). */
export function printable(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** One line on standard error, escaped. */
export function warn(text: string): void {
  process.stderr.write(`${printable(text)}\n`);
}

/** One line on standard output, escaped. */
export function say(text: string): void {
  process.stdout.write(`${printable(text)}\n`);
}

/** A usage error: the escaped message, then the command's (trusted) help text; exit status 2. */
export function usageError(command: string, message: string, help: string): 2 {
  process.stderr.write(`${printable(`presswork ${command}: ${message}`)}\n\n${help}\n`);
  return 2;
}
