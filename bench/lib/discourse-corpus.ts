/**
 * The discourse-network benchmark's project (issue #11), seeded: 10,000 articles with 50,000
 * statements, 2,000 actors with a long tail, 60 issues, positions −1/0/+1, two years, 20 outlets,
 * 3 coders. Shared by the Node part (bench/parts/network.ts) and the browser page that times the
 * real views (renderer/bench/network).
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { DATASET_VERSION, type DatasetAnnotation, type DatasetArticle, type DatasetHeader } from '../../shared/dataset/dataset.ts';
import { defaultCategories } from '../../shared/model/default-codebook.ts';

export const ARTICLES = 10_000;
export const PER_ARTICLE = 5;
export const ACTORS = 2_000;
const ISSUES = 60;
const OUTLETS = 20;
const CODERS = ['ann', 'bob', 'cy'];
const DAY0 = Date.UTC(2024, 0, 1);

export function generate(): { header: DatasetHeader; articles: DatasetArticle[] } {
  const rng = xoroshiro128plus(11);
  const int = (a: number, b: number) => uniformInt(rng, a, b);
  // A long tail: actor i is drawn with weight ~ 1 / (i + 1) (a few speak often, most rarely).
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < ACTORS; i++) cumulative.push((total += 1 / (i + 1)));
  const actor = () => {
    const x = (int(0, 1_000_000) / 1_000_000) * total;
    let lo = 0;
    let hi = ACTORS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const T = '2024-01-01T00:00:00.000Z';
  const header: DatasetHeader = {
    format: 'presswork-dataset',
    version: DATASET_VERSION,
    exportedAt: T,
    generator: 'bench',
    offsets: { unit: 'code-point', end: 'exclusive' },
    project: { id: 'p', name: 'bench', createdAt: T, updatedAt: T },
    codebook: {
      categories: defaultCategories().map((c) => ({ ...c, attributes: c.id === 'claim' ? [...c.attributes, { id: 'pos', name: 'Position', type: 'choice' as const, options: ['-1', '0', '+1'] }] : c.attributes })),
      tags: [
        { id: 'claim', name: 'Claim', category: 'claim', parent: null, color: '#888888', description: '', shortcut: null, order: 0, createdAt: T },
        { id: 'actor', name: 'Actor', category: 'actor', parent: null, color: '#888888', description: '', shortcut: null, order: 0, createdAt: T },
        ...Array.from({ length: ISSUES }, (_, j) => ({ id: `issue${j}`, name: `Issue ${j}`, category: 'claim', parent: 'claim', color: '#888888', description: '', shortcut: null, order: j + 1, createdAt: T })),
      ],
    },
    actors: Array.from({ length: ACTORS }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}`, aliases: [], type: i % 3 === 0 ? 'person' : 'organisation', createdAt: T })),
  };
  const ann = (id: string, tag: string, category: string, extra: Partial<DatasetAnnotation> = {}): DatasetAnnotation => ({
    id, tag, tagName: tag, category, start: 0, end: 1, quote: 'x', prefix: '', suffix: '', note: null, attributes: {}, actor: null, coder: 'ann', createdAt: T, updatedAt: T, ...extra,
  });
  const articles: DatasetArticle[] = [];
  for (let n = 0; n < ARTICLES; n++) {
    const day = int(0, 729);
    const coder = CODERS[n % CODERS.length]!;
    const annotations: DatasetAnnotation[] = [];
    const relations: DatasetArticle['relations'] = [];
    for (let k = 0; k < PER_ARTICLE; k++) {
      const c = `n${n}c${k}`;
      const m = `n${n}m${k}`;
      // Issues cluster by actor, so that congruence and conflict have structure.
      const who = actor();
      const issue = (who * 7 + int(0, 5)) % ISSUES;
      annotations.push(ann(c, `issue${issue}`, 'claim', { coder, attributes: { pos: String(((who + issue) % 3) - 1 + (int(0, 9) === 0 ? 1 : 0)) } }));
      annotations.push(ann(m, 'actor', 'actor', { coder, actor: `a${who}` }));
      relations.push({ id: `r${n}-${k}`, type: 'claimant', from: c, to: m, coder, createdAt: T });
    }
    articles.push({
      id: `art${n}`, title: '', text: 'x', meta: { outlet: `Outlet ${n % OUTLETS}`, publishedAt: new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10) },
      status: 'done', labels: [], source: { file: 'bench' }, contentHash: `h${n}`, importedAt: T, annotations, relations,
    });
  }
  return { header, articles };
}

