import type { Relation } from './types.ts';

/**
 * The order links were made in: by `createdAt`, then by id. Ids are time-ordered (newId), so links
 * made in the same millisecond keep the order they were made in, and a restore or merge — which
 * gives each link a new id in the dataset's order — keeps the dataset's order ("the first
 * claimant link counts" must not come out at random).
 */
export function compareRelations(a: Pick<Relation, 'createdAt' | 'id'>, b: Pick<Relation, 'createdAt' | 'id'>): number {
  return cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
