/**
 * Merging a Presswork dataset into an existing project as another coder's work (issue #5):
 * articles are matched by content, annotations re-anchored by quote + prefix + suffix where the
 * offsets no longer fit, and whatever cannot be anchored is reported as an orphan — never
 * dropped silently. Pure: returns the records to add; the caller stores them in one transaction.
 */
import type { Actor, Annotation, Article, Category, Project, Relation, Tag } from '../model/types.ts';
import { newId } from '../model/ids.ts';
import { makeOffsetConverter } from '../text/code-points.ts';
import { contentHash } from '../import/content-hash.ts';
import { actorFromDataset, categoryFromDataset, datasetAnnotationToRecord, locateAnnotation, relationFromDataset, tagFromDataset, type Dataset, type DatasetArticle } from './dataset.ts';

export interface MergeTarget {
  project: Project;
  articles: Article[];
  annotations: Annotation[];
  tags: Tag[];
  actors?: Actor[];
}

export interface MergeOptions {
  /** Coder name for every incoming annotation (default: the coder recorded in the dataset). */
  coder?: string;
  makeId?: () => string;
  /** Timestamp for new records that need one. */
  now?: string;
  /** Add articles that are not in the project (default true); otherwise their annotations become orphans. */
  addUnmatchedArticles?: boolean;
}

export interface MergeOrphan {
  articleTitle: string;
  annotationId: string;
  quote: string;
  reason: string;
}

/** What merging a dataset into a project would add, skip and leave unplaced: computed first, shown, then applied. */
export interface DatasetMergePlan {
  categoriesToAdd: Category[];
  tagsToAdd: Tag[];
  actorsToAdd: Actor[];
  articlesToAdd: Article[];
  annotationsToAdd: Annotation[];
  relationsToAdd: Relation[];
  /** Document labels to add to existing articles. */
  labelsToAdd: { articleId: string; tagIds: string[] }[];
  matched: { incomingId: string; articleId: string; title: string }[];
  /** Annotations placed by quote search because their offsets no longer fit. */
  reanchored: number;
  /** Annotations already present (same article, tag, range and coder): skipped. */
  duplicates: number;
  orphans: MergeOrphan[];
}

function lower(s: string): string {
  return s.trim().toLocaleLowerCase();
}

export function mergeDataset(existing: MergeTarget, incoming: Dataset, opts: MergeOptions = {}): DatasetMergePlan {
  // New ids in the dataset's order: they are time-ordered, so links that tie on createdAt keep it.
  const makeId = opts.makeId ?? newId;
  const now = opts.now ?? new Date().toISOString();
  const projectId = existing.project.id;
  const result: DatasetMergePlan = {
    categoriesToAdd: [],
    tagsToAdd: [],
    actorsToAdd: [],
    articlesToAdd: [],
    annotationsToAdd: [],
    relationsToAdd: [],
    labelsToAdd: [],
    matched: [],
    reanchored: 0,
    duplicates: 0,
    orphans: [],
  };

  // Categories: same id (built-ins), else same name; otherwise added.
  const catMap = new Map<string, string>();
  const catsByName = new Map(existing.project.categories.map((c) => [lower(c.name), c.id]));
  const catIds = new Set(existing.project.categories.map((c) => c.id));
  for (const c of incoming.codebook.categories) {
    const hit = catIds.has(c.id) ? c.id : catsByName.get(lower(c.name));
    if (hit) {
      catMap.set(c.id, hit);
      continue;
    }
    const id = makeId();
    catMap.set(c.id, id);
    result.categoriesToAdd.push(categoryFromDataset(c, { id, builtIn: false }));
  }

  // Tags: same category, name and parent; parents resolved first.
  const tagMap = new Map<string, string>();
  const tagKey = (categoryId: string, name: string, parentId: string | null) => `${categoryId}\u0000${lower(name)}\u0000${parentId ?? ''}`;
  const existingTags = new Map(existing.tags.map((t) => [tagKey(t.categoryId, t.name, t.parentId), t.id]));
  let order = existing.tags.reduce((m, t) => Math.max(m, t.order + 1), 0);
  // Copies: an unresolvable parent is cleared below without touching the caller's dataset.
  const pending = incoming.codebook.tags.map((t) => ({ ...t }));
  while (pending.length > 0) {
    const before = pending.length;
    for (let i = 0; i < pending.length; ) {
      const t = pending[i]!;
      if (t.parent !== null && !tagMap.has(t.parent)) {
        i++;
        continue;
      }
      pending.splice(i, 1);
      const categoryId = catMap.get(t.category) ?? t.category;
      const parentId = t.parent === null ? null : (tagMap.get(t.parent) as string);
      const hit = existingTags.get(tagKey(categoryId, t.name, parentId));
      if (hit) {
        tagMap.set(t.id, hit);
        continue;
      }
      const id = makeId();
      tagMap.set(t.id, id);
      existingTags.set(tagKey(categoryId, t.name, parentId), id);
      result.tagsToAdd.push(tagFromDataset(t, { id, projectId, categoryId, parentId }, { order: order++, shortcut: false, createdAt: now }));
    }
    if (pending.length === before) {
      // Unknown parents (or a cycle): keep the tags, at the top level.
      for (const t of pending) t.parent = null;
    }
  }

  // Actors: same name (or an alias of an existing actor).
  const actorMap = new Map<string, string>();
  const actorsByName = new Map<string, string>();
  for (const a of existing.actors ?? []) for (const n of [a.name, ...a.aliases]) actorsByName.set(lower(n), a.id);
  for (const a of incoming.actors) {
    const hit = actorsByName.get(lower(a.name));
    if (hit) {
      actorMap.set(a.id, hit);
      continue;
    }
    const id = makeId();
    actorMap.set(a.id, id);
    actorsByName.set(lower(a.name), id);
    result.actorsToAdd.push(actorFromDataset(a, { id, projectId }, now));
  }

  // Articles: by the hash of the normalised text (the importer's duplicate test), recomputed on
  // both sides; else by the stored hashes, which survive an edit made after hashing.
  const byText = new Map<string, Article>();
  const byStoredHash = new Map<string, Article>();
  for (const a of existing.articles) {
    byText.set(contentHash(a.text), a);
    if (a.contentHash) byStoredHash.set(a.contentHash, a);
  }
  const existingAnn = new Map<string, Set<string>>();
  const annKey = (tagId: string, start: number, end: number, coder: string) => `${tagId}\u0000${start}\u0000${end}\u0000${coder}`;
  for (const a of existing.annotations) {
    let set = existingAnn.get(a.articleId);
    if (!set) existingAnn.set(a.articleId, (set = new Set()));
    set.add(annKey(a.tagId, a.start, a.end, a.coder));
  }
  let articleOrder = existing.articles.reduce((m, a) => Math.max(m, a.order + 1), 0);

  for (const da of incoming.articles) {
    const target = byText.get(contentHash(da.text)) ?? (da.contentHash ? byStoredHash.get(da.contentHash) : undefined);
    let article: Article;
    if (target) {
      article = target;
      result.matched.push({ incomingId: da.id, articleId: target.id, title: target.title });
      const newLabels = da.labels.map((l) => tagMap.get(l)).filter((l): l is string => l !== undefined && !target.labels.includes(l));
      if (newLabels.length > 0) result.labelsToAdd.push({ articleId: target.id, tagIds: newLabels });
    } else if (opts.addUnmatchedArticles ?? true) {
      article = {
        id: makeId(),
        projectId,
        title: da.title,
        text: da.text,
        meta: da.meta,
        source: da.source,
        contentHash: da.contentHash,
        status: da.status,
        labels: da.labels.map((l) => tagMap.get(l)).filter((l): l is string => l !== undefined),
        importedAt: now,
        order: articleOrder++,
      };
      result.articlesToAdd.push(article);
    } else {
      for (const a of da.annotations) result.orphans.push({ articleTitle: da.title, annotationId: a.id, quote: a.quote, reason: 'article not in the project' });
      continue;
    }
    mergeAnnotations(da, article, { tagMap, actorMap, makeId, projectId, coder: opts.coder, seen: existingAnn, annKey }, result);
  }
  return result;
}

interface AnnotationContext {
  tagMap: Map<string, string>;
  actorMap: Map<string, string>;
  makeId: () => string;
  projectId: string;
  coder: string | undefined;
  seen: Map<string, Set<string>>;
  annKey: (tagId: string, start: number, end: number, coder: string) => string;
}

function mergeAnnotations(da: DatasetArticle, article: Article, ctx: AnnotationContext, result: DatasetMergePlan): void {
  // Offsets are code points on the incoming text; they are tried on the project's own text.
  const conv = makeOffsetConverter(article.text);
  const idMap = new Map<string, string>();
  let seen = ctx.seen.get(article.id);
  if (!seen) ctx.seen.set(article.id, (seen = new Set()));
  for (const a of da.annotations) {
    const tagId = ctx.tagMap.get(a.tag);
    if (!tagId) {
      result.orphans.push({ articleTitle: article.title, annotationId: a.id, quote: a.quote, reason: `unknown tag "${a.tag}"` });
      continue;
    }
    const range = locateAnnotation(article.text, conv, a);
    if (!range) {
      result.orphans.push({ articleTitle: article.title, annotationId: a.id, quote: a.quote, reason: 'quote not found in the article text' });
      continue;
    }
    const coder = ctx.coder ?? a.coder;
    const key = ctx.annKey(tagId, range.start, range.end, coder);
    if (seen.has(key)) {
      result.duplicates++;
      continue;
    }
    seen.add(key);
    if (range.moved) result.reanchored++;
    const id = ctx.makeId();
    idMap.set(a.id, id);
    const actorId = a.actor === null ? undefined : ctx.actorMap.get(a.actor);
    result.annotationsToAdd.push(datasetAnnotationToRecord(a, article.text, range, { id, projectId: ctx.projectId, articleId: article.id, tagId, actorId, coder }));
  }
  for (const r of da.relations) {
    const fromId = idMap.get(r.from);
    const toId = idMap.get(r.to);
    // Relations whose ends were skipped as duplicates already exist, or are orphaned with them.
    if (!fromId || !toId) continue;
    result.relationsToAdd.push(relationFromDataset(r, { id: ctx.makeId(), projectId: ctx.projectId, articleId: article.id, fromId, toId, coder: ctx.coder }));
  }
}
