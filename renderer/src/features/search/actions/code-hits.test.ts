import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor, Tag } from '@shared/model/types.ts';
import { db } from '../../../db/db.ts';
import { createProject } from '../../../db/projects.ts';
import { listTags } from '../../../db/codebook.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { codeHits } from './code-hits.ts';

const TEXT = 'Лукашенко заявил. Потом Лукашенку поддержали, а Лукашенко промолчал.';

async function setup() {
  const project = await createProject('P');
  await db.articleTexts.bulkPut([
    { articleId: 'a1', text: TEXT },
    { articleId: 'a2', text: TEXT },
  ]);
  const tags = await listTags(project.id);
  const claim = tags.find((t) => t.categoryId === 'claim') as Tag;
  const actorTag = tags.find((t) => t.categoryId === 'actor') as Tag;
  // Every "Лукаш…" occurrence in both articles, cut short as a prefix query would find them.
  const hits = ['a1', 'a2'].flatMap((articleId) => [...TEXT.matchAll(/Лукаш/g)].map((m) => ({ articleId, start: m.index, end: m.index + 5, hit: 'Лукаш', title: articleId })));
  return { project, claim, actorTag, hits };
}

const stored = async (projectId: string) => (await db.annotations.where('projectId').equals(projectId).toArray()).map((a) => `${a.articleId}:${a.quote}:${a.actorId ?? ''}`).sort();

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('codeHits', () => {
  it('codes every hit as one undo entry written in one transaction each way', async () => {
    const { project, claim, hits } = await setup();
    const transaction = vi.spyOn(db, 'transaction');
    const message = await codeHits({ projectId: project.id, hits, tag: claim, snap: true, coder: 'ann' });
    expect(message).toBe(`6 annotations added as ${claim.name}.`);
    expect(transaction).toHaveBeenCalledTimes(1);
    // Snapped to whole words.
    expect(await stored(project.id)).toEqual(['a1:Лукашенко:', 'a1:Лукашенко:', 'a1:Лукашенку:', 'a2:Лукашенко:', 'a2:Лукашенко:', 'a2:Лукашенку:']);
    expect(undoStack.peekUndo()).toBe(`Code 6 hits as ${claim.name}`);
    await undoStack.undo();
    expect(transaction).toHaveBeenCalledTimes(2);
    expect(await stored(project.id)).toEqual([]);
    expect(undoStack.canUndo).toBe(false);
    await undoStack.redo();
    expect(transaction).toHaveBeenCalledTimes(3);
    expect(await stored(project.id)).toHaveLength(6);
    transaction.mockRestore();
  });

  it('skips exact duplicates and names them', async () => {
    const { project, claim, hits } = await setup();
    await codeHits({ projectId: project.id, hits: hits.slice(0, 1), tag: claim, snap: true, coder: 'ann' });
    const message = await codeHits({ projectId: project.id, hits: hits.slice(0, 2), tag: claim, snap: true, coder: 'ann' });
    expect(message).toBe(`1 annotation added as ${claim.name}; 1 hit was already coded so, skipped: “Лукаш” in “a1”.`);
    expect(await stored(project.id)).toHaveLength(2);
  });

  it('links hits to an actor, linking an unlinked mention in place; undo unlinks it', async () => {
    const { project, actorTag, hits } = await setup();
    await codeHits({ projectId: project.id, hits: hits.slice(0, 1), tag: actorTag, snap: true, coder: 'ann' });
    const actor: Actor = { id: 'luk', projectId: project.id, name: 'Александр Лукашенко', aliases: [], createdAt: '' };
    const message = await codeHits({ projectId: project.id, hits: hits.slice(0, 2), tag: actorTag, actor, mentionTagIds: new Set([actorTag.id]), snap: true, coder: 'ann' });
    expect(message).toBe('1 annotation added as Александр Лукашенко; 1 mention linked to Александр Лукашенко.');
    expect(await stored(project.id)).toEqual(['a1:Лукашенко:luk', 'a1:Лукашенку:luk']);
    await undoStack.undo();
    expect(await stored(project.id)).toEqual(['a1:Лукашенко:']);
  });
});
