import Dexie from 'dexie';
import type { SampleSet } from '@shared/analysis/sample.ts';
import type { Id } from '@shared/model/types.ts';
import { db } from './db.ts';

export function listSamples(projectId: Id): Promise<SampleSet[]> {
  return db.samples.where('projectId').equals(projectId).sortBy('createdAt');
}

export async function addSample(set: SampleSet): Promise<void> {
  await db.samples.add(set);
}

export async function deleteSample(id: Id): Promise<void> {
  await db.samples.delete(id);
}

/**
 * Ids of the articles with an annotation of one of these tags. A cursor over the `tagId` index:
 * only the article ids are kept, however many annotations match.
 */
export async function articlesWithTags(tagIds: readonly Id[]): Promise<Set<Id>> {
  const out = new Set<Id>();
  if (tagIds.length === 0) return out;
  await db.annotations
    .where('tagId')
    .anyOf([...tagIds])
    .each((a) => {
      out.add(a.articleId);
    });
  return out;
}

/** Ids of the articles with an annotation by this coder (the `[projectId+coder]` index). */
export async function articlesCodedBy(projectId: Id, coder: string): Promise<Set<Id>> {
  const out = new Set<Id>();
  await db.annotations
    .where('[projectId+coder]')
    .equals([projectId, coder])
    .each((a) => {
      out.add(a.articleId);
    });
  return out;
}

/** Every coder with an annotation in the project (distinct index keys, no records read). */
export async function projectCoders(projectId: Id): Promise<string[]> {
  const keys = await db.annotations.where('[projectId+coder]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]).uniqueKeys();
  return keys.map((k) => String((k as unknown as [string, string])[1])).sort((a, b) => a.localeCompare(b));
}
