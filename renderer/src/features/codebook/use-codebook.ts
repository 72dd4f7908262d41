import { useLiveQuery } from 'dexie-react-hooks';
import type { Id, Tag } from '@shared/model/types.ts';
import type { TagUsage } from '@shared/codebook/errors.ts';
import { countAnnotationsByTag, countLabelsByTag, listTags, tagUsage } from '../../db/codebook.ts';

/** The codebook editor's data, live: the project's tags and how many annotations and labels use each. */
export function useCodebookData(projectId: Id): { tags: Tag[] | undefined; annotationCounts: Map<Id, number> | undefined; labelCounts: Map<Id, number> | undefined } {
  const tags = useLiveQuery(() => listTags(projectId), [projectId]);
  const tagIdsKey = (tags ?? []).map((t) => t.id).join(',');
  const annotationCounts = useLiveQuery(() => countAnnotationsByTag(tagIdsKey ? tagIdsKey.split(',') : []), [tagIdsKey]);
  const labelCounts = useLiveQuery(() => countLabelsByTag(projectId), [projectId]);
  return { tags, annotationCounts, labelCounts };
}

/** The project's tags, live; an empty list without reading when `wanted` is false. */
export function useProjectTags(projectId: Id, wanted = true): Tag[] | undefined {
  return useLiveQuery(() => (wanted ? listTags(projectId) : Promise.resolve([] as Tag[])), [projectId, wanted]);
}

/** What uses a tag right now (asked once, before a merge or delete dialog opens). */
export function readTagUsage(tagId: Id): Promise<TagUsage> {
  return tagUsage(tagId);
}
