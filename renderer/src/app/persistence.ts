export type PersistenceState = 'persistent' | 'best-effort' | 'unsupported';

/** Asks the browser to keep our IndexedDB data under storage pressure (DESIGN.md §5). */
export async function requestPersistentStorage(): Promise<PersistenceState> {
  if (!navigator.storage?.persist) return 'unsupported';
  try {
    if (await navigator.storage.persisted()) return 'persistent';
    return (await navigator.storage.persist()) ? 'persistent' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}
