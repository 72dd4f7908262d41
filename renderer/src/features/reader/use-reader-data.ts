import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import type { Annotation, ArticleStatus, Relation, Tag } from '@shared/model/types.ts';
import { loadArticle, setArticleStatus as storeStatus } from '../../db/articles.ts';
import { listAnnotations, listRelations } from '../../db/annotations.ts';
import { listTags } from '../../db/codebook.ts';
import { inLayer, type Layer } from '../settings/layer.ts';

export interface ReaderData {
  /** undefined while loading (or without an article). */
  article: Awaited<ReturnType<typeof loadArticle>>;
  /** The article's stored annotations; undefined while loading. */
  stored: Annotation[] | undefined;
  /** What the reader shows: the chosen layer's annotations, with those just created and not yet stored, in text order. */
  annotations: Annotation[];
  relations: Relation[];
  /** The project's tags in codebook order. */
  tags: Tag[];
  /** Draws an annotation at once, before the store's live query catches up. */
  showPending: (a: Annotation) => void;
}

/**
 * The reader's data, live: the article, its annotations and relations, the project's tags, and
 * an optimistic list of annotations just created (so that the key press that made one paints
 * it in the same frame).
 */
export function useReaderData(projectId: string, articleId: string | undefined, layer: Layer, coder: string): ReaderData {
  const article = useLiveQuery(() => (articleId ? loadArticle(articleId) : undefined), [articleId]);
  const stored = useLiveQuery(() => (articleId ? listAnnotations(articleId) : []), [articleId]);
  const [pending, setPending] = useState<Annotation[]>([]);
  const annotations = useMemo(() => {
    // Only the chosen coder's layer (blind coding); annotations just made are the current coder's own.
    const list = inLayer(stored ?? [], layer, coder);
    const fresh = inLayer(pending, layer, coder).filter((p) => !list.some((a) => a.id === p.id));
    return fresh.length === 0 ? list : [...list, ...fresh].sort((a, b) => a.start - b.start || b.end - a.end);
  }, [stored, pending, layer, coder]);
  // Once stored, an annotation is no longer pending (so that undoing it really removes it).
  // Adjusting state while rendering, as React recommends for state derived from props.
  const [seenStored, setSeenStored] = useState(stored);
  if (stored !== seenStored) {
    setSeenStored(stored);
    if (stored && pending.some((p) => stored.some((a) => a.id === p.id))) setPending(pending.filter((p) => !stored.some((a) => a.id === p.id)));
  }
  const relations = useLiveQuery(() => (articleId ? listRelations(articleId) : []), [articleId], [] as Relation[]);
  const tags = useLiveQuery(async () => (await listTags(projectId)).sort((a, b) => a.order - b.order), [projectId], [] as Tag[]);
  const showPending = useCallback((a: Annotation) => setPending((list) => [...list, a]), []);
  return { article, stored, annotations, relations, tags, showPending };
}

/**
 * Sets the article's reading status (the reader's Status field). Not on the undo history, as
 * before this refactor: Ctrl+Z in the reader undoes coding, not bookkeeping.
 */
export function setArticleStatus(articleId: string, status: ArticleStatus): Promise<void> {
  return storeStatus(articleId, status);
}
