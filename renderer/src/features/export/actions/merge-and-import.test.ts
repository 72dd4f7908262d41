import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDataset } from '@shared/dataset/dataset.ts';
import { parseQdc, refiCodebookXml } from '@shared/dataset/formats/refi-qda.ts';
import { fixtureInput } from '@shared/dataset/fixtures/fixture-project.ts';
import { db } from '../../../db/db.ts';
import { createProject } from '../../../db/projects.ts';
import { planCodebookImport, planMerge, restoreDataset } from '../../../db/dataset-import.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { mergeDataset } from './merge-dataset.ts';
import { importCodebook } from './import-codebook.ts';

beforeEach(async () => {
  undoStack.clear();
  await db.delete();
  await db.open();
});

const tagNames = async (projectId: string) => (await db.tags.where('projectId').equals(projectId).toArray()).map((t) => t.name).sort();

describe('merge-dataset', () => {
  it('adds the planned annotations as one step; undo removes exactly them, redo adds them again', async () => {
    const restored = await restoreDataset(buildDataset(fixtureInput()));
    const plan = await planMerge(restored.projectId, buildDataset(fixtureInput()), { coder: 'carol' });
    const carol = () => db.annotations.where('projectId').equals(restored.projectId).filter((a) => a.coder === 'carol').count();
    await mergeDataset(restored.projectId, plan);
    expect(await carol()).toBe(restored.annotations);
    expect(undoStack.peekUndo()).toBe('merge dataset');
    await undoStack.undo();
    expect(await carol()).toBe(0);
    await undoStack.redo();
    expect(await carol()).toBe(restored.annotations);
  });
});

describe('import-codebook', () => {
  it('adds the codes the project lacks; undo takes them out again', async () => {
    const project = await createProject('Fresh');
    const plan = await planCodebookImport(project.id, parseQdc(refiCodebookXml(buildDataset(fixtureInput()))));
    await importCodebook(project.id, plan);
    expect(await tagNames(project.id)).toEqual(['Actor', 'Claim', 'Economy', 'Source', 'Spin', 'War']);
    expect(undoStack.peekUndo()).toBe('import codebook');
    await undoStack.undo();
    expect(await tagNames(project.id)).toEqual(['Actor', 'Claim', 'Source']);
    await undoStack.redo();
    expect(await tagNames(project.id)).toHaveLength(6);
  });
});
