import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import { subtreeIds } from '@shared/codebook/tag-tree.ts';
import { filterChips, libraryView, withoutKeys, type Chip, type ChipNames, type FilterKey, type FilterSets, type LibraryFilter } from '@shared/analysis/library-filter.ts';
import type { SampleSet } from '@shared/analysis/sample.ts';
import type { Id, Project, Tag } from '@shared/model/types.ts';
import { db } from '../../db/db.ts';
import { articlesCodedBy, articlesWithTags, listSamples, projectCoders } from '../../db/samples.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { STATUS_LABEL } from '../library/Library.tsx';

export interface LibraryFilterState {
  filter: LibraryFilter;
  set: (change: Partial<LibraryFilter>) => void;
  remove: (keys: readonly FilterKey[]) => void;
  clear: () => void;
  /** The articles passing the filter, in library order. */
  shown: ArticleRecord[] | undefined;
  chips: Chip[];
  names: ChipNames;
  facets: { outlet: [string, number][]; language: [string, number][]; status: [string, number][]; author: [string, number][] };
  tags: Tag[];
  samples: SampleSet[];
  coders: string[];
}

/** Articles with a tag (or a sub-tag) as an annotation or as a document label. */
async function tagged(articles: readonly ArticleRecord[], tags: readonly Tag[], tagId: Id): Promise<Set<Id>> {
  const ids = subtreeIds(tags, tagId);
  const out = await articlesWithTags([...ids]);
  for (const a of articles) if (Array.isArray(a.labels) && a.labels.some((l) => ids.has(l))) out.add(a.id);
  return out;
}

/**
 * Each project's library filter, shared for the session: every caller of useLibraryFilter (the
 * library, and any screen that works on "the articles in the current filter") sees the same one,
 * and it survives a visit to the annotations table.
 */
const filters = new Map<Id, LibraryFilter>();
const listeners = new Set<() => void>();
const EMPTY: LibraryFilter = {};

export function setLibraryFilter(projectId: Id, next: LibraryFilter): void {
  filters.set(projectId, next);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The library's filter, its chips and facet counts; the store-backed parts are read through indexes. */
export function useLibraryFilter(project: Project, articles: ArticleRecord[] | undefined): LibraryFilterState {
  const filter = useSyncExternalStore(subscribe, () => filters.get(project.id) ?? EMPTY);
  const setFilter = (next: LibraryFilter) => setLibraryFilter(project.id, next);
  const tags = useLiveQuery(() => db.tags.where('projectId').equals(project.id).sortBy('order'), [project.id], [] as Tag[]);
  const samples = useLiveQuery(() => listSamples(project.id), [project.id], [] as SampleSet[]);
  const coders = useLiveQuery(() => projectCoders(project.id), [project.id], [] as string[]);
  // Re-read when the articles change too (an import, a new annotation is caught by the live query itself).
  const hasTag = useLiveQuery(() => (filter.hasTag ? tagged(articles ?? [], tags, filter.hasTag) : undefined), [filter.hasTag, tags, articles]);
  const notTag = useLiveQuery(() => (filter.notTag ? tagged(articles ?? [], tags, filter.notTag) : undefined), [filter.notTag, tags, articles]);
  const coder = useLiveQuery(() => (filter.coder !== undefined ? articlesCodedBy(project.id, filter.coder) : undefined), [project.id, filter.coder]);
  const sample = useMemo(() => {
    const s = filter.sampleId ? samples.find((x) => x.id === filter.sampleId) : undefined;
    return s ? new Set(s.articleIds) : undefined;
  }, [filter.sampleId, samples]);
  const sets = useMemo<FilterSets>(() => ({ ...(hasTag ? { hasTag } : {}), ...(notTag ? { notTag } : {}), ...(coder ? { coder } : {}), ...(sample ? { sample } : {}) }), [hasTag, notTag, coder, sample]);

  const view = useMemo(() => libraryView(articles ?? [], filter, sets), [articles, filter, sets]);
  // The unfiltered list itself when nothing is chosen, so the library keeps its array identity.
  const shown = articles && Object.keys(filter).length > 0 ? view.shown : articles;
  const facets = view.facets;
  const names = useMemo<ChipNames>(
    () => ({
      tag: (id) => tags.find((t) => t.id === id)?.name ?? '(deleted tag)',
      sample: (id) => samples.find((s) => s.id === id)?.name ?? '(deleted sample)',
      status: (s) => STATUS_LABEL[s],
    }),
    [tags, samples],
  );
  const chips = useMemo(() => filterChips(filter, names), [filter, names]);
  const set = (change: Partial<LibraryFilter>) => {
    const next: LibraryFilter = { ...filter, ...change };
    for (const key of Object.keys(change) as FilterKey[]) if (change[key] === undefined) delete next[key];
    setFilter(next);
  };
  return { filter, set, remove: (keys) => setFilter(withoutKeys(filter, keys)), clear: () => setFilter({}), shown, chips, names, facets, tags, samples, coders };
}
