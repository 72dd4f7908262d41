import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Draft } from '@shared/model/types.ts';
import { db } from './db.ts';
import { listArticles, loadArticle, storeDrafts } from './articles.ts';
import { completeAnnotation, deleteAnnotations, listAnnotations, putAnnotations, putRelations, relationsOf } from './annotations.ts';
import { createProject, listProjects, listProjectsWithCounts, renameProject } from './projects.ts';
import { deleteProjectInChunks, interruptedDeletions, type DeletionProgress } from './project-deletion.ts';

const draft = (title: string, text: string): { draft: Draft; contentHash: string } => ({ draft: { source: { file: `${title}.txt` }, title, text, meta: {} }, contentHash: `hash:${text}` });

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('projects', () => {
  it('creates a project with the default codebook, renames it and refuses empty names', async () => {
    const p = await createProject('  Election coverage ');
    expect(p.name).toBe('Election coverage');
    expect(p.categories.map((c) => c.id)).toEqual(['claim', 'source', 'actor']);
    const tags = await db.tags.where('projectId').equals(p.id).sortBy('order');
    expect(tags.map((t) => [t.name, t.shortcut])).toEqual([
      ['Claim', '1'],
      ['Source', '2'],
      ['Actor', '3'],
    ]);
    await renameProject(p.id, 'Election coverage 2026');
    expect((await listProjects())[0]?.name).toBe('Election coverage 2026');
    await expect(renameProject(p.id, '   ')).rejects.toThrow(/name/);
    await expect(createProject('')).rejects.toThrow(/name/);
  });

  it('counts each project\'s articles, newest project first, zero for an empty one', async () => {
    const a = await createProject('A');
    await storeDrafts(a.id, [draft('one', 'First text.'), draft('two', 'Second text.'), draft('three', 'Third text.')]);
    const b = await createProject('B');
    await storeDrafts(b.id, [draft('four', 'Fourth text.')]);
    const empty = await createProject('Empty');
    const listed = await listProjectsWithCounts();
    expect(listed.map((l) => [l.project.name, l.articles]).sort()).toEqual([
      ['A', 3],
      ['B', 1],
      ['Empty', 0],
    ]);
    expect(listed.map((l) => l.project.id)).toEqual((await listProjects()).map((p) => p.id));
    expect(listed.find((l) => l.project.id === empty.id)?.articles).toBe(0);
  });

  it('deletes a project with everything in it, leaving other projects alone', async () => {
    const a = await createProject('A');
    const b = await createProject('B');
    const { added } = await storeDrafts(a.id, [draft('one', 'First text.')]);
    await storeDrafts(b.id, [draft('two', 'Second text.')]);
    const article = added[0];
    if (!article) throw new Error('not stored');
    const tag = (await db.tags.where('projectId').equals(a.id).first())!;
    const n = completeAnnotation({ projectId: a.id, articleId: article.id, tagId: tag.id, start: 0, end: 5, quote: 'First', prefix: '', suffix: ' text.', attributes: {}, coder: 'c' });
    await putAnnotations([n]);
    await putRelations([{ id: 'r', projectId: a.id, articleId: article.id, type: 'about', fromId: n.id, toId: n.id, coder: 'c', createdAt: '' }]);
    await deleteProjectInChunks(a.id);
    expect(await db.projects.count()).toBe(1);
    expect(await db.articles.where('projectId').equals(a.id).count()).toBe(0);
    expect(await db.articleTexts.get(article.id)).toBeUndefined();
    expect(await db.annotations.count()).toBe(0);
    expect(await db.relations.count()).toBe(0);
    expect(await db.tags.where('projectId').equals(a.id).count()).toBe(0);
    expect(await listArticles(b.id)).toHaveLength(1);
  });
});

describe('deleting a project in chunks', () => {
  it('removes every record of the project in small transactions, reporting progress, and leaves others alone', async () => {
    const a = await createProject('Big');
    const b = await createProject('Other');
    await storeDrafts(a.id, Array.from({ length: 7 }, (_, i) => draft(`a${i}`, `Text ${i} of A.`)));
    await storeDrafts(b.id, [draft('b', 'Text of B.')]);
    const progress: DeletionProgress[] = [];
    const transactions: string[] = [];
    const seen = (tx: { storeNames: string[] }) => transactions.push(tx.storeNames.join(','));
    // Watch the transactions: none may span all the project's articles at once.
    const spy = db.transaction.bind(db);
    db.transaction = ((...args: Parameters<typeof db.transaction>) => {
      const tables = (args as unknown[]).flat().filter((t): t is { name: string } => typeof t === 'object' && t !== null && 'name' in t);
      seen({ storeNames: tables.map((t) => t.name) });
      return (spy as (...a: unknown[]) => unknown)(...args);
    }) as typeof db.transaction;
    try {
      await deleteProjectInChunks(a.id, (p) => progress.push(p), 3);
    } finally {
      db.transaction = spy;
    }
    expect(await db.projects.get(a.id)).toBeUndefined();
    expect(await db.articles.where('projectId').equals(a.id).count()).toBe(0);
    expect(await db.articleTexts.count()).toBe(1);
    expect(await db.tags.where('projectId').equals(a.id).count()).toBe(0);
    expect(await listArticles(b.id)).toHaveLength(1);
    expect(await db.tags.where('projectId').equals(b.id).count()).toBe(3);
    // 7 articles + 3 default tags; articles went in chunks of 3 (3, 3, 1).
    expect(progress.at(-1)).toEqual({ done: 10, total: 10 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((x, y) => x - y));
    expect(transactions.filter((t) => t.includes('articles,articleTexts') || t.includes('articleTexts,articles'))).toHaveLength(3);
  });

  it('hides a project at once and finishes a deletion a closed window interrupted', async () => {
    const a = await createProject('Interrupted');
    await storeDrafts(a.id, [draft('x', 'Some text.'), draft('y', 'More text.')]);
    // As left by a window closed after the first chunk: marked, some records still there.
    await db.projects.update(a.id, { deleting: true });
    expect(await listProjects()).toEqual([]);
    expect(await listProjectsWithCounts()).toEqual([]);
    const pending = await interruptedDeletions();
    expect(pending).toEqual([{ id: a.id, name: 'Interrupted' }]);
    await deleteProjectInChunks(a.id);
    expect(await db.projects.count()).toBe(0);
    expect(await db.articles.count()).toBe(0);
    expect(await interruptedDeletions()).toEqual([]);
  });
});

describe('listArticles', () => {
  it('reads a large library in pages, in order, each article once (also when orders repeat)', async () => {
    const project = await createProject('Paged');
    const now = new Date().toISOString();
    const orders = [0, 1, 2, 2, 2, 3, 4, 4, 5, 6, 7, 7, 7, 7, 7, 8];
    await db.articles.bulkAdd(orders.map((order, i) => ({ id: `a${String(i).padStart(2, '0')}`, projectId: project.id, title: `T${i}`, meta: {}, source: { file: '' }, contentHash: `h${i}`, status: 'todo' as const, labels: [], importedAt: now, order })));
    const whole = await db.articles.where('[projectId+order]').between([project.id, -Infinity], [project.id, Infinity]).toArray();
    for (const pageSize of [1, 2, 3, 4, 5, 16, 100]) {
      const paged = await listArticles(project.id, pageSize);
      expect(paged.map((a) => a.id), `page size ${pageSize}`).toEqual(whole.map((a) => a.id));
    }
  });
});

describe('storing drafts', () => {
  it('stores a batch in order, skipping texts already in the project or earlier in the batch', async () => {
    const p = await createProject('P');
    const first = await storeDrafts(p.id, [draft('a', 'Alpha.'), draft('b', 'Beta.'), draft('a again', 'Alpha.')]);
    expect(first.added.map((a) => a.title)).toEqual(['a', 'b']);
    expect(first.duplicates.map((d) => d.title)).toEqual(['a again']);
    const second = await storeDrafts(p.id, [draft('b twice', 'Beta.'), draft('c', 'Gamma.')]);
    expect(second.added.map((a) => [a.title, a.order])).toEqual([['c', 2]]);
    expect(second.duplicates).toHaveLength(1);
    expect((await listArticles(p.id)).map((a) => a.title)).toEqual(['a', 'b', 'c']);
    const loaded = await loadArticle(second.added[0]!.id);
    expect(loaded?.text).toBe('Gamma.');
    expect(loaded?.status).toBe('todo');
  });

  it('treats the same text in another project as new', async () => {
    const p = await createProject('P');
    const q = await createProject('Q');
    await storeDrafts(p.id, [draft('a', 'Alpha.')]);
    expect((await storeDrafts(q.id, [draft('a', 'Alpha.')])).added).toHaveLength(1);
  });
});

describe('annotations', () => {
  it('lists an article’s annotations in text order and deletes their relations with them', async () => {
    const p = await createProject('P');
    const [article] = (await storeDrafts(p.id, [draft('a', 'One two three four.')])).added;
    const make = (start: number, end: number) => completeAnnotation({ projectId: p.id, articleId: article!.id, tagId: 't', start, end, quote: 'x', prefix: '', suffix: '', attributes: {}, coder: 'c' });
    const later = make(8, 13);
    const outer = make(0, 13);
    const inner = make(0, 3);
    await putAnnotations([later, inner, outer]);
    expect((await listAnnotations(article!.id)).map((a) => a.id)).toEqual([outer.id, inner.id, later.id]);
    await putRelations([{ id: 'r1', projectId: p.id, articleId: article!.id, type: 'about', fromId: outer.id, toId: later.id, coder: 'c', createdAt: '' }]);
    expect(await relationsOf([later.id])).toHaveLength(1);
    await deleteAnnotations([later.id]);
    expect(await db.relations.count()).toBe(0);
    expect(await listAnnotations(article!.id)).toHaveLength(2);
  });
});

describe('slices', () => {
  it('cuts sizes into ranges up to the limit, never empty, covering everything in order', async () => {
    const { slices } = await import('./articles.ts');
    expect(slices([5, 5, 5, 5], 10)).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(slices([30, 1, 1], 10)).toEqual([
      [0, 1],
      [1, 3],
    ]);
    expect(slices([], 10)).toEqual([]);
    expect(slices([1, 1, 1, 1, 1], 10, 2)).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
  });

  it('stores a batch larger than one slice as a whole', async () => {
    const p = await createProject('P');
    const big = 'x'.repeat(150_000);
    const batch = Array.from({ length: 7 }, (_, i) => draft(`t${i}`, `${i} ${big}`));
    const { added } = await storeDrafts(p.id, batch);
    expect(added).toHaveLength(7);
    expect(await db.articleTexts.count()).toBe(7);
    expect((await listArticles(p.id)).map((a) => a.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
