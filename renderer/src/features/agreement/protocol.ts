import type { Disagreement, StudyTable } from '@shared/analysis/agreement/index.ts';
import type { UnitKind } from '@shared/analysis/agreement/units.ts';
import type { AgreementInputJob } from '../../db/agreement-input.ts';

/**
 * Main thread → agreement worker: what to compare (the worker reads it from the store) and how;
 * then, for the row whose disagreements the user opens, that row's list.
 */
export type AgreementRequest =
  | { type: 'compute'; job: AgreementInputJob; unit: UnitKind; seed: number; replicates: number }
  | { type: 'disagreements'; id: number; rowKey: string };

/** An article as the disagreements show it. */
export interface AgreementArticle {
  id: string;
  title: string;
  text: string;
}

/**
 * Agreement worker → main thread. The result is the table only (and the compared articles' ids):
 * the disagreement lists and texts stay in the worker until asked for, so the window decodes little.
 */
export type AgreementResponse =
  | { type: 'progress'; done: number; total: number; step: string }
  | { type: 'result'; table: StudyTable; articleIds: string[] }
  | { type: 'disagreements'; id: number; list: Disagreement[]; articles: AgreementArticle[] }
  | { type: 'error'; id?: number; message: string };
