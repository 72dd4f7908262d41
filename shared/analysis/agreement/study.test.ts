import { describe, expect, it } from 'vitest';
import { computeStudy, studyTable, type StudyRow } from './study.ts';
import { studyCsv } from './report.ts';
import { studyFromDatasets } from './study-datasets.ts';
import { fixtureDatasets } from './study-fixture.ts';
import { unitizingAlpha } from './unitizing.ts';

const row = (rows: StudyRow[], key: string): StudyRow => {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}: ${rows.map((x) => x.key).join(', ')}`);
  return r;
};
const value = (r: StudyRow) => (r.result.computable ? r.result.value : `not computable: ${r.result.reason}`);

describe('studyFromDatasets', () => {
  it('matches articles by content across files and records who coded what', () => {
    const { input, codersFound } = studyFromDatasets(fixtureDatasets());
    expect(codersFound).toEqual(['ann', 'bob']);
    expect(input.articles).toHaveLength(3);
    const third = input.articles.find((a) => a.text === 'gg hh');
    // Only in ann's file: bob never coded it.
    expect(third?.openedBy).toEqual(['ann']);
    expect(input.articles.find((a) => a.text === 'aa bb cc dd')?.openedBy.slice().sort()).toEqual(['ann', 'bob']);
    expect(input.annotations).toHaveLength(6);
  });

  it('counts the same annotation in two files once', () => {
    const [ann, bob] = fixtureDatasets();
    const { input } = studyFromDatasets([ann, bob, ann]);
    expect(input.annotations).toHaveLength(6);
  });
});

describe('computeStudy on the hand-checked fixture', () => {
  const { input } = studyFromDatasets(fixtureDatasets());
  const study = computeStudy(input, { seed: 7, replicates: 200 });

  it('nominal α on tokens: 19/41 (article 3 is missing data for bob, not "none")', () => {
    // Tokens (ann, bob): aa (c1,c1) bb (c1,none) cc (none,none) dd (none,c2) ee (c1,c1) ff (none,none)
    // n_c1 = 5, n_none = 6, n_c2 = 1, n = 12; D_o = 4/12; D_e = 2(5·6 + 5·1 + 6·1)/(12·11) = 82/132.
    const r = row(study.rows, 'all:alpha');
    expect(value(r)).toBeCloseTo(19 / 41, 12);
    expect(r.result.n).toMatchObject({ units: 8, pairableUnits: 6, pairableValues: 12, coders: 2 });
    expect(r.note).toMatch(/missing/);
    // The category has the same tags as the whole codebook's span categories here.
    expect(value(row(study.rows, 'cat:claim:alpha'))).toBeCloseTo(19 / 41, 12);
  });

  it("Cohen's κ 3/7 and percent agreement 4/6 on the same tokens", () => {
    // p_o = 4/6; ann c1 3, none 3; bob c1 2, none 3, c2 1: p_e = (3·2 + 3·3)/36 = 15/36.
    const k = row(study.rows, 'all:kappa');
    expect(k.measure).toBe("Cohen's κ");
    expect(value(k)).toBeCloseTo(3 / 7, 12);
    expect(k.note).toMatch(/2 tokens with a missing value/);
    expect(value(row(study.rows, 'all:pct'))).toBeCloseTo(4 / 6, 12);
  });

  it('uα pooled on code points over the articles both coded (11 + 7 code points; the emoji is one)', () => {
    const r = row(study.rows, 'all:ua');
    expect(r.result.computable).toBe(true);
    if (!r.result.computable) return;
    // Overlapping segments: ann [0,5) vs bob [0,2): 0² + 3²; bob's unit [9,11) inside ann's gap [5,11): 2².
    // D_o = 2 · 13 / (2 · 1 · 18²).
    const expected = unitizingAlpha({
      length: 18,
      coders: ['ann', 'bob'],
      spans: [
        { coder: 'ann', start: 0, end: 5, value: 'claim' },
        { coder: 'ann', start: 11, end: 13, value: 'claim' },
        { coder: 'bob', start: 0, end: 2, value: 'claim' },
        { coder: 'bob', start: 9, end: 11, value: 'claim' },
        { coder: 'bob', start: 11, end: 13, value: 'claim' },
      ],
    });
    expect((r.result as unknown as { observedDisagreement: number }).observedDisagreement).toBeCloseTo(13 / 324, 12);
    expect(expected.overall.computable && r.result.value).toBe(expected.overall.computable && expected.overall.value);
    expect(r.note).toBe('1 of 3 articles left out (not coded by every chosen coder)');
  });

  it('attribute α over matched spans: 0, with the unmatched span counted', () => {
    // Groups: ann "aa bb" pro ~ bob "aa" contra; ann "ee" pro = bob "ee" pro. bob's "dd" and ann's "gg" stay alone.
    // Values pro ×3, contra ×1: D_o = 2/4, D_e = 2·3·1/(4·3) = 1/2 → α = 0.
    const r = row(study.rows, 'attr:claim:stance');
    expect(value(r)).toBeCloseTo(0, 12);
    expect(r.level).toBe('nominal');
    expect(r.note).toBe('2 of 6 spans unmatched (ann 1, bob 1)');
    expect(r.disagreementCount).toBe(3);
    expect(r.disagreements[0]).toMatchObject({ start: 0, end: 5, values: ['pro', 'contra'] });
  });

  it('says why instead of giving a number: one value only, too few units, free text, document categories', () => {
    // Both matched groups carry tag c1 on both sides: one value only.
    expect(value(row(study.rows, 'cat:claim:tag'))).toMatch(/all pairable values are the same/);
    expect(study.rows.some((r) => r.category === 'topic')).toBe(false);
    const small = computeStudy({ ...input, articles: input.articles.filter((a) => a.text === 'ee 😀 ff') }, { replicates: 0 });
    // Two tokens, both agreeing (c1, none): α = 1; the attribute has one group: too few units.
    expect(value(row(small.rows, 'all:alpha'))).toBe(1);
    expect(value(row(small.rows, 'attr:claim:stance'))).toMatch(/too few units/);
    for (const r of study.rows) if (r.result.computable) expect(Number.isFinite(r.result.value)).toBe(true);
  });

  it('lists the disagreements as stretches of tokens, with what each coder coded', () => {
    const r = row(study.rows, 'all:alpha');
    expect(r.disagreementCount).toBe(2);
    const t1 = input.articles.find((a) => a.text === 'aa bb cc dd')?.id;
    expect(r.disagreements).toEqual([
      { articleId: t1, start: 3, end: 5, values: ['Claim one', 'none'] },
      { articleId: t1, start: 9, end: 11, values: ['none', 'Claim two'] },
    ]);
  });

  it('per tag: uα and α of "tag vs. none"; intervals are seeded and reproducible', () => {
    const c2 = row(study.rows, 'tag:c2:alpha');
    // c2 only in bob's "dd": values c2 ×1, none ×11 → D_o = 2/12, D_e = 2·11/(12·11) → α = 1 − (1/6)/(1/6) = 0.
    expect(value(c2)).toBeCloseTo(0, 12);
    expect(study.rows.filter((r) => r.key.startsWith('tag:c1')).map((r) => r.measure)).toEqual(['uα', 'α']);
    const again = computeStudy(input, { seed: 7, replicates: 200 });
    expect(row(again.rows, 'all:alpha').ci).toEqual(row(study.rows, 'all:alpha').ci);
    expect(row(study.rows, 'all:alpha').ci).toMatchObject({ computable: true, seed: 7, scheme: 'clusters' });
  });

  it('three coders: Fleiss κ; a third coder identical to ann', () => {
    const [ann, bob] = fixtureDatasets();
    const cy = structuredClone(ann);
    for (const a of cy.articles) for (const x of a.annotations) x.coder = 'cy';
    const three = computeStudy(studyFromDatasets([ann, bob, cy]).input, { replicates: 0 });
    expect(row(three.rows, 'all:kappa').measure).toBe("Fleiss' κ");
    expect(three.coders).toEqual(['ann', 'bob', 'cy']);
    const pair = computeStudy(studyFromDatasets([ann, cy]).input, { replicates: 0 });
    expect(value(row(pair.rows, 'all:alpha'))).toBe(1);
    expect(value(row(pair.rows, 'all:ua'))).toBe(1);
  });

  it('one coder: every figure says it needs two', () => {
    const [ann] = fixtureDatasets();
    const one = computeStudy(studyFromDatasets([ann]).input, { replicates: 0 });
    expect(value(row(one.rows, 'all:ua'))).toMatch(/two coders/);
    expect(value(row(one.rows, 'all:alpha'))).toMatch(/two/);
  });
});

describe('studyTable', () => {
  const { input } = studyFromDatasets(fixtureDatasets());
  const study = computeStudy(input, { seed: 7, replicates: 50 });

  it('keeps every figure and count but drops the disagreement lists and per-article figures', () => {
    const table = studyTable(study);
    expect(study.rows.some((r) => r.disagreements.length > 0)).toBe(true);
    expect(table.rows.map((r) => r.key)).toEqual(study.rows.map((r) => r.key));
    expect(table.rows.every((r) => !('disagreements' in r))).toBe(true);
    expect('perArticle' in table).toBe(false);
    expect(table.rows.map((r) => r.disagreementCount)).toEqual(study.rows.map((r) => r.disagreementCount));
    // The saved CSV is the same from the table as from the whole result.
    expect(studyCsv(table)).toBe(studyCsv(study));
  });
});
