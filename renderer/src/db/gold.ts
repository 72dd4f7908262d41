/**
 * The store side of adjudication (issue #10): reading what a gold plan needs, and writing a plan
 * or a rejection — each direction one transaction, so one undo entry restores it whole.
 */
import type { Annotation, Relation, Tag } from '@shared/model/types.ts';
import { GOLD_CODER } from '@shared/analysis/adjudication/gold.ts';
import type { GoldPlan } from '@shared/analysis/adjudication/plan.ts';
import type { GoldRejection } from '@shared/analysis/adjudication/decisions.ts';
import { db } from './db.ts';
import { codersChanged } from './coders.ts';

/** Every annotation and relation of these articles (all coders and gold), read per article by index. */
export async function readArticlesLayers(articleIds: readonly string[]): Promise<{ annotations: Annotation[]; relations: Relation[] }> {
  const [annotationLists, relationLists] = await db.transaction('r', [db.annotations, db.relations], () =>
    Promise.all([Promise.all(articleIds.map((id) => db.annotations.where('articleId').equals(id).toArray())), Promise.all(articleIds.map((id) => db.relations.where('articleId').equals(id).toArray()))]),
  );
  return { annotations: annotationLists.flat(), relations: relationLists.flat() };
}

export async function applyGoldPlan(plan: Pick<GoldPlan, 'annotations' | 'relations'>): Promise<void> {
  const hadGold = plan.annotations.length > 0;
  await db.transaction('rw', [db.annotations, db.relations], async () => {
    await db.annotations.bulkPut(plan.annotations);
    await db.relations.bulkPut(plan.relations);
  });
  // The gold layer may have just appeared: the layer lists read the coders again.
  if (hadGold) codersChanged();
}

export async function revertGoldPlan(plan: Pick<GoldPlan, 'annotations' | 'relations'>): Promise<void> {
  await db.transaction('rw', [db.annotations, db.relations], async () => {
    await db.relations.bulkDelete(plan.relations.map((r) => r.id));
    await db.annotations.bulkDelete(plan.annotations.map((a) => a.id));
  });
  if (plan.annotations.length > 0) codersChanged();
}

export function putRejection(r: GoldRejection): Promise<unknown> {
  return db.goldRejections.put(r);
}

export function deleteRejection(id: string): Promise<void> {
  return db.goldRejections.delete(id);
}

/** The gold layer's annotations of a project (by the coder index), its rejections and tags. */
export async function readGoldState(projectId: string): Promise<{ gold: Annotation[]; rejections: GoldRejection[]; tags: Tag[] }> {
  const [gold, rejections, tags] = await db.transaction('r', [db.annotations, db.goldRejections, db.tags], () =>
    Promise.all([
      db.annotations.where('[projectId+coder]').equals([projectId, GOLD_CODER]).toArray(),
      db.goldRejections.where('projectId').equals(projectId).toArray(),
      db.tags.where('projectId').equals(projectId).toArray(),
    ]),
  );
  return { gold, rejections, tags };
}
