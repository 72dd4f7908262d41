import Dexie, { type EntityTable } from 'dexie';
import type { Actor, Annotation, Article, Project, Relation, Tag } from '@shared/model/types.ts';
import type { SampleSet } from '@shared/analysis/sample.ts';
import type { Assignment } from '@shared/analysis/assignments.ts';
import type { MentionRejection } from '@shared/actors/rejections.ts';
import type { GoldRejection } from '@shared/analysis/adjudication/decisions.ts';

/** Article metadata without its text: the library lists thousands of these at once. */
export type ArticleRecord = Omit<Article, 'text'>;

/** The immutable text of an article, stored apart so that listing the library stays cheap. */
export interface ArticleText {
  articleId: string;
  text: string;
}

/** One segment of a project's full-text index (shared/search/segment.ts). */
export interface SearchSegmentRecord {
  id: string;
  projectId: string;
  /** INDEX_VERSION of the terms inside: an older one makes the project's index stale. */
  version: number;
  /** Articles indexed in this segment (deleted ones are discarded from `data` and this list). */
  articleIds: string[];
  /** MiniSearch JSON. */
  data: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

/**
 * Every version of the schema, oldest first. A version is never edited once released: add a new
 * entry (with an `upgrade` if records change shape) and a fixture case in migrations.test.ts.
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string | null>; upgrade?: (tx: import('dexie').Transaction) => Promise<void> }[] = [
  {
    version: 1,
    stores: {
      projects: 'id, name, updatedAt',
      articles: 'id, projectId, [projectId+order], [projectId+contentHash], [projectId+status]',
      articleTexts: 'articleId',
      tags: 'id, projectId, [projectId+categoryId], parentId',
      annotations: 'id, projectId, articleId, tagId, [articleId+start]',
      relations: 'id, projectId, articleId, fromId, toId',
      actors: 'id, projectId, [projectId+name]',
      settings: 'key',
    },
  },
  {
    // Samples (issue #12), and annotations by coder for the library's "coded by" filter.
    version: 2,
    stores: {
      annotations: 'id, projectId, articleId, tagId, [articleId+start], [projectId+coder]',
      samples: 'id, projectId, [projectId+name]',
    },
  },
  {
    // The full-text index: one record per segment (a MiniSearch index over one batch of articles).
    version: 3,
    stores: { searchSegments: 'id, projectId' },
  },
  {
    // Assignments of a reliability study (issue #10): which coder codes which article.
    version: 4,
    stores: { assignments: 'id, projectId, [projectId+coder], articleId' },
  },
  {
    // Adjudication (issue #10): places where the gold layer was decided to hold nothing.
    version: 5,
    stores: { goldRejections: 'id, projectId, articleId' },
  },
  {
    // Find mentions (issue #11): proposed actor mentions the coder rejected, not proposed again.
    version: 6,
    stores: { mentionRejections: 'id, projectId, actorId, articleId' },
  },
];

export type PressworkDb = Dexie & {
  projects: EntityTable<Project, 'id'>;
  articles: EntityTable<ArticleRecord, 'id'>;
  articleTexts: EntityTable<ArticleText, 'articleId'>;
  tags: EntityTable<Tag, 'id'>;
  annotations: EntityTable<Annotation, 'id'>;
  relations: EntityTable<Relation, 'id'>;
  actors: EntityTable<Actor, 'id'>;
  settings: EntityTable<Setting, 'key'>;
  samples: EntityTable<SampleSet, 'id'>;
  searchSegments: EntityTable<SearchSegmentRecord, 'id'>;
  assignments: EntityTable<Assignment, 'id'>;
  goldRejections: EntityTable<GoldRejection, 'id'>;
  mentionRejections: EntityTable<MentionRejection, 'id'>;
};

export const DB_NAME = 'presswork';

/** Opens the database at `upToVersion` (tests open older versions to exercise upgrades). */
export function createDb(name: string = DB_NAME, upToVersion = SCHEMA_VERSIONS.length): PressworkDb {
  const db = new Dexie(name) as PressworkDb;
  for (const v of SCHEMA_VERSIONS.slice(0, upToVersion)) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}
