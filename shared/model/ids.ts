import { v7 as uuidv7 } from 'uuid';

/**
 * Collision-safe ids usable in every runtime we target (browser, worker, Node 20), time-ordered
 * (UUIDv7, monotonic within a runtime): records made one after another get ids that sort in that
 * order, which is the tie-break when their timestamps are equal (shared/model/relation-order.ts).
 */
export function newId(): string {
  return uuidv7();
}

export function nowIso(): string {
  return new Date().toISOString();
}
