import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@shared/model/types.ts';
import { db } from '../../../db/db.ts';
import { createProject } from '../../../db/projects.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { annotation } from '../../annotations/actions/test-records.ts';
import { addActor } from './add-actor.ts';
import { editActor } from './edit-actor.ts';
import { mergeActors } from './merge-actors.ts';
import { deleteActor } from './delete-actor.ts';
import { acceptMention, acceptMentions } from './accept-mention.ts';
import type { MentionProposal } from '../mention-proposals.ts';

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});

const byName = async (name: string) => (await db.actors.toArray()).find((a) => a.name === name) as Actor;

describe('actor actions', () => {
  it('add, edit, merge (mentions follow), delete — each one step that undo and redo restore exactly', async () => {
    await addActor('p', { name: 'Stepanov', type: '', aliases: [] });
    expect(undoStack.peekUndo()).toBe('Add Stepanov');
    const stepanov = await byName('Stepanov');
    await editActor(stepanov, { name: 'V. Stepanov', type: 'person', aliases: ['the head'] });
    expect(undoStack.peekUndo()).toBe('Rename Stepanov to V. Stepanov');
    await undoStack.undo();
    expect(await db.actors.get(stepanov.id)).toEqual(stepanov);
    await undoStack.redo();
    await addActor('p', { name: 'Mayor', type: '', aliases: [] });
    const mayor = await byName('Mayor');
    await db.annotations.put(annotation({ id: 'm1', projectId: 'p', actorId: mayor.id }));
    const edited = await byName('V. Stepanov');
    expect(await mergeActors(mayor, edited)).toBe(1);
    expect((await db.annotations.get('m1'))?.actorId).toBe(stepanov.id);
    expect((await db.actors.get(stepanov.id))?.aliases).toEqual(['the head', 'Mayor']);
    await undoStack.undo();
    expect((await db.annotations.get('m1'))?.actorId).toBe(mayor.id);
    expect(await db.actors.get(mayor.id)).toEqual(mayor);
    await deleteActor(mayor);
    expect(await db.actors.get(mayor.id)).toBeUndefined();
    expect((await db.annotations.get('m1'))?.actorId).toBeUndefined();
    await undoStack.undo();
    expect((await db.annotations.get('m1'))?.actorId).toBe(mayor.id);
  });

  it('accepting a proposal adds a mention tagged with the Actor category’s first tag, linked', async () => {
    const project = await createProject('P');
    await db.articleTexts.put({ articleId: 'a', text: 'The mayor said so.' });
    await addActor(project.id, { name: 'Mayor', type: '', aliases: [] });
    const mayor = await byName('Mayor');
    await acceptMention(project.id, mayor, { articleId: 'a', start: 4, end: 9 } as never, 'me'); // the fields a new mention reads
    const [added] = await db.annotations.toArray();
    expect(added).toMatchObject({ quote: 'mayor', actorId: mayor.id, tagId: (await db.tags.where('[projectId+categoryId]').equals([project.id, 'actor']).first())?.id });
    expect(undoStack.peekUndo()).toBe('Add annotation');
  });

  it('"Accept all" links and adds every proposed mention as ONE undo step, and undo and redo restore it exactly', async () => {
    const project = await createProject('P');
    await db.articleTexts.bulkPut([
      { articleId: 'a', text: 'The mayor said so.' },
      { articleId: 'b', text: 'Ask the mayor.' },
    ]);
    await addActor(project.id, { name: 'Mayor', type: '', aliases: [] });
    const mayor = await byName('Mayor');
    const unlinked = annotation({ id: 'u1', projectId: project.id, articleId: 'b', start: 8, end: 13 });
    await db.annotations.put(unlinked);
    const proposal = (p: Partial<MentionProposal>): MentionProposal => ({ key: '', articleId: 'a', title: '', start: 4, end: 9, quote: 'mayor', before: '', after: '', linkAnnotationId: null, ...p });
    const steps = undoStack.peekUndo();
    await acceptMentions(project.id, mayor, [proposal({}), proposal({ articleId: 'b', start: 8, end: 13, linkAnnotationId: 'u1' })], 'me');
    expect(undoStack.peekUndo()).toBe('Link 2 mentions to Mayor');
    const after = await db.annotations.toArray();
    expect(after.map((a) => [a.articleId, a.actorId])).toEqual(expect.arrayContaining([['a', mayor.id], ['b', mayor.id]]));
    expect(after).toHaveLength(2);
    await undoStack.undo();
    expect(undoStack.peekUndo()).toBe(steps);
    expect(await db.annotations.toArray()).toEqual([unlinked]);
    await undoStack.redo();
    expect((await db.annotations.toArray()).map((a) => a.actorId)).toEqual([mayor.id, mayor.id]);
  });
});
