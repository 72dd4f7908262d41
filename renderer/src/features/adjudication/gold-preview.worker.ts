// What "Accept all agreed" would add, counted off the main thread: planning gold for a
// 1,000-article study reads and compares 300,000 annotations (seconds of blocked window when the
// gold panel did it in a render). The worker reads the layers with its own store connection.
import { planGold, type Strategy } from '@shared/analysis/adjudication/plan.ts';
import { readArticlesLayers } from '../../db/gold.ts';

export interface GoldPreviewRequest {
  articleIds: readonly string[];
  coders: readonly string[];
  strategy: Strategy;
}

export type GoldPreviewResponse = { type: 'counts'; annotations: number; relations: number; alreadyInGold: number } | { type: 'error'; message: string };

// The web tsconfig has the DOM lib, not WebWorker's: name just what this worker uses.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<GoldPreviewRequest>) => void) | null;
  postMessage(message: GoldPreviewResponse): void;
};

scope.onmessage = async (event: MessageEvent<GoldPreviewRequest>) => {
  const { articleIds, coders, strategy } = event.data;
  try {
    const layers = await readArticlesLayers(articleIds);
    let n = 0;
    const plan = planGold({ ...layers, coders, strategy }, { id: () => `preview-${++n}`, now: '' });
    scope.postMessage({ type: 'counts', annotations: plan.annotations.length, relations: plan.relations.length, alreadyInGold: plan.alreadyInGold });
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
