import type { RecordStudyRequest, StudyResult } from '@shared/analysis/agreement/index.ts';
import type { UnitKind } from '@shared/analysis/agreement/units.ts';

/** Main thread → agreement worker: the chosen articles, annotations and coders, and how to compute. */
export interface AgreementRequest {
  study: RecordStudyRequest;
  unit: UnitKind;
  seed: number;
  replicates: number;
}

/** Agreement worker → main thread. */
export type AgreementResponse =
  | { type: 'progress'; done: number; total: number; step: string }
  | { type: 'result'; result: StudyResult }
  | { type: 'error'; message: string };
