// The agreement screen's computation (issue #10) runs here: a study of 1,000 articles × 3 coders
// takes seconds, and the window must stay responsive meanwhile.
import { computeStudy, studyFromRecords } from '@shared/analysis/agreement/index.ts';
import type { AgreementRequest, AgreementResponse } from './protocol.ts';

// The web tsconfig has the DOM lib, not WebWorker's: name just what this worker uses.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AgreementRequest>) => void) | null;
  postMessage(message: AgreementResponse): void;
};

scope.onmessage = (event: MessageEvent<AgreementRequest>) => {
  const { study, unit, seed, replicates } = event.data;
  try {
    const input = studyFromRecords(study);
    const result = computeStudy(input, { unit, seed, replicates, onProgress: (done, total, step) => scope.postMessage({ type: 'progress', done, total, step }) });
    scope.postMessage({ type: 'result', result });
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
