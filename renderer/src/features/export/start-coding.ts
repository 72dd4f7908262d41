import { setCoder } from '../settings/coder.ts';
import { setLayer } from '../settings/layer.ts';

/** After a coder package is opened: the coder's name goes on every new annotation, and the reader shows their layer only (blind coding). */
export async function startCoding(coder: string): Promise<void> {
  await setCoder(coder);
  await setLayer({ mode: 'mine' });
}
