import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../db/db.ts';
import { createProject } from '../../../db/projects.ts';
import { listTags } from '../../../db/codebook.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { applyCodebookTemplate } from './apply-template.ts';

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});

const claimAttributes = async (projectId: string) => (await db.projects.get(projectId))?.categories.find((c) => c.id === 'claim')?.attributes.map((a) => a.name);

describe('codebook templates in the store', () => {
  it('a project created from Political claims analysis has its codebook and the keys 1 2 3', async () => {
    const project = await createProject('PCA', 'political-claims');
    expect(await claimAttributes(project.id)).toEqual(['Position', 'Form', 'Scope']);
    expect((await listTags(project.id)).map((t) => [t.name, t.shortcut]).sort()).toEqual([['Actor', '3'], ['Claim', '1'], ['Source', '2']]);
    await expect(createProject('X', 'no-such-template')).rejects.toThrow('No codebook template');
  });

  it('adding a template in the editor adds what is missing as one undo step', async () => {
    const project = await createProject('P');
    expect(await claimAttributes(project.id)).toEqual(['Stance', 'Verifiable']);
    const added = await applyCodebookTemplate(project.id, 'political-claims');
    expect(added).toEqual(['Claim › Position', 'Claim › Form', 'Claim › Scope']);
    expect(await claimAttributes(project.id)).toEqual(['Stance', 'Verifiable', 'Position', 'Form', 'Scope']);
    expect(undoStack.peekUndo()).toBe('Add template Political claims analysis');
    await undoStack.undo();
    expect(await claimAttributes(project.id)).toEqual(['Stance', 'Verifiable']);
    expect(await applyCodebookTemplate(project.id, 'basic')).toEqual([]);
  });
});
