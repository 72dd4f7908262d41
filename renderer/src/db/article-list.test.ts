import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '@shared/model/types.ts';
import { db } from './db.ts';
import { setArticleStatus, storeDrafts } from './articles.ts';
import { createProject } from './projects.ts';
import { deleteProjectInChunks } from './project-deletion.ts';
import { pointKeys, watchProjectArticles } from './article-list.ts';
import type { ArticleRecord } from './schema.ts';

const drafts = (n: number, tag: string): { draft: Draft; contentHash: string }[] =>
  Array.from({ length: n }, (_, i) => ({ draft: { source: { file: `${tag}${i}.txt` }, title: `${tag} ${i}`, text: `Text ${tag} ${i}.`, meta: {} }, contentHash: `h:${tag}:${i}` }));

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

/** Collects the lists a watcher reports; `next(pred)` waits for the first one matching. */
function collect(projectId: string) {
  const lists: ArticleRecord[][] = [];
  const waiters: { pred: (l: ArticleRecord[]) => boolean; resolve: (l: ArticleRecord[]) => void }[] = [];
  const stop = watchProjectArticles(projectId, (list) => {
    lists.push(list);
    for (const w of [...waiters]) if (w.pred(list)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(list);
    }
  });
  const next = (pred: (l: ArticleRecord[]) => boolean) =>
    new Promise<ArticleRecord[]>((resolve, reject) => {
      const hit = lists.at(-1);
      if (hit && pred(hit)) return resolve(hit);
      waiters.push({ pred, resolve });
      setTimeout(() => reject(new Error(`no matching list; last had ${lists.at(-1)?.length} articles`)), 5000);
    });
  return { lists, next, stop };
}

describe('pointKeys', () => {
  it('lists keys named one by one and refuses ranges', () => {
    expect(pointKeys(undefined)).toEqual([]);
    expect(pointKeys({ d: 0 })).toEqual([]);
    expect(pointKeys({ from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: null })?.sort()).toEqual(['a', 'b']);
    expect(pointKeys({ from: 'a', to: 'z', d: 1 })).toBeNull();
    expect(pointKeys({ from: -Infinity, to: [[[]]], d: 1 })).toBeNull();
  });
});

describe('watchProjectArticles', () => {
  it('follows imports, a status change and a deletion, re-reading only what changed', async () => {
    const p = await createProject('Watched');
    const other = await createProject('Other');
    await storeDrafts(p.id, drafts(3, 'a'));
    const w = collect(p.id);
    const first = await w.next((l) => l.length === 3);

    // An import batch larger than one write: all of it arrives, in order, the old records kept as they were.
    await storeDrafts(p.id, drafts(120, 'b'));
    const grown = await w.next((l) => l.length === 123);
    expect(grown.map((a) => a.order)).toEqual([...grown.map((a) => a.order)].sort((x, y) => x - y));
    expect(grown.slice(0, 3)).toEqual(first);
    expect(grown[0]).toBe(first[0]); // the same objects: the earlier records were not read again

    // Another project's articles never appear.
    await storeDrafts(other.id, drafts(2, 'c'));
    await setArticleStatus(grown[5]!.id, 'done');
    const changed = await w.next((l) => l[5]?.status === 'done');
    expect(changed).toHaveLength(123);
    expect(changed[6]).toBe(grown[6]);
    expect(changed.every((a) => a.projectId === p.id)).toBe(true);

    // A deletion empties the list.
    await deleteProjectInChunks(p.id);
    await w.next((l) => l.length === 0);
    w.stop();
  });

  it('shows a large library page by page on its first reading, then the whole list', async () => {
    const p = await createProject('Paged');
    await storeDrafts(p.id, drafts(10, 'a'));
    const lengths: number[] = [];
    await new Promise<void>((resolve) => {
      const stop = watchProjectArticles(
        p.id,
        (list) => {
          lengths.push(list.length);
          if (list.length === 10) {
            stop();
            resolve();
          }
        },
        undefined,
        4,
      );
    });
    // Pages overlap by one order value (the paging re-reads its bound), so 4, then 7, then all 10.
    expect(lengths[0]).toBe(4);
    expect(lengths).toEqual([...lengths].sort((x, y) => x - y));
    expect(lengths.at(-1)).toBe(10);
    expect(lengths.length).toBeGreaterThan(2);
  });

  it('reads the whole list again after a write that names no keys', async () => {
    const p = await createProject('Cleared');
    await storeDrafts(p.id, drafts(4, 'a'));
    const w = collect(p.id);
    await w.next((l) => l.length === 4);
    await db.articles.clear();
    await w.next((l) => l.length === 0);
    w.stop();
  });
});
