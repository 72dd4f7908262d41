import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Annotation, Tag } from '@shared/model/types.ts';
import type { GoldRejection } from '@shared/analysis/adjudication/decisions.ts';
import { planGold, type GoldPlan, type Strategy } from '@shared/analysis/adjudication/plan.ts';
import { readArticlesLayers, readGoldState } from '../../db/gold.ts';

const EMPTY = { gold: [] as Annotation[], rejections: [] as GoldRejection[], tags: [] as Tag[] };

/** The project's gold annotations, rejections and tags, live. */
export function useGold(projectId: string): { gold: Annotation[]; rejections: GoldRejection[]; tags: Tag[] } {
  return useLiveQuery(() => readGoldState(projectId), [projectId], EMPTY);
}

/**
 * What "Accept all agreed" would add with this strategy (a preview: the action plans again from
 * the store when it runs). Null while reading.
 */
export function useAgreedPreview(articleIds: readonly string[], coders: readonly string[], strategy: Strategy): GoldPlan | null {
  const key = articleIds.join('\u0000');
  const layers = useLiveQuery(() => readArticlesLayers(articleIds), [key]);
  return useMemo(() => {
    if (!layers) return null;
    let n = 0;
    return planGold({ ...layers, coders, strategy }, { id: () => `preview-${++n}`, now: '' });
  }, [layers, coders, strategy]);
}
