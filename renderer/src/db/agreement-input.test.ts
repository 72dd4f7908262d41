import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureInput } from '@shared/dataset/fixtures/fixture-project.ts';
import { db } from './db.ts';
import { readAgreementInput } from './agreement-input.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('readAgreementInput (what the agreement worker reads from the store)', () => {
  it('reads the chosen articles with their texts, the tags and only the chosen coders’ annotations', async () => {
    const input = fixtureInput();
    await db.projects.add(input.project);
    await db.tags.bulkAdd(input.tags);
    await db.articles.bulkAdd(input.articles.map(({ text: _text, ...rest }) => rest));
    await db.articleTexts.bulkAdd(input.articles.map((a) => ({ articleId: a.id, text: a.text })));
    const [first, second] = input.annotations;
    if (!first || !second) throw new Error('the fixture has annotations');
    await db.annotations.bulkAdd([{ ...first, coder: 'ann' }, { ...second, id: 'other', articleId: first.articleId, coder: 'zoe' }]);
    const article = input.articles.find((a) => a.id === first.articleId);
    if (!article) throw new Error('the annotation has its article');

    const study = await readAgreementInput(db, { projectId: input.project.id, categories: input.project.categories, articleIds: [article.id, 'missing'], coders: ['ann', 'bob'], coded: 'annotated' });
    expect(study.articles).toEqual([{ id: article.id, title: article.title, text: article.text }]);
    expect(study.tags.map((t) => t.id).sort()).toEqual(input.tags.filter((t) => t.projectId === input.project.id).map((t) => t.id).sort());
    expect(study.annotations).toEqual([{ id: first.id, articleId: first.articleId, coder: 'ann', tagId: first.tagId, start: first.start, end: first.end, attributes: first.attributes }]);
    expect(study).toMatchObject({ coders: ['ann', 'bob'], coded: 'annotated', categories: input.project.categories });
  });
});
