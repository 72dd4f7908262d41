import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { computeStudy } from './study.ts';
import { studyFromDatasets } from './study-datasets.ts';
import { studyFromRecords } from './study-records.ts';
import { fixtureDatasets } from './study-fixture.ts';
import { methodsMarkdown, studyCsv, STUDY_CSV_HEADER } from './report.ts';

const study = computeStudy(studyFromDatasets(fixtureDatasets()).input, { seed: 3, replicates: 100 });

describe('agreement report', () => {
  it('CSV: one row per figure, the value or the reason, the interval', () => {
    const rows = Papa.parse<string[]>(studyCsv(study).trim()).data;
    expect(rows[0]).toEqual([...STUDY_CSV_HEADER]);
    expect(rows).toHaveLength(study.rows.length + 1);
    const alpha = rows.find((r) => r[0] === 'All span categories' && r[1] === 'α') as string[];
    expect(Number(alpha[8])).toBeCloseTo(19 / 41, 12);
    expect(Number(alpha[9])).toBeLessThanOrEqual(Number(alpha[8]));
    const tag = rows.find((r) => r[0] === 'Claim: tag of matched spans') as string[];
    expect(tag[8]).toBe('');
    expect(tag[11]).toMatch(/same/);
  });

  it('methods paragraph: coders, units, seed, the figures with n and CI', () => {
    const md = methodsMarkdown(study, { projectName: 'Grain deal' });
    expect(md).toMatch(/2 coders \(ann, bob\) coded 3 articles of the project “Grain deal”/);
    expect(md).toMatch(/seed 3/);
    expect(md).toMatch(/Krippendorff's α \(nominal\) = 0\.463, 95% CI \[/);
    expect(md).toMatch(/\| Claim: Stance \| α \| nominal \| matched spans \| 2 \| 0\.000 \|/);
    expect(md).not.toMatch(/NaN/);
  });
});

describe('studyFromRecords', () => {
  it('converts the stored UTF-16 offsets to code points, as the export does', () => {
    const text = '😀 aa bb';
    const input = studyFromRecords({
      categories: [{ id: 'claim', name: 'Claim', level: 'span', color: '#000000', builtIn: true, attributes: [] }],
      tags: [{ id: 't', projectId: 'p', categoryId: 'claim', name: 'T', parentId: null, color: '#000000', description: '', order: 0, createdAt: '' }],
      articles: [{ id: 'a', title: 'A', text }],
      annotations: [
        { id: '1', articleId: 'a', coder: 'x', tagId: 't', start: 3, end: 5, attributes: {} },
        { id: '2', articleId: 'a', coder: 'y', tagId: 't', start: 99, end: 100, attributes: {} },
      ],
      coders: ['x', 'y', 'z'],
      coded: 'annotated',
    });
    expect(input.annotations.map((a) => [a.start, a.end])).toEqual([[2, 4]]);
    expect(input.articles[0]?.openedBy).toEqual(['x']);
    const all = studyFromRecords({ categories: [], tags: [], articles: [{ id: 'a', title: 'A', text }], annotations: [], coders: ['x', 'y'], coded: 'all' });
    expect(all.articles[0]?.openedBy).toEqual(['x', 'y']);
  });
});
