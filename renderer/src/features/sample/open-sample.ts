import sample from '../../../../resources/sample/articles.json';
import { contentHash } from '@shared/import/content-hash.ts';
import { quoteContext } from '@shared/text/anchor.ts';
import type { Annotation, ArticleMeta, AttributeValue } from '@shared/model/types.ts';
import { storeDrafts } from '../../db/articles.ts';
import { completeAnnotation, putAnnotations } from '../../db/annotations.ts';
import { createProject } from '../../db/projects.ts';
import { db } from '../../db/db.ts';

interface SampleArticle {
  title: string;
  meta: ArticleMeta;
  paragraphs: string[];
  annotations?: { quote: string; tag: string; attributes?: Record<string, AttributeValue> }[];
}

export interface SampleCorpus {
  name: string;
  articles: SampleArticle[];
}

export interface OpenedSample {
  projectId: string;
  /** Example annotations that could not be placed, one sentence each (empty for the shipped sample). */
  dropped: string[];
}

/**
 * Builds a new project from the sample corpus in resources/sample, with a few example codings.
 * An example that cannot be placed (its tag or quote is missing) is reported, never dropped
 * silently.
 */
export async function openSampleProject(coder: string, corpus: SampleCorpus = sample as SampleCorpus): Promise<OpenedSample> {
  const articles = corpus.articles;
  const drafts = articles.map((a, index) => {
    const text = a.paragraphs.join('\n\n');
    return { draft: { source: { file: 'sample/articles.json', index }, title: a.title, text, meta: a.meta }, contentHash: contentHash(text) };
  });
  // One transaction: a failure half-way leaves no project without its articles or examples.
  return db.transaction('rw', [db.projects, db.tags, db.articles, db.articleTexts, db.annotations], async () => {
    const project = await createProject(corpus.name);
    const { added } = await storeDrafts(project.id, drafts);
    const tags = await db.tags.where('projectId').equals(project.id).toArray();
    const dropped: string[] = [];
    const annotations: Annotation[] = [];
    // Stored records name their sample article by source index: a duplicate that was not stored
    // would shift a positional match onto the wrong article.
    for (const record of added) {
      const index = record.source.index ?? -1;
      const source = articles[index];
      const text = drafts[index]?.draft.text ?? '';
      for (const s of source?.annotations ?? []) {
        const tag = tags.find((t) => t.name === s.tag);
        const start = text.indexOf(s.quote);
        const problem = !tag ? `no tag “${s.tag}” in the codebook` : start < 0 ? 'the quote is not in the text' : undefined;
        if (problem || !tag) {
          dropped.push(`“${record.title}”: example annotation “${s.quote}” not placed: ${problem ?? ''}`);
          continue;
        }
        const end = start + s.quote.length;
        annotations.push(completeAnnotation({ projectId: project.id, articleId: record.id, tagId: tag.id, start, end, ...quoteContext(text, start, end), attributes: s.attributes ?? {}, coder }));
      }
    }
    await putAnnotations(annotations);
    return { projectId: project.id, dropped };
  });
}
