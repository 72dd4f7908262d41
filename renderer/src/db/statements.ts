/**
 * What the statements table, charts and network view are built from: the claims, the annotations
 * their relations point to, and the articles' metadata — never the texts, nor the mentions that
 * no claim links to, so that 50,000 claims read in one pass of a few indexes.
 */
import type { Annotation } from '@shared/model/types.ts';
import type { StatementRecords } from '@shared/statements/from-records.ts';
import { db } from './db.ts';

export async function readStatementRecords(projectId: string): Promise<StatementRecords | null> {
  return db.transaction('r', [db.projects, db.tags, db.actors, db.articles, db.annotations, db.relations], async () => {
    const [project, tags, actors, articles, relations] = await Promise.all([
      db.projects.get(projectId),
      db.tags.where('projectId').equals(projectId).toArray(),
      db.actors.where('projectId').equals(projectId).toArray(),
      db.articles.where('[projectId+order]').between([projectId, -Infinity], [projectId, Infinity]).toArray(),
      db.relations.where('projectId').equals(projectId).toArray(),
    ]);
    if (!project) return null;
    // One getAll per claim tag: anyOf would walk a cursor, a round trip per record.
    const claimTags = tags.filter((t) => t.categoryId === 'claim').map((t) => t.id);
    const claims = (await Promise.all(claimTags.map((id) => db.annotations.where('tagId').equals(id).toArray()))).flat();
    const claimIds = new Set(claims.map((c) => c.id));
    const fromClaims = relations.filter((r) => claimIds.has(r.fromId));
    const targetIds = [...new Set(fromClaims.map((r) => r.toId))].filter((id) => !claimIds.has(id));
    const targets = (await db.annotations.bulkGet(targetIds)).filter((a): a is Annotation => a !== undefined);
    return { project, tags, actors, articles, annotations: [...claims, ...targets], relations: fromClaims };
  });
}
