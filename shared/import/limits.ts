/**
 * Size limits of the import, one place for every shell (desktop main reads files with them, the
 * worker and the CLI refuse beyond them), so a file the desktop reads is never refused later.
 */

/** Per file: refused before any work (the window and the worker stay responsive). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * A zip (.docx) may unpack to this many times its own size (text compresses 5–15×; a bomb
 * thousands of times), but never beyond MAX_UNPACKED_BYTES; small files get MIN_UNPACKED_BYTES.
 */
export const MAX_UNPACK_RATIO = 50;
export const MIN_UNPACKED_BYTES = 4 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
