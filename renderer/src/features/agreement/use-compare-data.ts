import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation, Tag } from '@shared/model/types.ts';
import { db } from '../../db/db.ts';

/** Every coder's annotations on one article, and the project's tags, for the side-by-side view. */
export function useCompareData(articleId: string, projectId: string): { annotations: Annotation[]; tags: Tag[] } {
  const annotations = useLiveQuery(() => db.annotations.where('articleId').equals(articleId).toArray(), [articleId], [] as Annotation[]);
  const tags = useLiveQuery(() => db.tags.where('projectId').equals(projectId).toArray(), [projectId], [] as Tag[]);
  return { annotations, tags };
}
