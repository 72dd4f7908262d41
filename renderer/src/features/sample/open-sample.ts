import sample from '../../../../resources/sample/articles.json';
import { contentHash } from '@shared/import/content-hash.ts';
import { quoteContext } from '@shared/text/anchor.ts';
import type { ArticleMeta, AttributeValue } from '@shared/model/types.ts';
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

/** Builds a new project from the sample corpus in resources/sample, with a few example codings. */
export async function openSampleProject(coder: string): Promise<string> {
  const articles = (sample as { articles: SampleArticle[] }).articles;
  const project = await createProject(sample.name);
  const drafts = articles.map((a, index) => {
    const text = a.paragraphs.join('\n\n');
    return { draft: { source: { file: 'sample/articles.json', index }, title: a.title, text, meta: a.meta }, contentHash: contentHash(text) };
  });
  const { added } = await storeDrafts(project.id, drafts);
  const tags = await db.tags.where('projectId').equals(project.id).toArray();
  const annotations = added.flatMap((record, i) => {
    const source = articles[i];
    const text = drafts[i]?.draft.text ?? '';
    return (source?.annotations ?? []).flatMap((s) => {
      const tag = tags.find((t) => t.name === s.tag);
      const start = text.indexOf(s.quote);
      if (!tag || start < 0) return [];
      const end = start + s.quote.length;
      return [completeAnnotation({ projectId: project.id, articleId: record.id, tagId: tag.id, start, end, ...quoteContext(text, start, end), attributes: s.attributes ?? {}, coder })];
    });
  });
  await putAnnotations(annotations);
  return project.id;
}
