import type { StudyResult } from '@shared/analysis/agreement/index.ts';
import type { UnitKind } from '@shared/analysis/agreement/units.ts';
import type { AgreementInputJob } from '../../db/agreement-input.ts';

/** Main thread → agreement worker: what to compare (the worker reads it from the store) and how. */
export interface AgreementRequest {
  job: AgreementInputJob;
  unit: UnitKind;
  seed: number;
  replicates: number;
}

/** Agreement worker → main thread; with the result, the compared articles (for the disagreements). */
export type AgreementResponse =
  | { type: 'progress'; done: number; total: number; step: string }
  | { type: 'result'; result: StudyResult; articles: { id: string; title: string; text: string }[] }
  | { type: 'error'; message: string };
