import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/dataset.ts';
import { statementsFromDataset } from './from-dataset.ts';
import { statementsFromRecords } from './from-records.ts';
import { handDatasetInput } from './fixtures/hand-dataset.ts';

describe('statements from the app records', () => {
  it('gives the statements the dataset gives, without reading the article texts', () => {
    const input = handDatasetInput();
    const dataset = buildDataset(input);
    const expected = statementsFromDataset(dataset, dataset.articles);
    const { set, titles } = statementsFromRecords({ ...input, articles: input.articles.map(({ text: _text, ...rest }) => rest) });
    expect(set.statements).toEqual(expected.statements);
    expect([...set.actors.keys()].sort()).toEqual([...expected.actors.keys()].sort());
    expect(set.issues).toEqual(expected.issues);
    expect(set.scale).toEqual(expected.scale);
    expect(titles.get('art-ru')).toBe('art-ru');
  });

  it('leaves out annotations whose tag was deleted, and the relations to them', () => {
    const input = handDatasetInput();
    const { set } = statementsFromRecords({ ...input, tags: input.tags.filter((t) => t.id !== 'tag-claim-cred') });
    expect(set.statements.map((s) => s.id)).toEqual(['c1', 'c2', 'c4', 'c5']);
  });
});
