import { newId, nowIso } from '@shared/model/ids.ts';
import type { GoldRejection } from '@shared/analysis/adjudication/decisions.ts';
import { deleteRejection, putRejection } from '../../../db/gold.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

export const rejectDisagreementAction = defineAction<GoldRejection, GoldRejection>({
  name: 'reject-disagreement',
  label: () => 'Reject: nothing into gold',
  perform: async (rejection) => {
    await putRejection(rejection);
    return rejection;
  },
  undo: (rejection) => deleteRejection(rejection.id),
});

/** Decides that gold holds nothing at [start, end) of an article (UTF-16) for a category; undoable. */
export async function rejectDisagreement(place: { projectId: string; articleId: string; start: number; end: number; categoryId: string | null }): Promise<GoldRejection> {
  const rejection: GoldRejection = { id: newId(), ...place, createdAt: nowIso() };
  return runAction(rejectDisagreementAction, rejection);
}
