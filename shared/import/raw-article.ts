/** What a parser hands to cleaning: one article before its text is cleaned. */
import type { ArticleMeta } from '../model/types.ts';

export interface RawArticle {
  /** Title from the source's metadata, if any. */
  title?: string;
  /** Body as text, or as paragraphs where the format knows them. */
  text?: string;
  paragraphs?: string[];
  meta: ArticleMeta;
  /** Language the source declares; used when detection on the text is unsure. */
  declaredLanguage?: string;
  /** Position in a batch file, from 0, and how to name it in messages (`line 3`, `row 4`). */
  index?: number;
  where?: string;
  /** Parts of the source that could not be read although the rest was (a damaged PDF page). */
  warnings?: string[];
}

export interface ParseProblem {
  index?: number;
  message: string;
}

export interface ParseResult {
  articles: RawArticle[];
  problems: ParseProblem[];
}

/**
 * A record of a batch file or feed that holds NUL bytes: binary junk inside an otherwise good
 * file (a damaged line), refused alone and named, so the good records are still imported.
 */
export const NUL_RECORD = 'contains NUL bytes (binary data); not imported';

export function rawArticleHasNul(a: RawArticle): boolean {
  return (a.title?.includes('\0') ?? false) || (a.text?.includes('\0') ?? false) || (a.paragraphs?.some((p) => p.includes('\0')) ?? false);
}
