/**
 * A reliability study from Presswork datasets (the JSON export), e.g. one file per coder:
 * articles are matched across files by the hash of their normalised text (as the merge does),
 * annotations are grouped by their `coder` field, the codebook is the union of the files'
 * codebooks (by id).
 *
 * Who coded which article: a coder coded an article when they have an annotation in it, or when
 * the article is in a file whose annotations are all by that one coder (a coder's own export
 * holds the articles they were given, coded or found empty). In a file with several coders an
 * article without a coder's annotation counts as not coded by them — unless `allCoded` says
 * every coder coded every article (e.g. a merged project where all coded everything).
 */
import type { Dataset } from '../../dataset/dataset.ts';
import { contentHash } from '../../import/content-hash.ts';
import type { Level } from './types.ts';
import type { StudyArticle, StudyCategory, StudyInput, StudySpanAnnotation, StudyTag } from './study.ts';

export interface DatasetStudyOptions {
  /** The coders to compare (default: every coder found, sorted). */
  coders?: readonly string[];
  /** Every coder coded every article (a missing annotation means "none", never "not coded"). */
  allCoded?: boolean;
}

export interface DatasetStudy {
  input: StudyInput;
  /** Every coder name found in the files, sorted. */
  codersFound: string[];
}

const LEVELS: readonly string[] = ['nominal', 'ordinal', 'interval', 'ratio'];

export function studyFromDatasets(datasets: readonly Dataset[], options: DatasetStudyOptions = {}): DatasetStudy {
  const categories = new Map<string, StudyCategory>();
  const tags = new Map<string, StudyTag>();
  const articles = new Map<string, { id: string; title: string; text: string; openedBy: Set<string> }>();
  const annotations: StudySpanAnnotation[] = [];
  const found = new Set<string>();
  // The same annotation in two files (a coder's export and a merged project) counts once.
  const seen = new Set<string>();
  for (const ds of datasets) {
    for (const c of ds.codebook.categories) {
      if (categories.has(c.id)) continue;
      categories.set(c.id, {
        id: c.id,
        name: c.name,
        level: c.level,
        attributes: c.attributes.map((a) => {
          // A dataset may state an attribute's level of measurement (not part of the app's model yet).
          const level = (a as { level?: unknown }).level;
          return { id: a.id, name: a.name, type: a.type, ...(a.options ? { options: a.options } : {}), ...(typeof level === 'string' && LEVELS.includes(level) ? { level: level as Level } : {}) };
        }),
      });
    }
    for (const t of ds.codebook.tags) if (!tags.has(t.id)) tags.set(t.id, { id: t.id, name: t.name, category: t.category });
    const fileCoders = new Set<string>();
    for (const a of ds.articles) for (const x of a.annotations) fileCoders.add(x.coder);
    const soleCoder = fileCoders.size === 1 ? ([...fileCoders][0] as string) : null;
    for (const a of ds.articles) {
      const key = contentHash(a.text);
      let art = articles.get(key);
      if (!art) articles.set(key, (art = { id: key, title: a.title, text: a.text, openedBy: new Set() }));
      if (soleCoder !== null) art.openedBy.add(soleCoder);
      for (const x of a.annotations) {
        found.add(x.coder);
        art.openedBy.add(x.coder);
        const dup = `${key}\u0000${x.coder}\u0000${x.tag}\u0000${x.start}\u0000${x.end}`;
        if (seen.has(dup)) continue;
        seen.add(dup);
        annotations.push({ id: x.id, articleId: key, coder: x.coder, tag: x.tag, start: x.start, end: x.end, attributes: x.attributes });
      }
    }
  }
  const codersFound = [...found].sort();
  const coders = options.coders ? [...options.coders] : codersFound;
  const list: StudyArticle[] = [...articles.values()].map((a) => ({ id: a.id, title: a.title, text: a.text, openedBy: options.allCoded ? coders : [...a.openedBy] }));
  return { input: { categories: [...categories.values()], tags: [...tags.values()], articles: list, annotations, coders }, codersFound };
}
