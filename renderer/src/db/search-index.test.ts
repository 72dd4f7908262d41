import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '@shared/model/types.ts';
import { indexFields, INDEX_VERSION } from '@shared/search/analyse.ts';
import { words } from '@shared/search/tokenise.ts';
import { queryStems } from '@shared/search/stem.ts';
import { db } from './db.ts';
import { storeDrafts } from './articles.ts';
import { createProject } from './projects.ts';
import { deleteProjectInChunks } from './project-deletion.ts';
import { codingFacts, forgetIndex, indexArticles, indexedCount, loadIndex, lookup, lookupPhraseIn, rebuildIndex, removeFromIndex } from './search-index.ts';
import { indexDocs } from '../features/import/index-docs.ts';

const draft = (title: string, text: string, language = 'ru') => {
  const d: Draft = { source: { file: `${title}.txt` }, title, text, meta: { language } };
  return { draft: d, contentHash: `hash:${text}`, terms: indexFields(title, text, language) };
};

async function find(projectId: string, word: string): Promise<string[]> {
  return [...lookup(await loadIndex(projectId), queryStems(word), false).keys()].sort();
}

async function findPhrase(projectId: string, text: string): Promise<string[]> {
  const ws = words(text);
  return [...lookupPhraseIn(await loadIndex(projectId), ws, ws.map((w) => queryStems(w))).keys()].sort();
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function importBatch(projectId: string, batch: ReturnType<typeof draft>[]) {
  const { added } = await storeDrafts(projectId, batch);
  await indexArticles(projectId, indexDocs(batch, added));
  return added;
}

describe('the search index in IndexedDB', () => {
  it('indexes each stored batch as a segment, skipping duplicates', async () => {
    const p = await createProject('P');
    const a = await importBatch(p.id, [draft('Минск', 'Лукашенко заявил.'), draft('Киев', 'Зеленський звернувся.', 'uk')]);
    const b = await importBatch(p.id, [draft('Минск', 'Лукашенко заявил.'), draft('Снова', 'Лукашенку ответили.')]);
    expect(b).toHaveLength(1);
    expect(await db.searchSegments.count()).toBe(2);
    forgetIndex(p.id); // read back from storage, not the in-memory copy
    expect(await find(p.id, 'Лукашенко')).toEqual([a[0]!.id, b[0]!.id].sort());
    expect(await find(p.id, 'Зеленського')).toEqual([a[1]!.id]);
    expect(await find(p.id, 'минске')).toEqual([a[0]!.id]); // titles are indexed
    expect(indexedCount(await loadIndex(p.id))).toBe(3);
  });

  it('forgets deleted articles, in memory and in storage, and drops emptied segments', async () => {
    const p = await createProject('P');
    const [one, two] = await importBatch(p.id, [draft('1', 'Лукашенко заявил.'), draft('2', 'Лукашенку ответили.')]);
    const [three] = await importBatch(p.id, [draft('3', 'Путин молчал.')]);
    await loadIndex(p.id);
    await removeFromIndex(p.id, [one!.id, three!.id]);
    expect(await find(p.id, 'Лукашенко')).toEqual([two!.id]);
    expect(await find(p.id, 'Путин')).toEqual([]);
    expect(await db.searchSegments.count()).toBe(1);
    forgetIndex(p.id);
    expect(await find(p.id, 'Лукашенко')).toEqual([two!.id]);
    expect(indexedCount(await loadIndex(p.id))).toBe(1);
  });

  it('answers phrases from word pairs that survive deletes, storage and rebuilds', async () => {
    const p = await createProject('P');
    const [one, two] = await importBatch(p.id, [draft('1', 'Лукашенко заявил журналистам.'), draft('2', 'Вчера Лукашенко заявил, что…')]);
    const [three] = await importBatch(p.id, [draft('3', 'Заявил Лукашенко.')]);
    expect(await findPhrase(p.id, 'лукашенко заявил')).toEqual([one!.id, two!.id].sort());
    await removeFromIndex(p.id, [one!.id]);
    expect(await findPhrase(p.id, 'лукашенко заявил')).toEqual([two!.id]);
    forgetIndex(p.id); // the stored segment, rewritten by the delete
    expect(await findPhrase(p.id, 'лукашенко заявил')).toEqual([two!.id]);
    expect(await findPhrase(p.id, 'заявил лукашенко')).toEqual([three!.id]);
    await db.articles.delete(one!.id);
    await rebuildIndex(p.id);
    expect(await findPhrase(p.id, 'лукашенко заявил')).toEqual([two!.id]);
    expect(await findPhrase(p.id, 'заявил лукашенко')).toEqual([three!.id]);
  });

  it('rebuilds from the stored articles with progress, and treats an older version as stale', async () => {
    const p = await createProject('P');
    const { added } = await storeDrafts(p.id, [draft('1', 'Лукашенко заявил.'), draft('2', 'Зеленський звернувся.', 'uk')]);
    await db.searchSegments.add({ id: 'old', projectId: p.id, version: INDEX_VERSION - 1, articleIds: [], data: '{}' });
    expect((await loadIndex(p.id)).stale).toBe(true);
    const progress: [number, number][] = [];
    await rebuildIndex(p.id, (d, t) => progress.push([d, t]));
    expect(progress.at(0)).toEqual([0, 2]);
    expect(progress.at(-1)).toEqual([2, 2]);
    const index = await loadIndex(p.id);
    expect(index.stale).toBe(false);
    expect(await find(p.id, 'Зеленського')).toEqual([added[1]!.id]);
    expect(await db.searchSegments.get('old')).toBeUndefined();
  });

  it('is deleted with its project', async () => {
    const p = await createProject('P');
    const q = await createProject('Q');
    await importBatch(p.id, [draft('1', 'Лукашенко заявил.')]);
    await importBatch(q.id, [draft('1', 'Лукашенко заявил.')]);
    await deleteProjectInChunks(p.id);
    expect(await db.searchSegments.where('projectId').equals(p.id).count()).toBe(0);
    expect(await find(q.id, 'Лукашенко')).toHaveLength(1);
  });

  it('collects tag names (with parents) and coders per article', async () => {
    const p = await createProject('P');
    const [a] = await importBatch(p.id, [draft('1', 'Лукашенко заявил.')]);
    await db.tags.bulkAdd([
      { id: 'parent', projectId: p.id, categoryId: 'claim', name: 'Claim', parentId: null, color: '#888888', description: '', order: 9, createdAt: '' },
      { id: 'child', projectId: p.id, categoryId: 'claim', name: 'Economy', parentId: 'parent', color: '#888888', description: '', order: 10, createdAt: '' },
    ]);
    await db.annotations.add({ id: 'n1', projectId: p.id, articleId: a!.id, tagId: 'child', start: 0, end: 9, quote: 'Лукашенко', prefix: '', suffix: '', attributes: {}, coder: 'Ана', createdAt: '', updatedAt: '' } as never);
    expect((await codingFacts(p.id)).get(a!.id)).toEqual({ tags: ['economy', 'claim'], coders: ['ана'] });
  });
});
