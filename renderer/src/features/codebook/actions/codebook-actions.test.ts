import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Project, Tag } from '@shared/model/types.ts';
import { db } from '../../../db/db.ts';
import { createProject } from '../../../db/projects.ts';
import { listTags } from '../../../db/codebook.ts';
import { undoStack } from '../../undo/undo-stack.ts';
import { addCategory } from './add-category.ts';
import { editCategory } from './edit-category.ts';
import { deleteCategory } from './delete-category.ts';
import { addAttribute } from './add-attribute.ts';
import { editAttribute } from './edit-attribute.ts';
import { removeAttribute } from './remove-attribute.ts';
import { addTag } from './add-tag.ts';
import { recolourTag } from './recolour-tag.ts';
import { reorderTag } from './reorder-tag.ts';
import { mergeTags } from './merge-tags.ts';
import { deleteTag } from './delete-tag.ts';
import { toggleArticleLabel } from './toggle-article-label.ts';

beforeEach(async () => {
  undoStack.clear();
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function project(): Promise<Project> {
  const p = await createProject('P');
  return (await db.projects.get(p.id)) as Project;
}

async function tag(projectId: string, name: string): Promise<Tag> {
  const found = (await listTags(projectId)).find((t) => t.name === name);
  if (!found) throw new Error(`no tag ${name}`);
  return found;
}

/** Every codebook action: its label, its change, and undo restoring the state before it, redo the state after. */
async function roundTrip<R>(label: string, change: () => Promise<R>): Promise<R> {
  // The project's updatedAt moves on with every write, undo included.
  const snapshot = async () => ({ projects: (await db.projects.toArray()).map(({ updatedAt: _, ...rest }) => rest), tags: await db.tags.orderBy('id').toArray(), annotations: await db.annotations.orderBy('id').toArray(), articles: await db.articles.orderBy('id').toArray() });
  const before = await snapshot();
  const result = await change();
  const after = await snapshot();
  expect(after).not.toEqual(before);
  expect(undoStack.peekUndo()).toBe(label);
  await undoStack.undo();
  expect(await snapshot()).toEqual(before);
  await undoStack.redo();
  expect(await snapshot()).toEqual(after);
  return result;
}

describe('codebook actions', () => {
  it('categories: add, edit, delete', async () => {
    const p = await project();
    const { categoryId } = await roundTrip('Add category Frames', () => addCategory(p.id, { name: 'Frames', color: '#336699', level: 'span' }));
    const category = (await db.projects.get(p.id))?.categories.find((c) => c.id === categoryId);
    if (!category) throw new Error('not added');
    await roundTrip('Edit category Frames', () => editCategory(p.id, category, { name: 'Framing' }));
    await roundTrip('Delete category Frames', () => deleteCategory(p.id, category));
  });

  it('attributes: add, edit, remove', async () => {
    const p = await project();
    const { attributeId } = await roundTrip('Add attribute Tone', () => addAttribute(p.id, 'claim', { name: 'Tone', type: 'choice', options: ['calm', 'angry'] }));
    const attribute = (await db.projects.get(p.id))?.categories.find((c) => c.id === 'claim')?.attributes.find((a) => a.id === attributeId);
    if (!attribute) throw new Error('not added');
    await roundTrip('Edit attribute Tone', () => editAttribute(p.id, 'claim', attribute, { options: ['calm', 'angry', 'ironic'] }));
    await roundTrip('Remove attribute Tone', () => removeAttribute(p.id, 'claim', attribute));
  });

  it('tags: add, recolour, reorder, merge, delete', async () => {
    const p = await project();
    const { tagId } = await roundTrip('Add tag Minister', () => addTag(p.id, { categoryId: 'actor', name: 'Minister' }));
    const minister = (await db.tags.get(tagId)) as Tag;
    await roundTrip('Recolour Minister', () => recolourTag(minister, '#123456'));
    await roundTrip('Move Minister', () => reorderTag(minister, 0));
    const actor = await tag(p.id, 'Actor');
    const { tagId: mayorId } = await addTag(p.id, { categoryId: 'actor', name: 'Mayor' });
    const mayor = (await db.tags.get(mayorId)) as Tag;
    await roundTrip('Merge Mayor into Actor', () => mergeTags(mayor, actor));
    await roundTrip('Delete tag Minister', () => deleteTag(minister, false));
  });

  it('article labels: on and off', async () => {
    const p = await project();
    const { categoryId } = await addCategory(p.id, { name: 'Genre', color: '#336699', level: 'document' });
    const { tagId } = await addTag(p.id, { categoryId, name: 'Opinion' });
    const opinion = (await db.tags.get(tagId)) as Tag;
    await db.articles.put({ id: 'a1', projectId: p.id, labels: [] } as never); // only the fields labels touch
    await roundTrip('Label Genre: Opinion', () => toggleArticleLabel({ article: { id: 'a1', labels: [] }, tag: opinion, categoryName: 'Genre' }));
    await roundTrip('Remove label Genre: Opinion', () => toggleArticleLabel({ article: { id: 'a1', labels: [tagId] }, tag: opinion, categoryName: 'Genre' }));
  });
});
