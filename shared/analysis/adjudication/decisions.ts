/**
 * What adjudication has decided about a place where the coders differ: a gold annotation covers
 * it (accepted), it was rejected (decided that gold keeps nothing there), or it is still open.
 */
import type { Annotation } from '../../model/types.ts';
import { GOLD_CODER } from './gold.ts';

/** "Nothing goes into gold here": a decision without an annotation. UTF-16 offsets, as stored. */
export interface GoldRejection {
  id: string;
  projectId: string;
  articleId: string;
  start: number;
  end: number;
  /** The category the disagreement was about (null: every category). */
  categoryId: string | null;
  createdAt: string;
}

export type Decision = 'accepted' | 'rejected' | 'open';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * The decision about [start, end) of an article (UTF-16): accepted when a gold annotation (of a
 * tag `counts` admits) overlaps it, else rejected when a rejection of the same category (or of
 * every category) overlaps it, else open.
 */
export function decisionOf(
  place: { articleId: string; start: number; end: number; categoryId: string | null },
  annotations: readonly Pick<Annotation, 'articleId' | 'coder' | 'tagId' | 'start' | 'end'>[],
  rejections: readonly GoldRejection[],
  counts: (tagId: string) => boolean = () => true,
): Decision {
  if (annotations.some((a) => a.coder === GOLD_CODER && a.articleId === place.articleId && counts(a.tagId) && overlaps(a, place))) return 'accepted';
  if (rejections.some((r) => r.articleId === place.articleId && (r.categoryId === null || r.categoryId === place.categoryId) && overlaps(r, place))) return 'rejected';
  return 'open';
}

/**
 * Which gold annotations decide a disagreement of an agreement figure: for "All span categories"
 * any; for a category (or its attributes) that category's tags; for one tag that tag. `key` is the
 * figure's key (`tag:<id>:…` for a tag).
 */
export function countsForFigure(row: { scope: 'overall' | 'category' | 'tag' | 'attribute'; category: string | null; key: string }, tags: readonly { id: string; categoryId: string }[]): (tagId: string) => boolean {
  if (row.scope === 'overall' || row.category === null) return () => true;
  if (row.scope === 'tag') {
    const id = row.key.slice('tag:'.length, row.key.lastIndexOf(':'));
    return (tagId) => tagId === id;
  }
  const own = new Set(tags.filter((t) => t.categoryId === row.category).map((t) => t.id));
  return (tagId) => own.has(tagId);
}
