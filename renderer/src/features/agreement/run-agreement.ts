/**
 * One agreement computation from the app: tell the agreement worker which articles and coders to
 * compare (it reads them from the store), report its progress, and afterwards ask it for a row's
 * disagreements. The worker lives until the run is cancelled (a new run, the dialog closed).
 */
import type { Disagreement, StudyTable } from '@shared/analysis/agreement/index.ts';
import type { UnitKind } from '@shared/analysis/agreement/units.ts';
import type { Project } from '@shared/model/types.ts';
import type { AgreementRequest, AgreementResponse } from './protocol.ts';

export interface AgreementJob {
  project: Project;
  articleIds: readonly string[];
  coders: readonly string[];
  coded: 'all' | 'annotated';
  unit: UnitKind;
  seed: number;
  replicates: number;
}

/** A row's disagreements with the texts they were computed on. */
export interface RowDisagreements {
  list: Disagreement[];
  articles: Map<string, { title: string; text: string }>;
}

export interface AgreementOutcome {
  table: StudyTable;
  /** The compared articles. */
  articleIds: string[];
  /** The disagreements behind a row of the table, read from the worker. */
  disagreements(rowKey: string): Promise<RowDisagreements>;
}

export interface AgreementRun {
  result: Promise<AgreementOutcome>;
  cancel(): void;
}

export function startAgreementWorker(): Worker {
  return new Worker(new URL('./agreement.worker.ts', import.meta.url), { type: 'module', name: 'presswork-agreement' });
}

export function runAgreement(job: AgreementJob, onProgress: (done: number, total: number, step: string) => void): AgreementRun {
  const w = startAgreementWorker();
  const asked = new Map<number, { resolve: (d: RowDisagreements) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failed: Error | null = null;
  const post = (m: AgreementRequest) => w.postMessage(m);
  const fail = (e: Error) => {
    failed = e;
    for (const a of asked.values()) a.reject(e);
    asked.clear();
  };
  const disagreements = (rowKey: string) =>
    new Promise<RowDisagreements>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = nextId++;
      asked.set(id, { resolve, reject });
      post({ type: 'disagreements', id, rowKey });
    });
  const result = new Promise<AgreementOutcome>((resolve, reject) => {
    w.onmessage = (e: MessageEvent<AgreementResponse>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.done, m.total, m.step);
      else if (m.type === 'result') resolve({ table: m.table, articleIds: m.articleIds, disagreements });
      else if (m.type === 'disagreements') {
        asked.get(m.id)?.resolve({ list: m.list, articles: new Map(m.articles.map((a) => [a.id, { title: a.title, text: a.text }])) });
        asked.delete(m.id);
      } else if (m.id !== undefined) {
        asked.get(m.id)?.reject(new Error(m.message));
        asked.delete(m.id);
      } else {
        w.terminate();
        reject(new Error(m.message));
      }
    };
    w.onerror = (e) => {
      w.terminate();
      const error = new Error(e.message || 'The agreement worker failed.');
      fail(error);
      reject(error);
    };
  });
  onProgress(0, 1, 'reading the articles');
  post({
    type: 'compute',
    job: { projectId: job.project.id, categories: job.project.categories, articleIds: [...job.articleIds], coders: [...job.coders], coded: job.coded },
    unit: job.unit,
    seed: job.seed,
    replicates: job.replicates,
  });
  return {
    result,
    cancel() {
      w.terminate();
      fail(new Error('cancelled'));
    },
  };
}
