import type { OpenedFile } from '@shared/bridge/contract.ts';
import { bridge } from '../../platform/bridge.ts';

export type Picked = { file: OpenedFile } | { error: string } | null;

/** Asks for one file through the bridge; null when the user cancelled. */
export async function pickOneFile(): Promise<Picked> {
  const result = await bridge.openFiles();
  const file = result.files[0];
  if (file) return { file };
  const bad = result.unreadable[0];
  if (bad) return { error: `“${bad.name}” could not be read: ${bad.error}` };
  return null;
}
