import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildDatasetArticles, buildDatasetHeader, type DatasetArticle } from './dataset.ts';
import { EXPORT_FORMATS, exportChunks, type ExportFormat } from './formats/index.ts';
import { exportChunksAsync } from './app-stream.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

function source() {
  const input = fixtureInput();
  return { header: buildDatasetHeader(input), articles: [...buildDatasetArticles(input)] };
}

/** Batches delivered asynchronously, as the app's IndexedDB reader does. */
async function* inBatches(articles: DatasetArticle[], size: number): AsyncGenerator<DatasetArticle[]> {
  for (let i = 0; i < articles.length; i += size) {
    await new Promise((r) => setTimeout(r, 0));
    yield articles.slice(i, i + size);
  }
}

function joinText(parts: (string | Uint8Array)[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');
}

async function collect(gen: AsyncIterable<string | Uint8Array>): Promise<(string | Uint8Array)[]> {
  const out: (string | Uint8Array)[] = [];
  for await (const c of gen) out.push(c);
  return out;
}

describe('exportChunksAsync', () => {
  const textFormats: ExportFormat[] = ['json', 'jsonl', 'csv', 'w3c'];
  for (const format of textFormats) {
    for (const size of [1, 2, 10]) {
      it(`writes the same ${format} as the synchronous exporter (batches of ${size})`, async () => {
        const { header, articles } = source();
        const expected = joinText([...exportChunks(format, { ...header, articles }, { bom: true })]);
        const actual = joinText(await collect(exportChunksAsync(format, header, inBatches(articles, size), { bom: true })));
        expect(actual).toBe(expected);
        expect(actual.length).toBeGreaterThan(100);
      });
    }
  }

  it('handles articles that produce no output (CSV and W3C skip them) at batch edges', async () => {
    const { header, articles } = source();
    // Articles without annotations at the start, the middle and the end of every batch.
    const empty = articles.find((a) => a.annotations.length === 0 && a.labels.length === 0)!;
    const mixed = [empty, articles[0]!, empty, empty, articles[1]!, empty];
    for (const format of ['csv', 'w3c'] as const) {
      const expected = joinText([...exportChunks(format, { ...header, articles: mixed })]);
      const actual = joinText(await collect(exportChunksAsync(format, header, inBatches(mixed, 2))));
      expect(actual).toBe(expected);
    }
  });

  it('builds zip formats from every article', async () => {
    const { header, articles } = source();
    const [bytes] = await collect(exportChunksAsync('brat', header, inBatches(articles, 1)));
    expect(bytes).toBeInstanceOf(Uint8Array);
    const files = unzipSync(bytes as Uint8Array);
    const txt = Object.keys(files).filter((n) => n.endsWith('.txt'));
    expect(txt).toHaveLength(articles.length);
    expect(Object.values(files).some((f) => strFromU8(f).includes('Укрінформ'))).toBe(true);
  });

  it('writes the codebook without reading articles', async () => {
    const { header } = source();
    async function* never(): AsyncGenerator<DatasetArticle[]> {
      yield [];
      throw new Error('read');
    }
    const parts = await collect(exportChunksAsync('qdc', header, never()));
    expect(joinText(parts)).toContain('<CodeBook');
    expect(EXPORT_FORMATS.qdc.extension).toBe('.qdc');
  });
});
