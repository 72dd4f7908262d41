import { describe, expect, it } from 'vitest';
import { describeFilter, facetCounts, filterArticles, filterChips, libraryView, withoutKeys, type FilterableArticle, type LibraryFilter } from './library-filter.ts';

const articles: FilterableArticle[] = [
  { id: 'a', title: 'Bridge repair delayed', status: 'todo', meta: { outlet: 'Vestnik', author: 'Olga', language: 'ru', publishedAt: '2026-05-19' } },
  { id: 'b', title: 'Harvest record', status: 'done', meta: { outlet: 'Khvylia', author: 'Andriy', language: 'uk', publishedAt: '2026-09-08' } },
  { id: 'c', title: 'River foam', status: 'done', meta: { outlet: 'Gazette', author: 'Mira', language: 'en', publishedAt: '2026-03-14' } },
  { id: 'd', title: 'Dock strike', status: 'in-progress', meta: { outlet: 'Gazette', language: 'en', publishedAt: '2026-04-02T08:00:00Z' } },
  { id: 'e', title: 'Untitled wire', status: 'todo', meta: {} },
];
const names = { tag: (id: string) => `Tag ${id}`, sample: (id: string) => `Sample ${id}`, status: (s: string) => s };

function ids(f: LibraryFilter, sets = {}): string[] {
  return filterArticles(articles, f, sets).map((a) => a.id);
}

describe('library filters', () => {
  it('combine: every part must hold', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids({ outlet: 'Gazette' })).toEqual(['c', 'd']);
    expect(ids({ outlet: 'Gazette', status: 'done' })).toEqual(['c']);
    expect(ids({ language: 'en', author: 'Mira' })).toEqual(['c']);
    expect(ids({ text: 'gaz' })).toEqual(['c', 'd']);
  });

  it('date range at the precision of each bound; undated articles fall outside any range', () => {
    expect(ids({ dateFrom: '2026-04', dateTo: '2026-05' })).toEqual(['a', 'd']);
    expect(ids({ dateTo: '2026-03-31' })).toEqual(['c']);
  });

  it('has tag, has not tag, coded by and in sample use the id sets from the store', () => {
    const sets = { hasTag: new Set(['a', 'c']), notTag: new Set(['c']), coder: new Set(['b', 'c']), sample: new Set(['a', 'b', 'c']) };
    expect(ids({ hasTag: 't' }, sets)).toEqual(['a', 'c']);
    expect(ids({ notTag: 't' }, sets)).toEqual(['a', 'b', 'd', 'e']);
    expect(ids({ coder: 'ana' }, sets)).toEqual(['b', 'c']);
    expect(ids({ sampleId: 's', hasTag: 't' }, sets)).toEqual(['a', 'c']);
    // Until a set is read, its part lets everything through.
    expect(ids({ sampleId: 's' })).toHaveLength(5);
  });

  it('facet counts count each value among the articles passing the other parts', () => {
    expect(facetCounts(articles, {}, {}, 'outlet')).toEqual([
      ['Gazette', 2],
      ['Khvylia', 1],
      ['Vestnik', 1],
      ['', 1],
    ]);
    // The outlet chosen does not hide the other outlets' counts; the status does.
    expect(facetCounts(articles, { outlet: 'Gazette', status: 'done' }, {}, 'outlet')).toEqual([
      ['Gazette', 1],
      ['Khvylia', 1],
    ]);
    expect(facetCounts(articles, { outlet: 'Gazette' }, {}, 'status')).toEqual([
      ['done', 1],
      ['in-progress', 1],
    ]);
    expect(facetCounts(articles, {}, {}, 'language')[0]).toEqual(['en', 2]);
  });

  it('chips name each part and remove only their own', () => {
    const f: LibraryFilter = { outlet: 'Gazette', dateFrom: '2026-03', dateTo: '2026-04', hasTag: 't1', sampleId: 's1', coder: 'ana' };
    const chips = filterChips(f, names);
    expect(chips.map((c) => c.label)).toEqual(['Outlet: Gazette', 'Date: 2026-03 – 2026-04', 'Has tag: Tag t1', 'Coded by: ana', 'In sample: Sample s1']);
    expect(withoutKeys(f, chips[1]?.keys ?? [])).toEqual({ outlet: 'Gazette', hasTag: 't1', sampleId: 's1', coder: 'ana' });
    expect(describeFilter({}, names)).toBe('All articles');
    expect(describeFilter({ language: 'uk', status: 'done' }, names)).toBe('Status: done; Language: uk');
  });

  it('the one-pass view gives the same list and facets as the separate passes, for many filters', () => {
    const sets = { hasTag: new Set(['a', 'c', 'd']), sample: new Set(['b', 'c', 'd', 'e']) };
    const filters: LibraryFilter[] = [{}, { outlet: 'Gazette' }, { outlet: 'Gazette', status: 'done' }, { language: 'en', author: 'Mira', status: 'todo' }, { text: 'R', hasTag: 't' }, { dateFrom: '2026-04', sampleId: 's', outlet: '' }, { status: 'done', language: 'uk' }];
    for (const f of filters) {
      const view = libraryView(articles, f, sets);
      expect(view.shown.map((a) => a.id), JSON.stringify(f)).toEqual(filterArticles(articles, f, sets).map((a) => a.id));
      for (const field of ['outlet', 'language', 'status', 'author'] as const) expect(view.facets[field], `${field} ${JSON.stringify(f)}`).toEqual(facetCounts(articles, f, sets, field));
    }
  });
});
