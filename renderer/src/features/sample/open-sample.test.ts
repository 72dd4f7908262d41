import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import sample from '../../../../resources/sample/articles.json';
import { db } from '../../db/db.ts';
import { openSampleProject, type SampleCorpus } from './open-sample.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

afterEach(() => vi.restoreAllMocks());

const corpus = (): SampleCorpus => structuredClone(sample) as SampleCorpus;

describe('openSampleProject (issue #9 item 6: nothing dropped without a word)', () => {
  it('places every example annotation of the shipped sample', async () => {
    const opened = await openSampleProject('tester');
    expect(opened.dropped).toEqual([]);
    const expected = corpus().articles.reduce((n, a) => n + (a.annotations?.length ?? 0), 0);
    expect(await db.annotations.where('projectId').equals(opened.projectId).count()).toBe(expected);
  });

  it('reports an annotation whose tag or quote is missing, and places the others on the right article after a duplicate', async () => {
    const data = corpus();
    const [council, dock] = data.articles as [SampleCorpus['articles'][number], SampleCorpus['articles'][number]];
    // A duplicate of the first article before the one that carries the annotations: it is not
    // stored, so stored articles and sample articles no longer line up one to one.
    data.articles.splice(1, 0, { ...structuredClone(council), annotations: [] });
    dock.annotations = [
      { quote: dock.paragraphs[0]!.slice(0, 20), tag: 'Claim' },
      { quote: 'words the article does not contain', tag: 'Claim' },
      { quote: dock.paragraphs[0]!.slice(0, 10), tag: 'No such tag' },
    ];
    const opened = await openSampleProject('tester', data);
    expect(opened.dropped).toEqual([
      `“${dock.title}”: example annotation “words the article does not contain” not placed: the quote is not in the text`,
      `“${dock.title}”: example annotation “${dock.paragraphs[0]!.slice(0, 10)}” not placed: no tag “No such tag” in the codebook`,
    ]);
    const stored = await db.annotations.where('projectId').equals(opened.projectId).toArray();
    const dockRecord = await db.articles.where('projectId').equals(opened.projectId).filter((a) => a.title === dock.title).first();
    expect(stored.filter((a) => a.articleId === dockRecord?.id).map((a) => a.quote)).toEqual([dock.paragraphs[0]!.slice(0, 20)]);
    expect(stored).toHaveLength((council.annotations?.length ?? 0) + 1);
  });

  it('is one transaction: when storing the examples fails, no project is left without them', async () => {
    vi.spyOn(db.annotations, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(openSampleProject('tester')).rejects.toThrow('disk full');
    expect(await db.projects.count()).toBe(0);
    expect(await db.articles.count()).toBe(0);
    expect(await db.tags.count()).toBe(0);
  });
});
