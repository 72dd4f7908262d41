import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyCounts, prepareFilter, tableContext } from '@shared/analysis/annotation-table.ts';
import type { Annotation } from '@shared/model/types.ts';
import { db } from './db.ts';
import { articlePages, loadRows, scanAnnotationTable } from './annotation-table.ts';
import { articlesCodedBy, projectCoders } from './samples.ts';
import { completeAnnotation, putAnnotations, putRelations } from './annotations.ts';
import { createProject } from './projects.ts';
import type { ArticleRecord } from './schema.ts';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

function article(projectId: string, i: number, order = i): ArticleRecord {
  return { id: `a${String(i).padStart(3, '0')}`, projectId, title: `Article ${i}`, meta: { outlet: i % 2 ? 'Odd' : 'Even', publishedAt: `2026-0${1 + (i % 3)}-01` }, source: { file: 'x' }, contentHash: `h${i}`, status: 'todo', labels: [], importedAt: '', order };
}

describe('the annotations table store reads', () => {
  it('pages through articles in library order, even when many share one order value', async () => {
    const p = await createProject('P');
    // Orders 0..9, then 25 articles all at order 10, then 11..14.
    const records = [...Array.from({ length: 10 }, (_, i) => article(p.id, i)), ...Array.from({ length: 25 }, (_, i) => article(p.id, 10 + i, 10)), ...Array.from({ length: 4 }, (_, i) => article(p.id, 35 + i, 11 + i))];
    await db.articles.bulkAdd(records);
    const seen: string[] = [];
    let pages = 0;
    for await (const page of articlePages(p.id, 7)) {
      pages++;
      seen.push(...page.map((a) => a.id));
    }
    expect(seen).toHaveLength(records.length);
    expect(new Set(seen).size).toBe(records.length);
    expect(pages).toBeGreaterThan(4);
    const orders = seen.map((id) => records.find((r) => r.id === id)?.order ?? -1);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('scans a project page by page into matching ids and counts, and builds rows for the ones on screen', async () => {
    const p = await createProject('P');
    const tags = await db.tags.where('projectId').equals(p.id).toArray();
    const claim = tags.find((t) => t.categoryId === 'claim')?.id as string;
    const actor = tags.find((t) => t.categoryId === 'actor')?.id as string;
    await db.articles.bulkAdd(Array.from({ length: 30 }, (_, i) => article(p.id, i)));
    const annotations: Annotation[] = [];
    for (let i = 0; i < 30; i++) {
      const base = { projectId: p.id, articleId: `a${String(i).padStart(3, '0')}`, prefix: '', suffix: '', coder: i < 10 ? 'ana' : 'ben' };
      annotations.push(completeAnnotation({ ...base, id: `c${i}`, tagId: claim, start: 10, end: 15, quote: `claim ${i}`, attributes: { stance: i % 3 === 0 ? 'opposes' : 'supports' } }));
      annotations.push(completeAnnotation({ ...base, id: `m${i}`, tagId: actor, start: 0, end: 5, quote: `actor ${i}`, attributes: {}, ...(i % 5 === 0 ? { actorId: 'x1' } : {}) }));
    }
    await putAnnotations(annotations);
    await putRelations(annotations.filter((a) => a.id.startsWith('c')).map((c, i) => ({ id: `r${i}`, projectId: p.id, articleId: c.articleId, type: 'claimant', fromId: c.id, toId: `m${i}`, coder: 'ana', createdAt: '' })));
    await db.actors.add({ id: 'x1', projectId: p.id, name: 'Varga', aliases: [], createdAt: '' });
    const project = await db.projects.get(p.id);
    const ctx = tableContext(project?.categories ?? [], await db.tags.toArray(), await db.actors.toArray());

    const ids: string[] = [];
    const counts = emptyCounts();
    await scanAnnotationTable(p.id, ctx, prepareFilter({ categoryId: 'claim', actorId: 'x1' }, ctx.tags.values()), (m) => ids.push(...m.map((a) => a.id)), { counts });
    expect(ids).toEqual(['c0', 'c5', 'c10', 'c15', 'c20', 'c25']);
    expect(counts.attributes.get('stance=opposes')).toBe(2);

    const all: string[] = [];
    await scanAnnotationTable(p.id, ctx, prepareFilter({ outlet: 'Odd', coder: 'ben' }, ctx.tags.values()), (m) => all.push(...m.map((a) => a.id)));
    expect(all).toHaveLength(20);
    expect(all.slice(0, 2)).toEqual(['m11', 'c11']);

    const rows = await loadRows(['c5', 'm7'], ctx);
    expect(rows.map((r) => [r.id, r.actors, r.links])).toEqual([
      ['c5', ['Varga'], ['claimed by “actor 5”']],
      ['m7', [], ['claimant of “claim 7”']],
    ]);

    expect(await projectCoders(p.id)).toEqual(['ana', 'ben']);
    expect((await articlesCodedBy(p.id, 'ana')).size).toBe(10);
  });
});
