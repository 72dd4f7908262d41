import { useLiveQuery } from 'dexie-react-hooks';
import type { Id, Tag } from '@shared/model/types.ts';
import type { SampleSet } from '@shared/analysis/sample.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { listArticles } from '../../db/articles.ts';
import { listTags } from '../../db/codebook.ts';
import { listSamples } from '../../db/samples.ts';

/** What the export dialog offers to choose from, live: the project's articles (no texts), tags and samples. */
export function useExportChoices(projectId: Id): { articles: ArticleRecord[] | undefined; tags: Tag[] | undefined; samples: SampleSet[] | undefined } {
  const articles = useLiveQuery(() => listArticles(projectId), [projectId]);
  const tags = useLiveQuery(() => listTags(projectId), [projectId]);
  const samples = useLiveQuery(() => listSamples(projectId), [projectId]);
  return { articles, tags, samples };
}
