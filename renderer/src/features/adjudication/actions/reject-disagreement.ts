import { newId, nowIso } from '@shared/model/ids.ts';
import type { GoldRejection } from '@shared/analysis/adjudication/decisions.ts';
import { deleteRejection, putRejection } from '../../../db/gold.ts';
import { undoStack } from '../../undo/undo-stack.ts';

/** Decides that gold holds nothing at [start, end) of an article (UTF-16) for a category; undoable. */
export async function rejectDisagreement(place: { projectId: string; articleId: string; start: number; end: number; categoryId: string | null }): Promise<GoldRejection> {
  const rejection: GoldRejection = { id: newId(), ...place, createdAt: nowIso() };
  await undoStack.perform({
    label: 'Reject: nothing into gold',
    redo: async () => {
      await putRejection(rejection);
    },
    undo: () => deleteRejection(rejection.id),
  });
  return rejection;
}
