/**
 * A small reliability study whose figures can be checked by hand (see study.test.ts for the
 * arithmetic): two coders' datasets, as each coder would export them.
 *
 *   article 1 "aa bb cc dd"   ann: claim/c1 on "aa bb" (stance pro)   bob: c1 on "aa" (contra), c2 on "dd"
 *   article 2 "ee 😀 ff"      ann: c1 on "ee" (pro)                    bob: c1 on "ee" (pro)
 *   article 3 "gg hh"         only in ann's file: c1 on "gg" (bob never coded it: missing)
 */
import { DATASET_VERSION, type Dataset, type DatasetAnnotation, type DatasetArticle } from '../../dataset/dataset.ts';
import { contentHash } from '../../import/content-hash.ts';

const T = '2026-01-01T00:00:00.000Z';

export const FIXTURE_TEXTS = ['aa bb cc dd', 'ee 😀 ff', 'gg hh'] as const;

function annotation(id: string, coder: string, tag: string, text: string, start: number, end: number, stance?: string): DatasetAnnotation {
  const cps = [...text];
  return {
    id,
    tag,
    tagName: tag === 'c1' ? 'Claim one' : 'Claim two',
    category: 'claim',
    start,
    end,
    quote: cps.slice(start, end).join(''),
    prefix: cps.slice(Math.max(0, start - 32), start).join(''),
    suffix: cps.slice(end, end + 32).join(''),
    note: null,
    attributes: stance ? { stance } : {},
    actor: null,
    coder,
    createdAt: T,
    updatedAt: T,
  };
}

function article(id: string, text: string, annotations: DatasetAnnotation[]): DatasetArticle {
  return { id, title: `Article ${id}`, text, meta: {}, status: 'done', labels: [], source: { file: 'fixture.txt' }, contentHash: contentHash(text), importedAt: T, annotations, relations: [] };
}

function dataset(articles: DatasetArticle[]): Dataset {
  return {
    format: 'presswork-dataset',
    version: DATASET_VERSION,
    exportedAt: T,
    generator: 'Presswork',
    offsets: { unit: 'code-point', end: 'exclusive' },
    project: { id: 'p', name: 'Study', createdAt: T, updatedAt: T },
    codebook: {
      categories: [
        { id: 'claim', name: 'Claim', level: 'span', color: '#aa3377', builtIn: true, attributes: [{ id: 'stance', name: 'Stance', type: 'choice', options: ['pro', 'neutral', 'contra'] }] },
        { id: 'topic', name: 'Topic', level: 'document', color: '#228833', builtIn: false, attributes: [] },
      ],
      tags: [
        { id: 'c1', name: 'Claim one', category: 'claim', parent: null, color: '#aa3377', description: '', shortcut: null, order: 0, createdAt: T },
        { id: 'c2', name: 'Claim two', category: 'claim', parent: null, color: '#aa3377', description: '', shortcut: null, order: 1, createdAt: T },
      ],
    },
    actors: [],
    articles,
  };
}

/** [ann's dataset, bob's dataset]. Article ids differ between the files, as in real exports. */
export function fixtureDatasets(): [Dataset, Dataset] {
  const [t1, t2, t3] = FIXTURE_TEXTS;
  const ann = dataset([
    article('ann-1', t1, [annotation('a1', 'ann', 'c1', t1, 0, 5, 'pro')]),
    article('ann-2', t2, [annotation('a2', 'ann', 'c1', t2, 0, 2, 'pro')]),
    article('ann-3', t3, [annotation('a3', 'ann', 'c1', t3, 0, 2)]),
  ]);
  const bob = dataset([
    article('bob-1', t1, [annotation('b1', 'bob', 'c1', t1, 0, 2, 'contra'), annotation('b2', 'bob', 'c2', t1, 9, 11)]),
    article('bob-2', t2, [annotation('b3', 'bob', 'c1', t2, 0, 2, 'pro')]),
  ]);
  return [ann, bob];
}
