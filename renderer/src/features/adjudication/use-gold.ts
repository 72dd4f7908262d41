import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Annotation, Tag } from '@shared/model/types.ts';
import type { GoldRejection } from '@shared/analysis/adjudication/decisions.ts';
import type { Strategy } from '@shared/analysis/adjudication/plan.ts';
import type { GoldPreviewRequest, GoldPreviewResponse } from './gold-preview.worker.ts';
import { readGoldState } from '../../db/gold.ts';

const EMPTY = { gold: [] as Annotation[], rejections: [] as GoldRejection[], tags: [] as Tag[] };

/** The project's gold annotations, rejections and tags, live. */
export function useGold(projectId: string): { gold: Annotation[]; rejections: GoldRejection[]; tags: Tag[] } {
  return useLiveQuery(() => readGoldState(projectId), [projectId], EMPTY);
}

export interface AgreedPreview {
  annotations: number;
  relations: number;
  alreadyInGold: number;
}

/**
 * What "Accept all agreed" would add with this strategy (a preview: the action plans again from
 * the store when it runs), counted in a worker; again whenever the gold layer changes. Null while
 * counting.
 */
export function useAgreedPreview(articleIds: readonly string[], coders: readonly string[], strategy: Strategy, goldVersion: string): AgreedPreview | null {
  // The counts with the request they answer: a newer request shows "counting" until its answer.
  const [preview, setPreview] = useState<{ request: string; counts: AgreedPreview } | null>(null);
  const key = articleIds.join('\u0000');
  const codersKey = coders.join('\u0000');
  const request = `${key}\u0001${codersKey}\u0001${JSON.stringify(strategy)}\u0001${goldVersion}`;
  useEffect(() => {
    const w = new Worker(new URL('./gold-preview.worker.ts', import.meta.url), { type: 'module', name: 'presswork-gold-preview' });
    w.onmessage = (e: MessageEvent<GoldPreviewResponse>) => {
      w.terminate();
      // A failed count leaves the preview out; the action itself reports what it did.
      if (e.data.type === 'counts') setPreview({ request, counts: { annotations: e.data.annotations, relations: e.data.relations, alreadyInGold: e.data.alreadyInGold } });
    };
    const message: GoldPreviewRequest = { articleIds: [...articleIds], coders: [...coders], strategy };
    w.postMessage(message);
    return () => w.terminate();
    // The request key holds every input by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  return preview?.request === request ? preview.counts : null;
}
