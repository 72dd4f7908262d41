import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../db/db.ts';
import { createProject } from '../../db/projects.ts';
import { CodebookError } from '@shared/codebook/errors.ts';
import { addTag, listTags, updateTag } from '../../db/codebook.ts';
import { undoStack } from '../undo/undo-stack.ts';
import { performCodebookChange, performCodebookChanges } from './codebook-actions.ts';

async function names(projectId: string) {
  return (await listTags(projectId)).map((t) => t.name).sort();
}

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('performCodebookChanges', () => {
  it('makes one history entry of several operations, undone and redone together', async () => {
    const project = await createProject('P');
    const claim = (await listTags(project.id)).find((t) => t.name === 'Claim');
    if (!claim) throw new Error('no default Claim tag');
    await performCodebookChanges('Edit Claim', [() => updateTag(claim.id, { name: 'Assertion' }), () => addTag(project.id, { categoryId: 'claim', name: 'Health' })]);
    expect(await names(project.id)).toEqual(['Actor', 'Assertion', 'Health', 'Source']);
    expect(undoStack.peekUndo()).toBe('Edit Claim');
    await undoStack.undo();
    expect(await names(project.id)).toEqual(['Actor', 'Claim', 'Source']);
    expect(undoStack.canUndo).toBe(false);
    await undoStack.redo();
    expect(await names(project.id)).toEqual(['Actor', 'Assertion', 'Health', 'Source']);
  });

  it('rolls back earlier operations when a later one is refused, and records nothing', async () => {
    const project = await createProject('P');
    const before = await listTags(project.id);
    const claim = before.find((t) => t.name === 'Claim');
    if (!claim) throw new Error('no default Claim tag');
    const attempt = performCodebookChanges('Bad edit', [() => updateTag(claim.id, { name: 'Assertion' }), () => updateTag(claim.id, { color: 'not a colour' })]);
    await expect(attempt).rejects.toBeInstanceOf(CodebookError);
    expect((await listTags(project.id)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
    expect(undoStack.canUndo).toBe(false);
  });

  it('returns the operation’s result', async () => {
    const project = await createProject('P');
    const { tagId } = await performCodebookChange('Add', () => addTag(project.id, { categoryId: 'actor', name: 'Minister' }));
    expect((await db.tags.get(tagId))?.name).toBe('Minister');
  });
});
