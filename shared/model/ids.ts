/** Random, collision-safe ids usable in every runtime we target (browser, worker, Node 20). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}
