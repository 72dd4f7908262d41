import { useLiveQuery } from 'dexie-react-hooks';
import { getSetting, setSetting } from '../../db/settings.ts';
import { coderNameProblem } from '@shared/analysis/adjudication/gold.ts';

const CODER_KEY = 'coder';
export const DEFAULT_CODER = 'coder';

/** The coder's name stored on each annotation; set once in settings. */
export function useCoder(): string {
  return useLiveQuery(() => getSetting(CODER_KEY, DEFAULT_CODER), [], DEFAULT_CODER);
}

/** Stores the coder's name; refuses the gold layer's reserved name (the prompt shows why). */
export async function setCoder(name: string): Promise<void> {
  const problem = coderNameProblem(name);
  if (problem) throw new Error(problem);
  return setSetting(CODER_KEY, name.trim() || DEFAULT_CODER);
}
