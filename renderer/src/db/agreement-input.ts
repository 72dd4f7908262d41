import type { RecordStudyRequest } from '@shared/analysis/agreement/index.ts';
import type { Category } from '@shared/model/types.ts';
import type { PressworkDb } from './schema.ts';

export interface AgreementInputJob {
  projectId: string;
  categories: readonly Category[];
  articleIds: readonly string[];
  coders: readonly string[];
  coded: 'all' | 'annotated';
}

/**
 * The agreement screen's input read from the store: the chosen articles with their texts, the
 * project's tags and the chosen coders' annotations. The agreement worker calls it with its own
 * connection: reading and copying 300,000 annotations on the main thread blocked the window for
 * seconds (decoding them, then cloning them into the worker).
 */
export async function readAgreementInput(db: PressworkDb, job: AgreementInputJob): Promise<RecordStudyRequest> {
  const ids = [...job.articleIds];
  const [records, texts, tags, annotations] = await Promise.all([
    db.articles.bulkGet(ids),
    db.articleTexts.bulkGet(ids),
    db.tags.where('projectId').equals(job.projectId).toArray(),
    db.annotations.where('articleId').anyOf(ids).toArray(),
  ]);
  const chosen = new Set(job.coders);
  const articles = ids.flatMap((id, i) => {
    const r = records[i];
    const t = texts[i];
    return r && t ? [{ id, title: r.title, text: t.text }] : [];
  });
  return {
    categories: job.categories,
    tags,
    articles,
    annotations: annotations.filter((a) => chosen.has(a.coder)).map((a) => ({ id: a.id, articleId: a.articleId, coder: a.coder, tagId: a.tagId, start: a.start, end: a.end, attributes: a.attributes })),
    coders: job.coders,
    coded: job.coded,
  };
}
