// The agreement screen's computation (issue #10) runs here: a study of 1,000 articles × 3 coders
// takes seconds, and the window must stay responsive meanwhile. The worker reads its input from
// the store itself, so the main thread neither decodes nor clones the annotations; it keeps the
// disagreement lists and texts and posts a row's list only when the user opens it.
import { computeStudy, studyFromRecords, studyTable, type StudyResult } from '@shared/analysis/agreement/index.ts';
import { createDb, type PressworkDb } from '../../db/schema.ts';
import { readAgreementInput } from '../../db/agreement-input.ts';
import type { AgreementArticle, AgreementRequest, AgreementResponse } from './protocol.ts';

// The web tsconfig has the DOM lib, not WebWorker's: name just what this worker uses.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AgreementRequest>) => void) | null;
  postMessage(message: AgreementResponse): void;
};

let db: PressworkDb | null = null;
let last: { result: StudyResult; articles: Map<string, AgreementArticle> } | null = null;

function disagreements(id: number, rowKey: string): AgreementResponse {
  const row = last?.result.rows.find((r) => r.key === rowKey);
  if (!last || !row) return { type: 'error', id, message: `No figure ${rowKey} in the computed table.` };
  const ids = new Set(row.disagreements.map((d) => d.articleId));
  const articles = [...ids].flatMap((a) => last?.articles.get(a) ?? []);
  return { type: 'disagreements', id, list: row.disagreements, articles };
}

scope.onmessage = async (event: MessageEvent<AgreementRequest>) => {
  const request = event.data;
  if (request.type === 'disagreements') {
    scope.postMessage(disagreements(request.id, request.rowKey));
    return;
  }
  const { job, unit, seed, replicates } = request;
  try {
    scope.postMessage({ type: 'progress', done: 0, total: 1, step: 'reading the articles' });
    const study = await readAgreementInput((db ??= createDb()), job);
    const input = studyFromRecords(study);
    const result = computeStudy(input, { unit, seed, replicates, onProgress: (done, total, step) => scope.postMessage({ type: 'progress', done, total, step }) });
    last = { result, articles: new Map(study.articles.map((a) => [a.id, { id: a.id, title: a.title, text: a.text }])) };
    scope.postMessage({ type: 'result', table: studyTable(result), articleIds: study.articles.map((a) => a.id) });
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
