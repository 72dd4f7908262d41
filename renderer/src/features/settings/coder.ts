import { useLiveQuery } from 'dexie-react-hooks';
import { getSetting, setSetting } from '../../db/settings.ts';

const CODER_KEY = 'coder';
export const DEFAULT_CODER = 'coder';

/** The coder's name stored on each annotation; set once in settings. */
export function useCoder(): string {
  return useLiveQuery(() => getSetting(CODER_KEY, DEFAULT_CODER), [], DEFAULT_CODER);
}

export function setCoder(name: string): Promise<void> {
  return setSetting(CODER_KEY, name.trim() || DEFAULT_CODER);
}
