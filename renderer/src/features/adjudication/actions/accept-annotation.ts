import type { Annotation } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { planAcceptOne, type GoldPlan } from '@shared/analysis/adjudication/plan.ts';
import { applyGoldPlan, readArticlesLayers, revertGoldPlan } from '../../../db/gold.ts';
import { undoStack } from '../../undo/undo-stack.ts';

/** Copies one coder's annotation (values, actor, links to spans gold holds) into gold; undoable. */
export async function acceptIntoGold(annotation: Annotation): Promise<GoldPlan> {
  const context = await readArticlesLayers([annotation.articleId]);
  const plan = planAcceptOne(annotation, context, { id: newId, now: nowIso() });
  if (plan.annotations.length === 0) return plan;
  await undoStack.perform({
    label: `Accept ${annotation.coder || '(no coder name)'}'s annotation into gold`,
    redo: () => applyGoldPlan(plan),
    undo: () => revertGoldPlan(plan),
  });
  return plan;
}
