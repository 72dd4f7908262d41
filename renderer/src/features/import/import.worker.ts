// The import pipeline's home inside the app: decoding, parsing and cleaning run here so that the
// window stays responsive whatever the corpus (DESIGN.md §6).
import { processFile } from './process-file.ts';
import type { ImportRequest, ImportResponse } from './protocol.ts';

// The web tsconfig has the DOM lib, not WebWorker's: name just what this worker uses.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportResponse): void;
};

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { id, name, buffer, index } = event.data;
  scope.postMessage({ id, ...(await processFile(name, new Uint8Array(buffer), index !== false)) });
};
