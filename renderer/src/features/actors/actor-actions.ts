/** The registry's actions: each change is one undoable step; Find mentions reads the project's texts. */
import type { Actor } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { applyActorSnapshot, createActor, editActor, mergeActors, removeActor, type ActorChange } from '../../db/actors.ts';
import { listArticles } from '../../db/articles.ts';
import { getAnnotation } from '../../db/annotations.ts';
import { db } from '../../db/db.ts';
import { undoStack } from '../undo/undo-stack.ts';
import { addAnnotation, prepareAnnotation, updateAnnotation } from '../annotations/annotation-actions.ts';
import { mentionProposals, type MentionProposal } from './mention-proposals.ts';

/** One registry operation as one undoable step: undo writes back the records as they were, redo as they became. */
export async function performActorChange<C extends ActorChange>(label: string, op: () => Promise<C>): Promise<C> {
  let change: C | undefined;
  await undoStack.perform({
    label,
    redo: async () => {
      if (change) await applyActorSnapshot(change.after);
      else change = await op();
    },
    undo: async () => {
      if (change) await applyActorSnapshot(change.before);
    },
  });
  return change as C;
}

export interface ActorFields {
  name: string;
  /** '' for not set. */
  type: string;
  aliases: string[];
}

export async function addActor(projectId: string, v: ActorFields): Promise<void> {
  const actor: Actor = { id: newId(), projectId, name: v.name, aliases: v.aliases, ...(v.type ? { type: v.type } : {}), createdAt: nowIso() };
  await performActorChange(`Add ${v.name}`, () => createActor(actor));
}

export async function saveActor(editing: Actor, v: ActorFields): Promise<void> {
  await performActorChange(v.name !== editing.name ? `Rename ${editing.name} to ${v.name}` : `Edit ${editing.name}`, () => editActor(editing.id, { name: v.name, type: v.type || undefined, aliases: v.aliases }));
}

/** Merges `from` into `into`; resolves to the number of mentions moved. */
export async function mergeActor(from: Actor, into: Actor): Promise<number> {
  return (await performActorChange(`Merge ${from.name} into ${into.name}`, () => mergeActors(from.id, into.id))).mentions;
}

export async function deleteActor(actor: Actor): Promise<void> {
  await performActorChange(`Delete ${actor.name}`, () => removeActor(actor.id));
}

/** Where the actor's names occur in the project's articles with no mention referring to it. */
export async function findActorMentions(projectId: string, actor: Actor): Promise<MentionProposal[]> {
  const records = await listArticles(projectId);
  const texts = await db.articleTexts.bulkGet(records.map((r) => r.id));
  const tags = await db.tags.where('projectId').equals(projectId).toArray();
  const mentionTags = new Set(tags.filter((t) => t.categoryId === 'actor' || t.categoryId === 'source').map((t) => t.id));
  const annotations = await db.annotations.where('projectId').equals(projectId).toArray();
  return mentionProposals(
    { id: actor.id, name: actor.name, aliases: actor.aliases, kind: actor.type ?? null },
    records.map((r, i) => ({ id: r.id, title: r.title, language: r.meta.language, text: texts[i]?.text ?? '' })),
    annotations.map((a) => ({ id: a.id, articleId: a.articleId, start: a.start, end: a.end, actorId: a.actorId, mention: mentionTags.has(a.tagId) })),
  );
}

/** Accepts a proposal: links the unlinked mention there, or adds one tagged with the Actor category's first tag. */
export async function acceptProposal(projectId: string, actor: Actor, p: MentionProposal, coder: string): Promise<void> {
  if (p.linkAnnotationId) {
    const current = await getAnnotation(p.linkAnnotationId);
    if (current) await updateAnnotation(current, { actorId: actor.id }, undefined, `Link mention to ${actor.name}`);
    return;
  }
  const tag = (await db.tags.where('[projectId+categoryId]').equals([projectId, 'actor']).toArray()).sort((a, b) => (a.parentId === null ? 0 : 1) - (b.parentId === null ? 0 : 1) || a.order - b.order)[0];
  if (!tag) throw new Error('The codebook has no tag in the Actor category to mark mentions with.');
  const text = (await db.articleTexts.get(p.articleId))?.text ?? '';
  await addAnnotation({ ...prepareAnnotation({ projectId, articleId: p.articleId, text, start: p.start, end: p.end, tagId: tag.id, coder }), actorId: actor.id });
}
