/**
 * The dataset types the app writes (dataset.ts) against the types generated from the JSON Schema
 * (generated/dataset-file-types.ts, `npm run gen:schema`): the same keys, and every value the app
 * writes one the schema accepts. A field added to one and not the other fails `npm run typecheck`
 * here (and the test below names the check); the schema stays the one source of truth.
 */
import { describe, expect, it } from 'vitest';
import type * as File from './generated/dataset-file-types.ts';
import type { Dataset, DatasetActor, DatasetAnnotation, DatasetArticle, DatasetCategory, DatasetPackage, DatasetProject, DatasetRelation, DatasetRole, DatasetSample, DatasetTag } from './dataset.ts';

/** true when W has exactly S's keys and every W is an S; otherwise the keys that differ. */
type Conforms<W, S> = [Exclude<keyof W, keyof S>, Exclude<keyof S, keyof W>] extends [never, never] ? (W extends S ? true : { notAssignable: W }) : { onlyWritten: Exclude<keyof W, keyof S>; onlyInSchema: Exclude<keyof S, keyof W> };

/**
 * A note's `doc` is TipTap's JSON, `unknown` to the app; the schema checks its shape (and depth)
 * when a file is read. For it only the key is compared: the rest of the note, and every other
 * field, must be assignable as it is.
 */
type NoteDocAsFile<A extends { note: { text: string; doc: unknown } | null }> = Omit<A, 'note'> & { note: { text: string; doc: NonNullable<File.Annotation['note']>['doc'] } | null };
/** ArticleMeta is an interface, which TypeScript never matches to the schema's open `meta` (an index signature); as a plain object type it is. */
type ArticleAsFile = Omit<DatasetArticle, 'annotations' | 'meta'> & { annotations: NoteDocAsFile<DatasetAnnotation>[]; meta: { [K in keyof DatasetArticle['meta']]: DatasetArticle['meta'][K] } };
type DatasetAsFile = Omit<Dataset, 'articles'> & { articles: ArticleAsFile[] };

type SameKeys<W, S> = [Exclude<keyof W, keyof S>, Exclude<keyof S, keyof W>] extends [never, never] ? true : { onlyWritten: Exclude<keyof W, keyof S>; onlyInSchema: Exclude<keyof S, keyof W> };

const conforms = {
  dataset: true satisfies Conforms<DatasetAsFile, File.PressworkDataset>,
  project: true satisfies Conforms<DatasetProject, File.PressworkDataset['project']>,
  package: true satisfies Conforms<DatasetPackage, NonNullable<File.PressworkDataset['package']>>,
  category: true satisfies Conforms<DatasetCategory, File.Category>,
  tag: true satisfies Conforms<DatasetTag, File.Tag>,
  actor: true satisfies Conforms<DatasetActor, File.Actor>,
  sample: true satisfies Conforms<DatasetSample, File.Sample>,
  article: true satisfies Conforms<ArticleAsFile, File.Article>,
  annotation: true satisfies Conforms<NoteDocAsFile<DatasetAnnotation>, File.Annotation>,
  note: true satisfies SameKeys<NonNullable<DatasetAnnotation['note']>, NonNullable<File.Annotation['note']>>,
  relation: true satisfies Conforms<DatasetRelation, File.Relation>,
  role: true satisfies Conforms<DatasetRole, File.Role>,
};

describe('the dataset types', () => {
  it('conform to the types generated from the schema, record by record (checked by tsc)', () => {
    expect(Object.values(conforms).every((c) => c === true)).toBe(true);
  });
});
