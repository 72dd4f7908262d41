import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { defaultCategories } from '../model/default-codebook.ts';
import type { Actor, Annotation, Relation, Tag } from '../model/types.ts';
import { TablePage, articleMatches, buildRow, emptyCounts, filterPage, prepareFilter, rowsToCsv, tableContext, type AnnotationFilter } from './annotation-table.ts';
import { subtreeIds } from '../codebook/tag-tree.ts';

function tag(id: string, categoryId: string, name: string, parentId: string | null = null): Tag {
  return { id, projectId: 'p', categoryId, name, parentId, color: '#888888', description: '', order: 0, createdAt: '' };
}

const tags = [tag('claim', 'claim', 'Claim'), tag('econ', 'claim', 'Economy', 'claim'), tag('tax', 'claim', 'Tax', 'econ'), tag('actor', 'actor', 'Actor'), tag('source', 'source', 'Source')];
const actors: Actor[] = [
  { id: 'varga', projectId: 'p', name: 'Tomas Varga', aliases: [], createdAt: '' },
  { id: 'council', projectId: 'p', name: 'City council', aliases: [], createdAt: '' },
];
const ctx = tableContext(defaultCategories(), tags, actors);

function ann(id: string, articleId: string, tagId: string, start: number, extra: Partial<Annotation> = {}): Annotation {
  return { id, projectId: 'p', articleId, tagId, start, end: start + 5, quote: `q-${id}`, prefix: 'before ', suffix: ' after', attributes: {}, coder: 'ana', createdAt: '', updatedAt: '', ...extra };
}

function rel(id: string, articleId: string, type: string, fromId: string, toId: string): Relation {
  return { id, projectId: 'p', articleId, type, fromId, toId, coder: 'ana', createdAt: '' };
}

const articles = [
  { id: 'a1', title: 'Foam', meta: { outlet: 'Gazette', publishedAt: '2026-03-14' } },
  { id: 'a2', title: 'Strike', meta: { outlet: 'Daily', publishedAt: '2026-04-02T10:00:00Z' } },
];
const annotations = [
  ann('c1', 'a1', 'claim', 50, { attributes: { stance: 'supports', verifiable: 'yes' } }),
  ann('m1', 'a1', 'actor', 10, { actorId: 'varga', attributes: { type: 'person' } }),
  ann('c2', 'a1', 'tax', 80, { attributes: { stance: 'opposes' }, coder: 'ben' }),
  ann('s1', 'a1', 'source', 20, { attributes: { type: 'anonymous' } }),
  ann('c3', 'a2', 'econ', 5, { attributes: { stance: 'supports' } }),
  ann('m2', 'a2', 'actor', 40, { actorId: 'council' }),
];
const relations = [rel('r1', 'a1', 'claimant', 'c1', 'm1'), rel('r2', 'a1', 'according-to', 'c2', 's1'), rel('r3', 'a2', 'about', 'c3', 'm2')];
const page = new TablePage(articles, annotations, relations);
const order = ['a1', 'a2'];

function ids(filter: AnnotationFilter): string[] {
  return filterPage(page, order, ctx, prepareFilter(filter, tags)).map((a) => a.id);
}

describe('annotations table filters', () => {
  it('lists every annotation in article order, then text order, with no filter', () => {
    expect(ids({})).toEqual(['m1', 's1', 'c1', 'c2', 'c3', 'm2']);
  });

  it('a tag matches its sub-tags at every depth', () => {
    expect([...subtreeIds(tags, ['econ'])].sort()).toEqual(['econ', 'tax']);
    expect(ids({ tagIds: ['claim'] })).toEqual(['c1', 'c2', 'c3']);
    expect(ids({ tagIds: ['econ'] })).toEqual(['c2', 'c3']);
    expect(ids({ tagIds: ['tax'] })).toEqual(['c2']);
  });

  it('filters by category, attribute value and coder', () => {
    expect(ids({ categoryId: 'claim', attribute: { id: 'stance', value: 'supports' } })).toEqual(['c1', 'c3']);
    expect(ids({ attribute: { id: 'type', value: 'anonymous' } })).toEqual(['s1']);
    expect(ids({ coder: 'ben' })).toEqual(['c2']);
  });

  it('an actor matches its mentions and the annotations linked with them, either way', () => {
    expect(ids({ actorId: 'varga' })).toEqual(['m1', 'c1']);
    expect(ids({ categoryId: 'claim', actorId: 'council' })).toEqual(['c3']);
  });

  it('"has no link of role X" keeps only annotations without such an outgoing link', () => {
    expect(ids({ categoryId: 'claim', missingRole: 'claimant' })).toEqual(['c2', 'c3']);
    expect(ids({ categoryId: 'claim', missingRole: 'according-to' })).toEqual(['c1', 'c3']);
  });

  it('filters by outlet and by date range at the precision of each bound', () => {
    expect(ids({ outlet: 'Daily' })).toEqual(['c3', 'm2']);
    expect(ids({ dateFrom: '2026-04' })).toEqual(['c3', 'm2']);
    expect(ids({ dateTo: '2026-03' })).toEqual(['m1', 's1', 'c1', 'c2']);
    expect(ids({ dateFrom: '2026-03-15', dateTo: '2026-04-02' })).toEqual(['c3', 'm2']);
    expect(articleMatches({}, { dateFrom: '2026' })).toBe(false);
  });
});

describe('annotations table counts and rows', () => {
  it('counts per tag, attribute value and actor over the filtered rows only', () => {
    const counts = emptyCounts();
    filterPage(page, order, ctx, prepareFilter({ categoryId: 'claim' }, tags), counts);
    expect(counts.total).toBe(3);
    expect(Object.fromEntries(counts.tags)).toEqual({ claim: 1, tax: 1, econ: 1 });
    expect(counts.attributes.get('stance=supports')).toBe(2);
    expect(counts.attributes.get('stance=opposes')).toBe(1);
    expect(Object.fromEntries(counts.actors)).toEqual({ varga: 1, council: 1 });
    expect(Object.fromEntries(counts.coders)).toEqual({ ana: 2, ben: 1 });
  });

  it('a row spells out tag path, attributes by name, actors, links both ways and the article', () => {
    const row = buildRow(annotations[2] as Annotation, page, ctx);
    expect(row).toMatchObject({ tagPath: 'Claim › Economy › Tax', category: 'Claim', attributes: ['Stance: opposes'], links: ['according to “q-s1”'], coder: 'ben', article: 'Foam', outlet: 'Gazette', date: '2026-03-14' });
    expect(buildRow(annotations[1] as Annotation, page, ctx)).toMatchObject({ actors: ['Tomas Varga'], links: ['claimant of “q-c1”'], attributes: ['Type: person'] });
    expect(buildRow(annotations[0] as Annotation, page, ctx)).toMatchObject({ attributes: ['Stance: supports', 'Verifiable: yes'], actors: ['Tomas Varga'], links: ['claimed by “q-m1”'] });
  });

  it('CSV chunks join into one valid table that round-trips through a parser', () => {
    const rows = ids({}).map((id) => buildRow(annotations.find((a) => a.id === id) as Annotation, page, ctx));
    // Written as the app writes it: the header alone, then a chunk per page.
    const csv = rowsToCsv([], true) + rowsToCsv(rows.slice(0, 2), false) + rowsToCsv([], false) + rowsToCsv(rows.slice(2), false);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Header, six rows, and nothing after the last line end: no blank line between chunks.
    expect(csv.split('\r\n')).toHaveLength(8);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.annotation_id)).toEqual(['m1', 's1', 'c1', 'c2', 'c3', 'm2']);
    expect(parsed.data[2]?.actors).toBe('Tomas Varga');
    expect(rowsToCsv([], true).trim()).toMatch(/^annotation_id,article_id/);
  });
});
