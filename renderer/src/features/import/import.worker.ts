// The import pipeline's home inside the app: decoding, parsing and cleaning run here so that the
// window stays responsive whatever the corpus (DESIGN.md §6).
import { importFile } from '@shared/import/pipeline.ts';
import { contentHash } from '@shared/import/content-hash.ts';
import type { ImportRequest, ImportResponse } from './protocol.ts';

// The web tsconfig has the DOM lib, not WebWorker's: name just what this worker uses.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportResponse): void;
};

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { id, name, buffer } = event.data;
  let response: ImportResponse;
  try {
    const { drafts, problems } = await importFile({ name, bytes: new Uint8Array(buffer) });
    response = { id, drafts: drafts.map((draft) => ({ draft, contentHash: contentHash(draft.text) })), problems };
  } catch (e) {
    // The pipeline reports bad input as problems; a throw is a bug, but it must cost one file only.
    const reason = e instanceof Error ? e.message : String(e);
    response = { id, drafts: [], problems: [{ source: { file: name }, message: `Could not be imported (internal error: ${reason}).` }] };
  }
  scope.postMessage(response);
};
