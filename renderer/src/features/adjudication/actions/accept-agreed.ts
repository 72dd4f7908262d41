import { newId, nowIso } from '@shared/model/ids.ts';
import { planGold, type GoldPlan, type Strategy } from '@shared/analysis/adjudication/plan.ts';
import { applyGoldPlan, readArticlesLayers, revertGoldPlan } from '../../../db/gold.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

/** Writes a planned batch of agreed annotations into gold: one transaction each way. */
export const acceptAgreedAction = defineAction<GoldPlan, GoldPlan>({
  name: 'accept-agreed',
  label: (plan) => `Accept ${plan.annotations.length} agreed annotation${plan.annotations.length === 1 ? '' : 's'} into gold`,
  perform: async (plan) => {
    await applyGoldPlan(plan);
    return plan;
  },
  undo: (plan) => revertGoldPlan(plan),
});

/**
 * "Accept all agreed": every span (with its agreed values and links) the strategy accepts in
 * these articles goes into gold — one undo entry, one transaction each way, however many.
 * Planned from the store as it is when the action runs, so nothing is added twice.
 */
export async function acceptAgreed(args: { articleIds: readonly string[]; coders: readonly string[]; strategy: Strategy }): Promise<GoldPlan> {
  const layers = await readArticlesLayers(args.articleIds);
  const plan = planGold({ ...layers, coders: args.coders, strategy: args.strategy }, { id: newId, now: nowIso() });
  if (plan.annotations.length === 0 && plan.relations.length === 0) return plan;
  await runAction(acceptAgreedAction, plan);
  return plan;
}
