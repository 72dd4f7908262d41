/**
 * Reading a project for export without holding it all in memory: the header (codebook, actors)
 * at once, then the articles in library order, a batch at a time, each batch with its texts,
 * annotations and relations read through the indexes.
 */
import { buildDatasetArticle, buildDatasetHeader, type DatasetArticle, type DatasetHeader } from '@shared/dataset/dataset.ts';
import type { Annotation, Article, Id, Tag } from '@shared/model/types.ts';
import { db } from './db.ts';
import { exportedCoder, GOLD_CODER, type ExportLayer } from '@shared/analysis/adjudication/gold.ts';

export type ExportScope =
  | { kind: 'project' }
  | { kind: 'articles'; articleIds: Id[] }
  | { kind: 'done' }
  /**
   * Only annotations with one of these tags, in the articles that have any (or that carry one
   * of them as a document label). The caller passes sub-tags explicitly.
   */
  | { kind: 'tags'; tagIds: Id[] }
  /** One sample's articles on their own; the file records that sample only (definition and seed). */
  | { kind: 'sample'; sampleId: Id };

export interface ExportPlan {
  header: DatasetHeader;
  /** Article ids in library order. */
  articleIds: Id[];
  /** Annotations the export will hold (after the tag filter). */
  annotationCount: number;
  /** Set for a tag-filtered export. */
  tagFilter: ReadonlySet<Id> | null;
  tags: Tag[];
  /** Exported actors: a link to any other would dangle, so the builder drops it. */
  actorIds: ReadonlySet<Id>;
  /** Only this coder's annotations and relations (a layer; `gold` by default when there is one), or null for all. */
  coder: string | null;
}

/** An annotation the export had to leave out (a damaged record: no tag, or its quote is gone). */
export interface SkippedAnnotation {
  articleTitle: string;
  annotationId: Id;
  quote: string;
  reason: string;
}

/** Articles per batch: a few hundred keep memory flat even at a hundred annotations each. */
export const EXPORT_BATCH = 200;

async function orderedArticleIds(projectId: Id): Promise<Id[]> {
  return db.articles.where('[projectId+order]').between([projectId, -Infinity], [projectId, Infinity]).primaryKeys();
}

export async function planExport(projectId: Id, scope: ExportScope, exportedAt?: string, layer: ExportLayer = { mode: 'default' }): Promise<ExportPlan> {
  const [project, tags, actors, ordered, samples, goldCount] = await Promise.all([
    db.projects.get(projectId),
    db.tags.where('projectId').equals(projectId).toArray(),
    db.actors.where('projectId').equals(projectId).toArray(),
    orderedArticleIds(projectId),
    db.samples.where('projectId').equals(projectId).toArray(),
    db.annotations.where('[projectId+coder]').equals([projectId, GOLD_CODER]).count(),
  ]);
  const coder = exportedCoder(layer, goldCount > 0);
  const ofLayer = (a: Annotation) => coder === null || a.coder === coder;
  if (!project) throw new Error('This project no longer exists.');
  const sample = scope.kind === 'sample' ? samples.find((s) => s.id === scope.sampleId) : undefined;
  if (scope.kind === 'sample' && !sample) throw new Error('This sample no longer exists.');
  const header = buildDatasetHeader({ project, tags, actors, samples: sample ? [sample] : samples, ...(exportedAt ? { exportedAt } : {}) });
  let keep: Set<Id> | null = null;
  let annotationCount = 0;
  let tagFilter: Set<Id> | null = null;
  switch (scope.kind) {
    case 'project':
      annotationCount = coder === null ? await db.annotations.where('projectId').equals(projectId).count() : await db.annotations.where('[projectId+coder]').equals([projectId, coder]).count();
      break;
    case 'sample':
    case 'articles':
      keep = new Set(sample ? sample.articleIds : scope.kind === 'articles' ? scope.articleIds : []);
      annotationCount = await db.annotations.where('articleId').anyOf([...keep]).filter(ofLayer).count();
      break;
    case 'done':
      keep = new Set(await db.articles.where('[projectId+status]').equals([projectId, 'done']).primaryKeys());
      annotationCount = keep.size > 0 ? await db.annotations.where('articleId').anyOf([...keep]).filter(ofLayer).count() : 0;
      break;
    case 'tags': {
      tagFilter = new Set(scope.tagIds);
      keep = new Set();
      const found = keep;
      // A cursor, not toArray: only the article ids are kept, however many annotations match.
      await db.annotations
        .where('tagId')
        .anyOf([...tagFilter])
        .each((a) => {
          if (a.projectId !== projectId || !ofLayer(a)) return;
          found.add(a.articleId);
          annotationCount++;
        });
      const filter = tagFilter;
      await db.articles
        .where('projectId')
        .equals(projectId)
        .each((a) => {
          if (a.labels.some((l) => filter.has(l))) found.add(a.id);
        });
      break;
    }
  }
  const articleIds = keep ? ordered.filter((id) => keep.has(id)) : ordered;
  return { header, articleIds, annotationCount, tagFilter, tags, actorIds: new Set(actors.map((a) => a.id)), coder };
}

/** The plan's articles as dataset articles (code point offsets), `batchSize` at a time. */
export async function* readExportArticles(plan: ExportPlan, batchSize = EXPORT_BATCH, onSkipped?: (s: SkippedAnnotation) => void): AsyncGenerator<DatasetArticle[]> {
  const tagsById = new Map<Id, Tag>(plan.tags.map((t) => [t.id, t]));
  for (let i = 0; i < plan.articleIds.length; i += batchSize) {
    const ids = plan.articleIds.slice(i, i + batchSize);
    // One getAll per article (equals + toArray) rather than anyOf: anyOf walks a cursor, one
    // round trip per record, which made 50,000 annotations take seconds instead of a fraction.
    const [records, texts, annotationLists, relationLists] = await db.transaction('r', [db.articles, db.articleTexts, db.annotations, db.relations], () =>
      Promise.all([
        db.articles.bulkGet(ids),
        db.articleTexts.bulkGet(ids),
        Promise.all(ids.map((id) => db.annotations.where('articleId').equals(id).toArray())),
        Promise.all(ids.map((id) => db.relations.where('articleId').equals(id).toArray())),
      ]),
    );
    const filter = plan.tagFilter;
    const batch: DatasetArticle[] = [];
    ids.forEach((id, k) => {
      const record = records[k];
      const text = texts[k];
      // Deleted while the export ran: nothing to write for it.
      if (!record || !text) return;
      const article: Article = { ...record, text: text.text };
      const layer = plan.coder;
      const annotations = layer === null ? (annotationLists[k] ?? []) : (annotationLists[k] ?? []).filter((a) => a.coder === layer);
      const relations = layer === null ? (relationLists[k] ?? []) : (relationLists[k] ?? []).filter((r) => r.coder === layer);
      const skipped = onSkipped ? (a: Annotation, reason: string) => onSkipped({ articleTitle: article.title, annotationId: a.id, quote: a.quote, reason }) : undefined;
      batch.push(
        buildDatasetArticle(article, filter ? annotations.filter((a) => filter.has(a.tagId)) : annotations, relations, tagsById, {
          actorIds: plan.actorIds,
          ...(skipped ? { onSkipped: skipped } : {}),
        }),
      );
    });
    yield batch;
  }
}
