import { useLiveQuery } from 'dexie-react-hooks';
import type { Actor, Tag } from '@shared/model/types.ts';
import type { ExistingAnnotation } from '@shared/search/code-hits.ts';
import { listActors } from '../../db/actors.ts';
import { listTags } from '../../db/codebook.ts';
import { annotationsOfArticles } from '../../db/hit-coding.ts';

/** What the concordance's coding bar offers: the project's tags and actors, live. */
export function useKwicCodebook(projectId: string): { tags: Tag[] | undefined; actors: Actor[] | undefined } {
  const tags = useLiveQuery(() => listTags(projectId), [projectId]);
  const actors = useLiveQuery(() => listActors(projectId), [projectId]);
  return { tags, actors };
}

/**
 * Annotations of the articles whose lines are in view (a few dozen, not the whole concordance),
 * live: a line shows the tags already on its hit, and changes as hits are coded or undone.
 */
export function useHitAnnotations(articleIds: readonly string[]): Map<string, ExistingAnnotation[]> | undefined {
  const key = [...new Set(articleIds)].sort().join('\n');
  return useLiveQuery(async () => {
    const out = new Map<string, ExistingAnnotation[]>();
    if (key === '') return out;
    for (const a of await annotationsOfArticles(key.split('\n'))) {
      const list = out.get(a.articleId);
      if (list) list.push(a);
      else out.set(a.articleId, [a]);
    }
    return out;
  }, [key]);
}
