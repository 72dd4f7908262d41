import { describe, expect, it } from 'vitest';
import { anonymousShareByOutlet, claimsOverTime, claimsPerActor, isAnonymous, periodOf, sourcesPerArticle } from './charts.ts';
import { statementsFromRecords } from './from-records.ts';
import { handDatasetInput } from './fixtures/hand-dataset.ts';

const { set } = statementsFromRecords(handDatasetInput());
const all = set.statements;

describe('chart figures (hand-counted on fixtures/hand-dataset.ts)', () => {
  it('claims per actor by position, unknown claimants left out', () => {
    expect(claimsPerActor(set, all)).toEqual([
      { actor: 'Alexander Lukashenko', position: '-1', claims: 1 },
      { actor: 'Tsikhanouskaya', position: '+1', claims: 1 },
      { actor: 'Volodymyr Zelensky', position: '-1', claims: 1 },
      { actor: 'Уряд', position: '+1', claims: 1 },
    ]);
    expect(claimsPerActor(set, all, 1)).toHaveLength(1);
  });

  it('distinct sources per article: the attributed source, else the named claimant', () => {
    // en: BelTA + Tsikhanouskaya; ru: Zelensky + "источника"; uk: Уряд.
    expect(sourcesPerArticle(all)).toEqual([
      { sources: '0', articles: 0 },
      { sources: '1', articles: 1 },
      { sources: '2', articles: 2 },
      { sources: '3', articles: 0 },
      { sources: '4', articles: 0 },
      { sources: '5+', articles: 0 },
    ]);
  });

  it('share of anonymous sources per outlet', () => {
    expect(all.filter(isAnonymous).map((s) => s.id)).toEqual(['c4']);
    expect(anonymousShareByOutlet(all)).toEqual([
      { outlet: 'Daily', claims: 2, anonymous: 1, share: 0.5 },
      { outlet: '(no outlet)', claims: 1, anonymous: 0, share: 0 },
      { outlet: 'Wire', claims: 2, anonymous: 0, share: 0 },
    ]);
  });

  it('claims over time per month and per ISO week (Monday), undated counted apart', () => {
    const month = claimsOverTime(all, 'month');
    expect(month.undated).toBe(1);
    expect(month.rows).toEqual(
      expect.arrayContaining([
        { period: '2026-03', position: '-1', claims: 2 },
        { period: '2026-03', position: '+1', claims: 1 },
        { period: '2026-03', position: '0', claims: 1 },
      ]),
    );
    expect(month.rows).toHaveLength(3);
    expect(periodOf('2026-03-01', 'week')).toBe('2026-02-23');
    expect(periodOf('2026-03-05T10:00:00+03:00', 'week')).toBe('2026-03-02');
    expect(periodOf('2026-03-02', 'week')).toBe('2026-03-02');
    expect(claimsOverTime(all, 'week').rows.map((r) => r.period)).toEqual(['2026-02-23', '2026-02-23', '2026-03-02', '2026-03-02']);
  });
});
