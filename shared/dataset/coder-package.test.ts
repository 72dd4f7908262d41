import { describe, expect, it } from 'vitest';
import { fixtureDatasets } from '../analysis/agreement/study-fixture.ts';
import { readDatasetHeader, type Dataset } from './dataset.ts';
import { validateDataset } from './validate.ts';
import { coderProjectName, mergeReportByCoder, packageArticle, packageFileName, packageHeader } from './coder-package.ts';
import { mergeDataset } from './merge.ts';
import { datasetToRecords } from './dataset.ts';

const [ann, bob] = fixtureDatasets();
const T = '2026-02-02T00:00:00.000Z';

function makePackage(lead: Dataset, coder: string, articleIds: string[]): Dataset {
  const header = packageHeader(readDatasetHeader(lead), { coder, articleIds, createdAt: T });
  return { ...header, articles: lead.articles.filter((a) => articleIds.includes(a.id)).map(packageArticle) };
}

describe('coder packages', () => {
  it('hold the codebook and the assigned articles only, with none of anyone’s coding', () => {
    const lead: Dataset = { ...ann, samples: [{ id: 's', name: 'S', method: 'simple', size: 3, seed: 1, articleIds: ann.articles.map((a) => a.id) }], articles: ann.articles.map((a) => ({ ...a, labels: ['x'] })) };
    const pkg = makePackage(lead, 'cat', [ann.articles[0]!.id, ann.articles[2]!.id]);
    expect(pkg.codebook).toEqual(ann.codebook);
    expect(pkg.articles.map((a) => a.text)).toEqual([ann.articles[0]!.text, ann.articles[2]!.text]);
    expect(pkg.articles.every((a) => a.annotations.length === 0 && a.relations.length === 0 && a.labels.length === 0 && a.status === 'todo')).toBe(true);
    expect(pkg.samples).toBeUndefined();
    expect(pkg.package).toEqual({ coder: 'cat', leadProject: { id: 'p', name: 'Study' }, createdAt: T, assignment: { articleIds: [ann.articles[0]!.id, ann.articles[2]!.id] } });
    expect(pkg.project.name).toBe(coderProjectName('Study', 'cat'));
  });

  it('validate against the dataset schema, and the package block survives reading', () => {
    const pkg = makePackage(ann, 'cat', [ann.articles[1]!.id]);
    const json = JSON.parse(JSON.stringify(pkg)) as unknown;
    expect(validateDataset(json)).toEqual([]);
    expect(readDatasetHeader(json).package?.coder).toBe('cat');
    // A package block with a field the schema does not know is refused.
    const bad = { ...(json as object), package: { ...pkg.package, extra: 1 } };
    expect(validateDataset(bad).length).toBeGreaterThan(0);
  });

  it('have a file name with the project and the coder, safe for file systems', () => {
    expect(packageFileName('Election: 2026/27', 'Ann B.')).toBe('Election 2026 27-Ann B.presswork.json');
    expect(packageFileName('', '')).toBe('presswork-coder.presswork.json');
  });
});

describe('merge report per coder', () => {
  it('says what each coder brought in, and nothing when the same file is merged again', () => {
    let ids = 0;
    const makeId = () => `id${ids++}`;
    const records = datasetToRecords(ann, { makeId });
    const target = { project: records.project, articles: records.articles, annotations: records.annotations, tags: records.tags, actors: records.actors };
    const plan = mergeDataset(target, bob, { makeId, now: T });
    expect(mergeReportByCoder(bob, plan)).toEqual([{ coder: 'bob', inFile: 3, added: 3, articles: 2, relations: 0 }]);
    const again = mergeDataset({ ...target, annotations: [...target.annotations, ...plan.annotationsToAdd] }, bob, { makeId, now: T });
    expect(mergeReportByCoder(bob, again)).toEqual([{ coder: 'bob', inFile: 3, added: 0, articles: 0, relations: 0 }]);
  });
});
