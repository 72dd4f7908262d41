/**
 * JSON Lines: one dataset article per line (the same objects as in the JSON dataset, with their
 * annotations and relations, offsets in code points). The codebook is not repeated: each
 * annotation carries its tag name and category id.
 */
import type { DatasetStream } from '../dataset.ts';

export function* jsonlChunks(source: Pick<DatasetStream, 'articles'>): Generator<string> {
  // JSON.stringify escapes every control character, so an article never spans two lines.
  for (const article of source.articles) yield JSON.stringify(article) + '\n';
}
