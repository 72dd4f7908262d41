/**
 * A reliability study from the app's records (UTF-16 offsets, as stored) — the agreement
 * screen's input, converted to code points like the exports, so the app, the CLI and a
 * researcher's own script on the dataset all see the same numbers.
 */
import type { Annotation, Category, Tag } from '../../model/types.ts';
import { makeOffsetConverter } from '../../text/code-points.ts';
import type { StudyInput, StudySpanAnnotation } from './study.ts';

export interface RecordStudyRequest {
  categories: readonly Category[];
  tags: readonly Tag[];
  articles: readonly { id: string; title: string; text: string }[];
  annotations: readonly Pick<Annotation, 'id' | 'articleId' | 'coder' | 'tagId' | 'start' | 'end' | 'attributes'>[];
  coders: readonly string[];
  /**
   * Who coded what: "all" = every chosen coder coded every chosen article (the usual study design:
   * the chosen articles were given to every chosen coder); "annotated" = a coder coded only the
   * articles where they made at least one annotation (others are missing data).
   */
  coded: 'all' | 'annotated';
}

export function studyFromRecords(req: RecordStudyRequest): StudyInput {
  const byArticle = new Map<string, RecordStudyRequest['annotations'][number][]>();
  for (const a of req.annotations) {
    let list = byArticle.get(a.articleId);
    if (!list) byArticle.set(a.articleId, (list = []));
    list.push(a);
  }
  const annotations: StudySpanAnnotation[] = [];
  const articles = req.articles.map((article) => {
    const conv = makeOffsetConverter(article.text);
    const coded = new Set<string>();
    for (const a of byArticle.get(article.id) ?? []) {
      // A damaged record (offsets outside the text) is left out rather than failing the study.
      if (!(Number.isInteger(a.start) && Number.isInteger(a.end) && a.start >= 0 && a.start <= a.end && a.end <= article.text.length)) continue;
      coded.add(a.coder);
      annotations.push({ id: a.id, articleId: article.id, coder: a.coder, tag: a.tagId, start: conv.toCodePoint(a.start), end: conv.toCodePoint(a.end), attributes: a.attributes });
    }
    return { id: article.id, title: article.title, text: article.text, openedBy: req.coded === 'all' ? req.coders : [...coded] };
  });
  return {
    categories: req.categories.map((c) => ({ id: c.id, name: c.name, level: c.level, attributes: c.attributes.map((x) => ({ id: x.id, name: x.name, type: x.type, ...(x.options ? { options: x.options } : {}) })) })),
    tags: req.tags.map((t) => ({ id: t.id, name: t.name, category: t.categoryId })),
    articles,
    annotations,
    coders: req.coders,
  };
}
