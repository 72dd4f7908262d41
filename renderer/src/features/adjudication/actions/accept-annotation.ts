import type { Annotation } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { planAcceptOne, type GoldPlan } from '@shared/analysis/adjudication/plan.ts';
import { applyGoldPlan, readArticlesLayers, revertGoldPlan } from '../../../db/gold.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

/** Writes one coder's annotation, planned into gold, in one transaction each way. */
export const acceptAnnotationAction = defineAction<{ plan: GoldPlan; coder: string }, GoldPlan>({
  name: 'accept-annotation',
  label: ({ coder }) => `Accept ${coder || '(no coder name)'}'s annotation into gold`,
  perform: async ({ plan }) => {
    await applyGoldPlan(plan);
    return plan;
  },
  undo: (plan) => revertGoldPlan(plan),
});

/** Copies one coder's annotation (values, actor, links to spans gold holds) into gold; undoable. */
export async function acceptIntoGold(annotation: Annotation): Promise<GoldPlan> {
  const context = await readArticlesLayers([annotation.articleId]);
  const plan = planAcceptOne(annotation, context, { id: newId, now: nowIso() });
  if (plan.annotations.length === 0) return plan;
  await runAction(acceptAnnotationAction, { plan, coder: annotation.coder });
  return plan;
}
