import { INDEX_VERSION, indexFields } from '@shared/search/analyse.ts';
import { buildSegment, loadSegment, lookupPhrase, lookupSegment, saveSegment, type IndexedDoc, type Segment } from '@shared/search/segment.ts';
import { newId } from '@shared/model/ids.ts';
import { db } from './db.ts';
import type { ArticleRecord } from './schema.ts';

/** A project's index in memory: its segments, loaded once and kept up to date by the writes below. */
export interface LoadedIndex {
  projectId: string;
  segments: { id: string; seg: Segment; articleIds: Set<string> }[];
  /** Some segment was written by an older INDEX_VERSION. */
  stale: boolean;
}

const cache = new Map<string, Promise<LoadedIndex>>();

/** Drops the in-memory copy (the next search loads what is stored). */
export function forgetIndex(projectId: string): void {
  cache.delete(projectId);
}

export function loadIndex(projectId: string): Promise<LoadedIndex> {
  let p = cache.get(projectId);
  if (!p) {
    p = (async () => {
      const records = await db.searchSegments.where('projectId').equals(projectId).toArray();
      const segments: LoadedIndex['segments'] = [];
      let stale = false;
      for (const r of records) {
        if (r.version !== INDEX_VERSION) {
          stale = true;
          continue;
        }
        segments.push({ id: r.id, seg: loadSegment(r.data), articleIds: new Set(r.articleIds) });
        // One segment per task: loading a large index never blocks the window for long.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return { projectId, segments, stale };
    })();
    cache.set(projectId, p);
    p.catch(() => cache.delete(projectId));
  }
  return p;
}

/** Indexed article count; compared with the project's article count to see whether the index is whole. */
export function indexedCount(index: LoadedIndex): number {
  let n = 0;
  for (const s of index.segments) n += s.articleIds.size;
  return n;
}

export function lookup(index: LoadedIndex, terms: readonly string[], prefix: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of index.segments) lookupSegment(s.seg, terms, prefix, out);
  return out;
}

/** Articles holding a phrase of 2+ folded words by the segments' word pairs (`stems[i]`: word i's query stems). */
export function lookupPhraseIn(index: LoadedIndex, words: readonly string[], stems: readonly (readonly string[])[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of index.segments) lookupPhrase(s.seg, words, stems, out);
  return out;
}

let worker: Worker | null = null;
let nextJob = 1;
const jobs = new Map<number, { resolve: (data: string) => void; reject: (e: Error) => void }>();

/** A segment's JSON, built in a worker where there are workers (the app), else here (unit tests). */
async function segmentJson(docs: readonly IndexedDoc[]): Promise<string> {
  if (typeof Worker === 'undefined') return saveSegment(await buildSegment(docs));
  if (!worker) {
    worker = new Worker(new URL('./segment.worker.ts', import.meta.url), { type: 'module', name: 'presswork-search-index' });
    worker.onmessage = (event: MessageEvent<{ id: number; data?: string; error?: string }>) => {
      const job = jobs.get(event.data.id);
      jobs.delete(event.data.id);
      if (event.data.data !== undefined) job?.resolve(event.data.data);
      else job?.reject(new Error(event.data.error ?? 'the search index worker failed'));
    };
    worker.onerror = () => {
      for (const job of jobs.values()) job.reject(new Error('the search index worker stopped'));
      jobs.clear();
      worker = null;
    };
  }
  const id = nextJob++;
  const w = worker;
  return new Promise<string>((resolve, reject) => {
    jobs.set(id, { resolve, reject });
    w.postMessage({ id, docs });
  });
}

/** Adds one batch of articles (terms computed in the import worker) as a new segment. */
export async function indexArticles(projectId: string, docs: readonly IndexedDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const data = await segmentJson(docs);
  const record = { id: newId(), projectId, version: INDEX_VERSION, articleIds: docs.map((d) => d.id), data };
  await db.searchSegments.add(record);
  // A search already holds this project's index in memory: add the segment to it (parsed once).
  const loaded = cache.get(projectId);
  if (loaded) (await loaded).segments.push({ id: record.id, seg: loadSegment(data), articleIds: new Set(record.articleIds) });
}

/** Removes deleted articles from the segments that hold them; a segment left empty is deleted. */
export async function removeFromIndex(projectId: string, articleIds: readonly string[]): Promise<void> {
  const gone = new Set(articleIds);
  if (gone.size === 0) return;
  const records = await db.searchSegments.where('projectId').equals(projectId).toArray();
  const loaded = cache.get(projectId) ? await cache.get(projectId) : undefined;
  for (const r of records) {
    const hit = r.articleIds.filter((id) => gone.has(id));
    if (hit.length === 0) continue;
    const inMemory = loaded?.segments.find((s) => s.id === r.id);
    const seg = inMemory?.seg ?? loadSegment(r.data);
    for (const id of hit) if (seg.mini.has(id)) seg.mini.discard(id);
    const rest = r.articleIds.filter((id) => !gone.has(id));
    if (rest.length === 0) {
      await db.searchSegments.delete(r.id);
      if (loaded) loaded.segments = loaded.segments.filter((s) => s.id !== r.id);
    } else {
      await db.searchSegments.put({ ...r, articleIds: rest, data: saveSegment(seg) });
      if (inMemory) for (const id of hit) inMemory.articleIds.delete(id);
    }
  }
}

/** Articles per segment when rebuilding. */
const REBUILD_SEGMENT = 1000;
/** Articles stemmed per task while rebuilding, so the window keeps answering. */
const REBUILD_SLICE = 20;

/**
 * Builds a project's index again from its stored articles (after a version change, a restore or
 * merge that added articles without indexing them, or on request), reporting progress. The old
 * segments are replaced only when the new ones are complete.
 */
export async function rebuildIndex(projectId: string, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<void> {
  const total = await db.articles.where('projectId').equals(projectId).count();
  onProgress?.(0, total);
  const newIds: string[] = [];
  let done = 0;
  let from = -Infinity;
  try {
    for (;;) {
      const page: ArticleRecord[] = await db.articles.where('[projectId+order]').between([projectId, from], [projectId, Infinity], false, true).limit(REBUILD_SEGMENT).toArray();
      if (page.length === 0) break;
      from = page[page.length - 1]!.order;
      const texts = await db.articleTexts.bulkGet(page.map((a) => a.id));
      const docs: IndexedDoc[] = [];
      for (let i = 0; i < page.length; i++) {
        if (signal?.aborted) throw new DOMException('Rebuild cancelled', 'AbortError');
        const a = page[i]!;
        docs.push({ id: a.id, ...indexFields(a.title ?? '', texts[i]?.text ?? '', a.meta?.language) });
        done++;
        if (done % REBUILD_SLICE === 0) {
          onProgress?.(done, total);
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
      const data = await segmentJson(docs);
      const id = newId();
      await db.searchSegments.add({ id, projectId, version: INDEX_VERSION, articleIds: docs.map((d) => d.id), data });
      newIds.push(id);
      if (page.length < REBUILD_SEGMENT) break;
    }
  } catch (e) {
    await db.searchSegments.bulkDelete(newIds);
    throw e;
  }
  const keep = new Set(newIds);
  const old = await db.searchSegments.where('projectId').equals(projectId).primaryKeys();
  await db.searchSegments.bulkDelete(old.filter((id) => !keep.has(id)));
  forgetIndex(projectId);
  onProgress?.(total, total);
}

/** Deletes a project's index (inside the caller's transaction when there is one). */
export async function deleteProjectIndex(projectId: string): Promise<void> {
  await db.searchSegments.where('projectId').equals(projectId).delete();
  forgetIndex(projectId);
}

/**
 * What `tag:` and `coder:` filter on: per article, the folded names of the tags used in it (with
 * their parents' names, so a parent finds its sub-tags) and of its coders. Read only when a query
 * uses those fields.
 */
export async function codingFacts(projectId: string): Promise<Map<string, { tags: string[]; coders: string[] }>> {
  const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/ё/g, 'е').trim();
  const tags = await db.tags.where('projectId').equals(projectId).toArray();
  const byId = new Map(tags.map((t) => [t.id, t]));
  const names = (tagId: string): string[] => {
    const out: string[] = [];
    for (let t = byId.get(tagId); t && out.length < 32; t = t.parentId ? byId.get(t.parentId) : undefined) out.push(fold(t.name));
    return out;
  };
  const out = new Map<string, { tags: Set<string>; coders: Set<string> }>();
  await db.annotations
    .where('projectId')
    .equals(projectId)
    .each((a) => {
      let f = out.get(a.articleId);
      if (!f) out.set(a.articleId, (f = { tags: new Set(), coders: new Set() }));
      for (const n of names(a.tagId)) f.tags.add(n);
      if (a.coder) f.coders.add(fold(a.coder));
    });
  const result = new Map<string, { tags: string[]; coders: string[] }>();
  for (const [id, f] of out) result.set(id, { tags: [...f.tags], coders: [...f.coders] });
  return result;
}

/** The text of one article (a search result row reads only the rows in view). */
export async function articleText(id: string): Promise<string | undefined> {
  return (await db.articleTexts.get(id))?.text;
}

/** Texts of several articles in one request (the KWIC view reads its lines in chunks). */
export async function articleTexts(ids: readonly string[]): Promise<(string | undefined)[]> {
  return (await db.articleTexts.bulkGet([...ids])).map((t) => t?.text);
}
