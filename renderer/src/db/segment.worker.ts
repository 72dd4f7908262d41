// Builds and serialises one search-index segment off the main thread: MiniSearch's insertions and
// its JSON serialisation were the main thread's whole cost of indexing during an import.
import { buildSegment, saveSegment, type IndexedDoc } from '@shared/search/segment.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; docs: IndexedDoc[] }>) => void) | null;
  postMessage(message: { id: number; data: string } | { id: number; error: string }): void;
};

scope.onmessage = async (event) => {
  const { id, docs } = event.data;
  try {
    scope.postMessage({ id, data: saveSegment(await buildSegment(docs)) });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
