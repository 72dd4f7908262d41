import { describe, expect, it } from 'vitest';
import type { OpenedFile } from '@shared/bridge/contract.ts';
import type { Draft } from '@shared/model/types.ts';
import type { FileOutcome, HashedDraft } from './protocol.ts';
import { runImport, type ImportDeps, type ImportProgress } from './run-import.ts';

const enc = new TextEncoder();
const file = (name: string, text: string): OpenedFile => ({ name, bytes: enc.encode(text) });

/** A fake pipeline: each non-empty line of a file is one article whose hash is its text. */
function lineProcess(file: OpenedFile): Promise<FileOutcome> {
  const text = new TextDecoder().decode(file.bytes);
  if (text.length === 0) return Promise.resolve({ drafts: [], problems: [{ source: { file: file.name }, message: 'The file is empty.' }] });
  const drafts = text
    .split('\n')
    .filter(Boolean)
    .map((line, index): HashedDraft => ({ draft: { source: { file: file.name, index }, title: line, text: line, meta: {} } satisfies Draft, contentHash: line }));
  return Promise.resolve({ drafts, problems: [] });
}

/** A fake store with the same contract as storeDrafts: one call = one all-or-nothing batch. */
function memoryStore(failOnCall?: number) {
  const stored: string[] = [];
  const batches: number[] = [];
  let calls = 0;
  const store: ImportDeps['store'] = async (batch) => {
    calls++;
    if (calls === failOnCall) throw new Error('QuotaExceededError');
    batches.push(batch.length);
    let added = 0;
    for (const d of batch) {
      if (stored.includes(d.contentHash)) continue;
      stored.push(d.contentHash);
      added++;
    }
    return { added, duplicates: batch.length - added };
  };
  return { store, stored, batches };
}

describe('runImport', () => {
  it('stores every article once, in file order, in batches, and counts duplicates and problems', async () => {
    const mem = memoryStore();
    const seen: ImportProgress[] = [];
    const result = await runImport({
      files: [file('a.txt', 'one\ntwo\nthree'), file('empty.txt', ''), file('b.txt', 'four\ntwo\nfive')],
      unreadable: [{ name: 'locked.txt', error: 'permission denied' }],
      deps: { process: lineProcess, store: mem.store },
      batchSize: 2,
      onProgress: (p) => seen.push(p),
    });
    expect(mem.stored).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(mem.batches.every((n) => n <= 2)).toBe(true);
    expect(result).toMatchObject({ phase: 'done', filesTotal: 3, filesRead: 3, added: 5, duplicates: 1 });
    expect(result.problems.map((p) => p.source.file)).toEqual(['locked.txt', 'empty.txt']);
    expect(result.problems[0]?.message).toContain('permission denied');
    // Progress was reported as files were read, not only at the end.
    expect(seen.some((p) => p.phase === 'running' && p.filesRead === 1)).toBe(true);
  });

  it('bounds a batch by characters too, never splitting an article and never storing an empty batch', async () => {
    const mem = memoryStore();
    const long = 'x'.repeat(50);
    await runImport({
      files: [file('a.txt', ['aaaa', 'bbbb', 'cccc', long, 'dddd'].join('\n'))],
      deps: { process: lineProcess, store: mem.store },
      batchSize: 10,
      batchChars: 10,
    });
    // 4+4 fit in 10 chars; 'cccc' starts the next; the 50-char article goes alone; 'dddd' last.
    expect(mem.batches).toEqual([2, 1, 1, 1]);
    expect(mem.stored).toEqual(['aaaa', 'bbbb', 'cccc', long, 'dddd']);
  });

  it('stops after the batch being stored when cancelled and keeps what was committed', async () => {
    const mem = memoryStore();
    const abort = new AbortController();
    const files = Array.from({ length: 10 }, (_, i) => file(`f${i}.txt`, `article ${i}`));
    const result = await runImport({
      files,
      deps: {
        process: lineProcess,
        store: async (batch) => {
          const r = await mem.store(batch);
          if (mem.stored.length === 3) abort.abort();
          return r;
        },
      },
      signal: abort.signal,
      batchSize: 1,
    });
    expect(result.phase).toBe('cancelled');
    expect(mem.stored).toEqual(['article 0', 'article 1', 'article 2']);
    expect(result.added).toBe(3);
    // The fourth file may have been read while the third batch was stored; it is not stored.
    expect(result.filesRead).toBeGreaterThanOrEqual(3);
    expect(result.filesRead).toBeLessThanOrEqual(4);
  });

  it('stops on a storage error, keeping earlier batches and reporting the error', async () => {
    const mem = memoryStore(2);
    const result = await runImport({
      files: [file('a.txt', 'one\ntwo'), file('b.txt', 'three\nfour'), file('c.txt', 'five')],
      deps: { process: lineProcess, store: mem.store },
      batchSize: 2,
    });
    expect(result.phase).toBe('failed');
    expect(result.error).toContain('QuotaExceededError');
    expect(mem.stored).toEqual(['one', 'two']);
    expect(result.added).toBe(2);
  });

  it('keeps the pipeline busy ahead of the store, within the lookahead', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const mem = memoryStore();
    const files = Array.from({ length: 20 }, (_, i) => file(`f${i}.txt`, `article ${i}`));
    await runImport({
      files,
      deps: {
        process: async (f) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((r) => setTimeout(r, 1));
          inFlight--;
          return lineProcess(f);
        },
        store: mem.store,
      },
      lookahead: 4,
    });
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(mem.stored).toHaveLength(20);
  });

  it('reads the files of the next batch while a batch is being stored', async () => {
    const mem = memoryStore();
    const processed: string[] = [];
    let overlapped = false;
    const files = Array.from({ length: 6 }, (_, i) => file(`f${i}.txt`, `article ${i}`));
    await runImport({
      files,
      deps: {
        process: (f) => {
          processed.push(f.name);
          return lineProcess(f);
        },
        store: async (batch) => {
          // The first store finishes only once the pipeline has been given f3, which (lookahead 1)
          // happens only after f2 — a file of the next batch — was taken in; or gives up after 2 s.
          if (mem.batches.length === 0) {
            const until = Date.now() + 2000;
            while (!processed.includes('f3.txt') && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
            overlapped = processed.includes('f3.txt');
          }
          return mem.store(batch);
        },
      },
      batchSize: 2,
      lookahead: 1,
    });
    expect(overlapped).toBe(true);
    expect(mem.stored).toEqual(files.map((_, i) => `article ${i}`));
  });

  it("keeps each file's report, in file order, for the import report", async () => {
    const mem = memoryStore();
    const removed = { headline: 1, runOn: 0, duplicates: 0, furniture: 2 };
    const withReport = async (f: OpenedFile): Promise<FileOutcome> => ({
      ...(await lineProcess(f)),
      report: { file: f.name, format: 'plain text', encoding: 'utf-8', items: 1, articles: 1, languages: { en: 1 }, removed, notes: [] },
    });
    const result = await runImport({ files: [file('a.txt', 'one'), file('b.txt', 'two')], deps: { process: withReport, store: mem.store } });
    expect(result.files.map((r) => r.file)).toEqual(['a.txt', 'b.txt']);
    expect(result.files[0]?.removed).toEqual(removed);
  });
});
