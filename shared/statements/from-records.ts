/**
 * Statements straight from the app's records (no article texts): the statements table, charts and
 * network view need claims, roles and article metadata only, and reading 10,000 texts to get them
 * would cost seconds. The records are shaped as dataset articles without text and handed to the
 * dataset's statement builder, so the app and the CLI derive statements by one set of rules.
 */
import { buildDatasetHeader, linksToDataset, type DatasetAnnotation, type DatasetArticle } from '../dataset/dataset.ts';
import type { Actor, Annotation, Article, Project, Relation, Tag } from '../model/types.ts';
import { statementBuilder } from './from-dataset.ts';
import type { StatementSet } from './statement.ts';

export interface StatementRecords {
  project: Project;
  tags: readonly Tag[];
  actors: readonly Actor[];
  /** In library order; the text is not needed. */
  articles: readonly Omit<Article, 'text'>[];
  annotations: readonly Annotation[];
  relations: readonly Relation[];
}

/** Statements plus the article titles the table shows. */
export interface StatementData {
  set: StatementSet;
  titles: Map<string, string>;
}

function group<T extends { articleId: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.articleId);
    if (list) list.push(item);
    else out.set(item.articleId, [item]);
  }
  return out;
}

export function statementsFromRecords(r: StatementRecords): StatementData {
  const header = buildDatasetHeader({ project: r.project, tags: [...r.tags], actors: [...r.actors] });
  const builder = statementBuilder(header);
  const tags = new Map(r.tags.map((t) => [t.id, t]));
  const actorIds = new Set(r.actors.map((a) => a.id));
  const annotations = group(r.annotations);
  const relations = group(r.relations);
  const titles = new Map<string, string>();
  for (const article of r.articles) {
    titles.set(article.id, article.title);
    const anns: DatasetAnnotation[] = [];
    for (const a of annotations.get(article.id) ?? []) {
      const tag = tags.get(a.tagId);
      // As in the export: an annotation whose tag is gone is not part of the coding.
      if (!tag) continue;
      anns.push({
        id: a.id,
        tag: a.tagId,
        tagName: tag.name,
        category: tag.categoryId,
        start: a.start,
        end: a.end,
        quote: a.quote,
        prefix: a.prefix,
        suffix: a.suffix,
        note: null,
        attributes: a.attributes,
        actor: a.actorId !== undefined && actorIds.has(a.actorId) ? a.actorId : null,
        coder: a.coder,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
      });
    }
    if (anns.length === 0) continue;
    const links = linksToDataset(relations.get(article.id) ?? [], new Set(anns.map((a) => a.id)), (id) => actorIds.has(id));
    anns.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const dataset: DatasetArticle = {
      id: article.id,
      title: article.title,
      text: '',
      meta: article.meta,
      status: article.status,
      labels: article.labels,
      source: article.source,
      contentHash: article.contentHash,
      importedAt: article.importedAt,
      annotations: anns,
      relations: links.relations,
      ...(links.roles.length > 0 ? { roles: links.roles } : {}),
    };
    builder.add(dataset);
  }
  return { set: builder.result(), titles };
}
