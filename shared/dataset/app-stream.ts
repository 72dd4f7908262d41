/**
 * Exports fed by an asynchronous source of articles (the app reads them from IndexedDB in
 * batches): the same bytes as `exportChunks`, without ever holding every article at once for
 * the text formats.
 *
 * The format generators in formats.ts pull articles from a synchronous iterable. We hand them a
 * queue that the async reader refills between steps. Each step of a text generator takes at
 * most one article and yields one chunk — as long as it is only given
 * articles that produce output (CSV writes nothing for an article without annotations, W3C
 * nothing for one without annotations, relations or labels), so those are left out here. If a
 * generator ever asks for an article the reader has not delivered yet, the export fails loudly
 * instead of writing a truncated file (app-stream.test.ts compares both paths byte for byte).
 */
import { exportChunks, type ExportFormat, type ExportOptions } from './formats/index.ts';
import type { DatasetArticle, DatasetHeader } from './dataset.ts';

/** Formats built whole in memory (zip archives, the codebook): they need every article first. */
export const WHOLE_FORMATS: ReadonlySet<ExportFormat> = new Set(['qdpx', 'brat', 'qdc']);

/** Formats whose output does not depend on any article. */
export const CODEBOOK_ONLY_FORMATS: ReadonlySet<ExportFormat> = new Set(['qdc']);

function producesOutput(format: ExportFormat, a: DatasetArticle): boolean {
  if (format === 'csv') return a.annotations.length > 0;
  if (format === 'w3c') return a.annotations.length > 0 || a.relations.length > 0 || a.labels.length > 0;
  return true;
}

export async function* exportChunksAsync(
  format: ExportFormat,
  header: DatasetHeader,
  batches: AsyncIterable<DatasetArticle[]>,
  opts: ExportOptions = {},
): AsyncGenerator<string | Uint8Array> {
  if (CODEBOOK_ONLY_FORMATS.has(format)) {
    yield* exportChunks(format, { ...header, articles: [] }, opts);
    return;
  }
  if (WHOLE_FORMATS.has(format)) {
    const all: DatasetArticle[] = [];
    for await (const batch of batches) all.push(...batch);
    yield* exportChunks(format, { ...header, articles: all }, opts);
    return;
  }
  const queue: DatasetArticle[] = [];
  let ended = false;
  const articles: Iterable<DatasetArticle> = {
    [Symbol.iterator]: () => ({
      next: (): IteratorResult<DatasetArticle> => {
        const a = queue.shift();
        if (a) return { done: false, value: a };
        if (ended) return { done: true, value: undefined };
        throw new Error(`export stream: the ${format} writer asked for an article before it was read`);
      },
    }),
  };
  const gen = exportChunks(format, { ...header, articles }, opts);
  // A prologue (JSON head, CSV header row) comes out of a step that takes no article; the queue
  // is only drained, never asked past its end.
  for await (const batch of batches) {
    for (const a of batch) if (producesOutput(format, a)) queue.push(a);
    while (queue.length > 0) {
      const step = gen.next();
      if (step.done) return;
      yield step.value;
    }
  }
  ended = true;
  for (let step = gen.next(); !step.done; step = gen.next()) yield step.value;
}
