import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../db/db.ts';
import { createProject } from '../../../db/projects.ts';
import { CodebookError } from '@shared/codebook/errors.ts';
import { listTags } from '../../../db/codebook.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { editTag } from './edit-tag.ts';

async function names(projectId: string) {
  return (await listTags(projectId)).map((t) => t.name).sort();
}

async function projectWithClaim() {
  const project = await createProject('P');
  const claim = (await listTags(project.id)).find((t) => t.name === 'Claim');
  if (!claim) throw new Error('no default Claim tag');
  return { project, claim };
}

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(() => vi.restoreAllMocks());

describe('edit-tag', () => {
  it('moves and edits as one history entry, undone and redone together', async () => {
    const { project, claim } = await projectWithClaim();
    await editTag({ tag: claim, patch: { name: 'Assertion' }, move: { categoryId: 'actor', parentId: null } });
    expect(await names(project.id)).toEqual(['Actor', 'Assertion', 'Source']);
    expect((await db.tags.get(claim.id))?.categoryId).toBe('actor');
    expect(undoStack.peekUndo()).toBe('Rename Claim to Assertion');
    await undoStack.undo();
    expect(await db.tags.get(claim.id)).toEqual(claim);
    expect(undoStack.canUndo).toBe(false);
    await undoStack.redo();
    expect((await db.tags.get(claim.id))?.name).toBe('Assertion');
    expect((await db.tags.get(claim.id))?.categoryId).toBe('actor');
  });

  it('leaves nothing of the move when the edit is refused, and records nothing', async () => {
    const { project, claim } = await projectWithClaim();
    const before = await listTags(project.id);
    const attempt = editTag({ tag: claim, patch: { color: 'not a colour' }, move: { categoryId: 'actor', parentId: null } });
    await expect(attempt).rejects.toBeInstanceOf(CodebookError);
    expect((await listTags(project.id)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
    expect(undoStack.canUndo).toBe(false);
  });

  it('undoes in one transaction: a failure writing the second snapshot leaves the first unwritten too', async () => {
    const { claim } = await projectWithClaim();
    await editTag({ tag: claim, patch: { name: 'Assertion' }, move: { categoryId: 'actor', parentId: null } });
    const edited = await db.tags.get(claim.id);
    // Undo writes the edit's snapshot, then the move's: the second write fails.
    const bulkPut = db.tags.bulkPut.bind(db.tags);
    vi.spyOn(db.tags, 'bulkPut')
      .mockImplementationOnce((...args: Parameters<typeof bulkPut>) => bulkPut(...args))
      .mockRejectedValueOnce(new Error('disk full'));
    await expect(undoStack.undo()).rejects.toThrow('disk full');
    expect(await db.tags.get(claim.id)).toEqual(edited);
  });

  it('resolves to the field change’s report, or undefined for a move alone', async () => {
    const { claim } = await projectWithClaim();
    expect(await editTag({ tag: claim, patch: {}, move: { categoryId: 'actor', parentId: null } })).toBeUndefined();
    expect(undoStack.peekUndo()).toBe('Move Claim');
    expect(await editTag({ tag: claim, patch: { description: 'said' } })).toBeDefined();
  });
});
