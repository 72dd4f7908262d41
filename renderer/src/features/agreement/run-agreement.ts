/**
 * One agreement computation from the app: read the chosen articles (with their texts) and their
 * annotations from the store, hand them to the agreement worker, report its progress.
 */
import type { StudyResult } from '@shared/analysis/agreement/index.ts';
import type { UnitKind } from '@shared/analysis/agreement/units.ts';
import type { Project } from '@shared/model/types.ts';
import { db } from '../../db/db.ts';
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
    const ids = [...job.articleIds];
    const [records, texts, tags, annotations] = await Promise.all([
      db.articles.bulkGet(ids),
      db.articleTexts.bulkGet(ids),
      db.tags.where('projectId').equals(job.project.id).toArray(),
      db.annotations.where('articleId').anyOf(ids).toArray(),
    ]);
    const chosen = new Set(job.coders);
    const articles = ids.flatMap((id, i) => {
      const r = records[i];
      const t = texts[i];
      return r && t ? [{ id, title: r.title, text: t.text }] : [];
    });
    const request: AgreementRequest = {
      study: {
        categories: job.project.categories,
        tags,
        articles,
        annotations: annotations.filter((a) => chosen.has(a.coder)).map((a) => ({ id: a.id, articleId: a.articleId, coder: a.coder, tagId: a.tagId, start: a.start, end: a.end, attributes: a.attributes })),
        coders: job.coders,
        coded: job.coded,
      },
      unit: job.unit,
      seed: job.seed,
      replicates: job.replicates,
    };
    if (cancelled) throw new Error('cancelled');
    const w = startAgreementWorker();
    worker = w;
    const byId = new Map(articles.map((a) => [a.id, { title: a.title, text: a.text }]));
    return new Promise<AgreementOutcome>((resolve, reject) => {
      w.onmessage = (e: MessageEvent<AgreementResponse>) => {
        const m = e.data;
        if (m.type === 'progress') onProgress(m.done, m.total, m.step);
        else {
          w.terminate();
          if (m.type === 'result') resolve({ result: m.result, articles: byId });
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
