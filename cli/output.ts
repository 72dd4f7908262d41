/** Where a command's output goes: `-o FILE` (written atomically) or `-o -` (standard output). */
import { describeFsError } from '../node/fs-errors.ts';
import { NotAFileError, writeFileAtomic, type Chunk } from '../node/atomic-write.ts';
import { warn } from './messages.ts';

/** Writes chunks to standard output, waiting whenever the reader is slower than the export. */
export async function writeToStdout(chunks: Iterable<Chunk>): Promise<number> {
  let bytes = 0;
  for (const chunk of chunks) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += data.length;
    if (!process.stdout.write(data)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  }
  return bytes;
}

/** `… -o - | head`: the reader left; stop quietly like other Unix tools. */
export function exitQuietlyOnEpipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/**
 * Writes `chunks` to `out` (`-` = standard output) and says why when it cannot: the byte count,
 * or null after a message naming the command (the previous file is then left as it was).
 */
export async function writeOutput(command: string, out: string, chunks: Iterable<Chunk>): Promise<number | null> {
  try {
    if (out === '-') {
      exitQuietlyOnEpipe();
      return await writeToStdout(chunks);
    }
    return await writeFileAtomic(out, chunks);
  } catch (error) {
    if (error instanceof NotAFileError) warn(`presswork ${command}: ${error.message} (use -o - for standard output); nothing written`);
    else warn(`presswork ${command}: cannot write ${out}: ${describeFsError(error)}; ${out} was not changed`);
    return null;
  }
}
