/** Coding from hits: the selected concordance lines become annotations (or actor mentions) in one undoable step. */
import type { Actor, Annotation, Tag } from '@shared/model/types.ts';
import { nowIso } from '@shared/model/ids.ts';
import { describeHitCoding, planHitCoding, type SelectedHit } from '@shared/search/code-hits.ts';
import { applyHitCoding, annotationsOfArticles, reapplyHitCoding, revertHitCoding, type HitCodingChange } from '../../../db/hit-coding.ts';
import { articleTexts } from '../../../db/search-index.ts';
import { prepareAnnotation } from '../../annotations/annotation-actions.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

/** Writes the planned annotations and actor links in one transaction; undo and redo one each. */
export const codeHitsAction = defineAction<{ label: string; created: Annotation[]; links: readonly { annotationId: string; actorId: string }[] }, HitCodingChange>({
  name: 'code-hits',
  label: (a) => a.label,
  perform: (a) => applyHitCoding(a.created, a.links, nowIso()),
  undo: (change) => revertHitCoding(change),
  redo: (change) => reapplyHitCoding(change),
});

export interface CodeHitsArgs {
  projectId: string;
  hits: readonly SelectedHit[];
  /** The tag each hit is coded with (for an actor link: a tag of the Actor or Source category). */
  tag: Tag;
  /** Link every hit to this actor as a mention. */
  actor?: Actor;
  /** Tags whose annotations count as mentions an actor link may be added to. */
  mentionTagIds?: ReadonlySet<string>;
  snap: boolean;
  coder: string;
}

/** Codes the hits; resolves to the status message saying what was made and what was skipped. */
export async function codeHits(args: CodeHitsArgs): Promise<string> {
  const articleIds = [...new Set(args.hits.map((h) => h.articleId))];
  const bodies = await articleTexts(articleIds);
  const texts = new Map(articleIds.map((id, i) => [id, bodies[i]]));
  const existing = await annotationsOfArticles(articleIds);
  const plan = planHitCoding(args.hits, (id) => texts.get(id), existing, {
    tagId: args.tag.id,
    snap: args.snap,
    ...(args.actor ? { actorId: args.actor.id } : {}),
    ...(args.mentionTagIds ? { mentionTagIds: args.mentionTagIds } : {}),
  });
  const target = args.actor ? args.actor.name : args.tag.name;
  const message = describeHitCoding(plan, target);
  if (plan.create.length === 0 && plan.link.length === 0) return message;
  const created = plan.create.map((c) => ({
    ...prepareAnnotation({ projectId: args.projectId, articleId: c.articleId, text: texts.get(c.articleId) ?? '', start: c.start, end: c.end, tagId: args.tag.id, coder: args.coder }),
    ...(c.actorId !== undefined ? { actorId: c.actorId } : {}),
  }));
  const n = plan.create.length + plan.link.length;
  await runAction(codeHitsAction, {
    label: args.actor ? `Link ${n === 1 ? '1 hit' : `${n} hits`} to ${target}` : `Code ${n === 1 ? '1 hit' : `${n} hits`} as ${target}`,
    created,
    links: plan.link,
  });
  return message;
}
