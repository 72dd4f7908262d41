/** File-system errors in words a researcher understands, the same in the desktop app and the CLI. */
import { errorMessage } from '../shared/errors.ts';

const WORDS: Record<string, string> = {
  ENOENT: 'file not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for this disk (or for the size limit set for this process)',
  EROFS: 'the disk is read-only',
  EMFILE: 'too many open files',
  EIO: 'input/output error (a failing disk or a lost network drive)',
};

/** A short lower-case reason: the error's code in words, else its message. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const words = code === undefined ? undefined : WORDS[code];
  if (words !== undefined) return words;
  return errorMessage(error);
}
