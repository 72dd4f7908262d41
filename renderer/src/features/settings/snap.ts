import { useLiveQuery } from 'dexie-react-hooks';
import { getSetting, setSetting } from '../../db/settings.ts';

const KEY = 'snapToWords';

/** Whether new selections snap to whole words (on by default). */
export function useSnapToWords(): [boolean, (value: boolean) => void] {
  const value = useLiveQuery(() => getSetting(KEY, true), [], true);
  return [value, (v) => void setSetting(KEY, v)];
}
