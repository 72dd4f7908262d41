// The agreement screen's computation (issue #10) runs here: a study of 1,000 articles × 3 coders
// takes seconds, and the window must stay responsive meanwhile. The worker reads its input from
// the store itself, so the main thread neither decodes nor clones the annotations.
import { computeStudy, studyFromRecords } from '@shared/analysis/agreement/index.ts';
import { createDb, type PressworkDb } from '../../db/schema.ts';
import { readAgreementInput } from '../../db/agreement-input.ts';
import type { AgreementRequest, AgreementResponse } from './protocol.ts';

// The web tsconfig has the DOM lib, not WebWorker's: name just what this worker uses.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AgreementRequest>) => void) | null;
  postMessage(message: AgreementResponse): void;
};

let db: PressworkDb | null = null;

scope.onmessage = async (event: MessageEvent<AgreementRequest>) => {
  const { job, unit, seed, replicates } = event.data;
  try {
    scope.postMessage({ type: 'progress', done: 0, total: 1, step: 'reading the articles' });
    const study = await readAgreementInput((db ??= createDb()), job);
    const input = studyFromRecords(study);
    const result = computeStudy(input, { unit, seed, replicates, onProgress: (done, total, step) => scope.postMessage({ type: 'progress', done, total, step }) });
    scope.postMessage({ type: 'result', result, articles: study.articles.map((a) => ({ id: a.id, title: a.title, text: a.text })) });
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
