import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation } from '@shared/model/types.ts';
import { GOLD_CODER } from '@shared/analysis/adjudication/gold.ts';
import { getSetting, setSetting } from '../../db/settings.ts';

/**
 * Which coders' annotations the reader shows (blind coding, issue #10): every layer, only the
 * current coder's own (so a coder does not see the others' work while coding, even in one shared
 * installation), or one chosen coder's. Each layer is the annotations carrying that `coder` name.
 */
export type Layer = { mode: 'all' } | { mode: 'mine' } | { mode: 'coder'; coder: string };

const LAYER_KEY = 'layer';
const ALL: Layer = { mode: 'all' };

export function useLayer(): Layer {
  return useLiveQuery(() => getSetting<Layer>(LAYER_KEY, ALL), [], ALL);
}

export function setLayer(layer: Layer): Promise<void> {
  return setSetting(LAYER_KEY, layer);
}

/** The coder whose layer is shown, or null for all. */
export function layerCoder(layer: Layer, me: string): string | null {
  return layer.mode === 'all' ? null : layer.mode === 'mine' ? me : layer.coder;
}

export function inLayer<A extends Pick<Annotation, 'coder'>>(list: A[], layer: Layer, me: string): A[] {
  const who = layerCoder(layer, me);
  return who === null ? list : list.filter((a) => a.coder === who);
}

/**
 * Whose layer the reader's edits go into: the gold layer while it is the one shown (that is how
 * an adjudicator edits gold with the reader's normal tools), else the coder's own.
 */
export function editingCoder(layer: Layer, me: string): string {
  return layer.mode === 'coder' && layer.coder === GOLD_CODER ? GOLD_CODER : me;
}
