import { describe, expect, it } from 'vitest';
import { statementsFromRecords } from './from-records.ts';
import { handDatasetInput } from './fixtures/hand-dataset.ts';
import { countRows, filterRows, sortRows, statementRows } from './table.ts';

const { set, titles } = statementsFromRecords(handDatasetInput());
const rows = statementRows(set, titles);
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

describe('statements table', () => {
  it('one row per claim with its roles as names (hand-checked against fixtures/hand-dataset.ts)', () => {
    expect(rows.find((r) => r.id === 'c1')).toMatchObject({
      article: 'art-en',
      outlet: 'Wire',
      date: '2026-03-01',
      claimant: 'Alexander Lukashenko',
      addressee: 'European Union',
      object: '',
      issue: 'Sanctions',
      position: '-1',
      source: 'BelTA',
      coder: 'alice',
    });
    expect(rows.find((r) => r.id === 'c3')).toMatchObject({ claimant: 'Volodymyr Zelensky', object: 'Alexander Lukashenko', issue: 'Credibility', date: '2026-03-05', coder: 'bob' });
    expect(rows.find((r) => r.id === 'c4')).toMatchObject({ claimant: 'unknown', source: 'источника', position: '0', issue: '' });
    expect(rows.find((r) => r.id === 'c5')).toMatchObject({ claimant: 'Уряд', addressee: 'European Union', object: 'European Union', position: '+1', date: '' });
  });

  it('filters by an actor in any role, issue, position, outlet, coder, words and the library selection', () => {
    expect(ids(filterRows(rows, { actor: 'act-eu' }))).toEqual(['c1', 'c5']);
    expect(ids(filterRows(rows, { actor: 'act-belta' }))).toEqual(['c1']);
    expect(ids(filterRows(rows, { issue: 'tag-topic-sanctions' }))).toEqual(['c2', 'c5']);
    expect(ids(filterRows(rows, { position: -1 }))).toEqual(['c1', 'c3']);
    expect(ids(filterRows(rows, { position: 'none' }))).toEqual([]);
    expect(ids(filterRows(rows, { outlet: 'Daily', coder: 'bob' }))).toEqual(['c3', 'c4']);
    expect(ids(filterRows(rows, { text: 'ЛЖЁТ' }))).toEqual(['c3']);
    expect(ids(filterRows(rows, { articleIds: new Set(['art-uk']) }))).toEqual(['c5']);
  });

  it('sorts by a column, stably, with empty cells last in both directions', () => {
    expect(ids(sortRows(rows, 'claimant', 'asc'))).toEqual(['c1', 'c2', 'c4', 'c3', 'c5']);
    expect(ids(sortRows(rows, 'date', 'desc'))).toEqual(['c3', 'c4', 'c1', 'c2', 'c5']);
    expect(ids(sortRows(rows, 'date', 'asc'))).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(ids(sortRows(rows, 'position', 'desc'))).toEqual(['c2', 'c5', 'c4', 'c1', 'c3']);
    expect(ids(sortRows(rows, 'source', 'asc'))).toEqual(['c1', 'c4', 'c2', 'c3', 'c5']);
  });

  it('counts claims per claimant, issue and position of the rows shown', () => {
    const c = countRows(set, filterRows(rows, { coder: 'alice' }));
    expect(c.claimants.map((x) => [x.label, x.n])).toEqual([
      ['Alexander Lukashenko', 1],
      ['Tsikhanouskaya', 1],
      ['Уряд', 1],
    ]);
    expect(c.issues.map((x) => [x.key, x.n])).toEqual([
      ['tag-topic-sanctions', 2],
      ['tag-claim-sanctions', 1],
    ]);
    expect(c.positions.map((x) => [x.label, x.n])).toEqual([
      ['+1', 2],
      ['-1', 1],
    ]);
  });
});
