/**
 * One agreement computation from the app: tell the agreement worker which articles and coders to
 * compare (it reads them from the store), report its progress.
 */
import type { StudyResult } from '@shared/analysis/agreement/index.ts';
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

export interface AgreementOutcome {
  result: StudyResult;
  /** The texts the figures were computed on, for showing the disagreements. */
  articles: Map<string, { title: string; text: string }>;
}

export interface AgreementRun {
  result: Promise<AgreementOutcome>;
  cancel(): void;
}

export function startAgreementWorker(): Worker {
  return new Worker(new URL('./agreement.worker.ts', import.meta.url), { type: 'module', name: 'presswork-agreement' });
}

export function runAgreement(job: AgreementJob, onProgress: (done: number, total: number, step: string) => void): AgreementRun {
  let worker: Worker | null = null;
  let cancelled = false;
  const result = (async () => {
    onProgress(0, 1, 'reading the articles');
    const request: AgreementRequest = {
      job: { projectId: job.project.id, categories: job.project.categories, articleIds: [...job.articleIds], coders: [...job.coders], coded: job.coded },
      unit: job.unit,
      seed: job.seed,
      replicates: job.replicates,
    };
    if (cancelled) throw new Error('cancelled');
    const w = startAgreementWorker();
    worker = w;
    return new Promise<AgreementOutcome>((resolve, reject) => {
      w.onmessage = (e: MessageEvent<AgreementResponse>) => {
        const m = e.data;
        if (m.type === 'progress') onProgress(m.done, m.total, m.step);
        else {
          w.terminate();
          if (m.type === 'result') resolve({ result: m.result, articles: new Map(m.articles.map((a) => [a.id, { title: a.title, text: a.text }])) });
          else reject(new Error(m.message));
        }
      };
      w.onerror = (e) => {
        w.terminate();
        reject(new Error(e.message || 'The agreement worker failed.'));
      };
      w.postMessage(request);
    });
  })();
  return {
    result,
    cancel() {
      cancelled = true;
      worker?.terminate();
    },
  };
}
