/**
 * The records Presswork stores and passes between layers.
 * Offsets inside the app are UTF-16 code units, half-open ([start, end)); exports convert
 * them to Unicode code points (see shared/text/code-points.ts and DESIGN.md §3).
 */

export type Id = string;

export type ArticleStatus = 'todo' | 'in-progress' | 'done';

export type CategoryLevel = 'span' | 'document';

/** Built-in category ids; user categories get generated ids. */
export const BUILT_IN_CATEGORY_IDS = ['claim', 'source', 'actor'] as const;
export type BuiltInCategoryId = (typeof BUILT_IN_CATEGORY_IDS)[number];

export type AttributeType = 'choice' | 'text' | 'boolean';

export interface AttributeDef {
  id: Id;
  name: string;
  type: AttributeType;
  /** For `choice`: the allowed values, in display order. */
  options?: string[];
}

export type AttributeValue = string | boolean;

export interface Category {
  id: Id;
  name: string;
  level: CategoryLevel;
  color: string;
  builtIn: boolean;
  attributes: AttributeDef[];
}

export interface Project {
  id: Id;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** The codebook's categories live on the project: few, ordered, always read together. */
  categories: Category[];
  /** Set while the project's records are being deleted in chunks: it is no longer listed. */
  deleting?: boolean;
}

export interface ArticleMeta {
  url?: string;
  outlet?: string;
  author?: string;
  /** ISO 8601 date or date-time. */
  publishedAt?: string;
  /** BCP-47 language code (`en`, `ru`, `uk`, `be`…). */
  language?: string;
  /** Columns or fields of the source we do not map, kept as they were. */
  extra?: Record<string, string>;
}

export interface DraftSource {
  /** File name (or path relative to the imported folder). */
  file: string;
  /** Index of the article inside a batch file (JSON array, JSONL line, CSV row), from 0. */
  index?: number;
}

/** What the import pipeline produces for one article, before it is stored. */
export interface Draft {
  source: DraftSource;
  title: string;
  text: string;
  meta: ArticleMeta;
}

export interface ImportProblem {
  source: DraftSource;
  message: string;
}

export interface Article {
  id: Id;
  projectId: Id;
  title: string;
  /** Immutable after import: NFC, `\n`, paragraphs separated by exactly `\n\n`, trimmed. */
  text: string;
  meta: ArticleMeta;
  source: DraftSource;
  /** Hash of the normalised text, for duplicate detection within a project. */
  contentHash: string;
  status: ArticleStatus;
  /** Tag ids of document-level categories that label the whole article. */
  labels: Id[];
  importedAt: string;
  /** Position in the library (import order). */
  order: number;
}

export interface Tag {
  id: Id;
  projectId: Id;
  categoryId: Id;
  name: string;
  parentId: Id | null;
  /** `#rrggbb` */
  color: string;
  description: string;
  /** A single key (e.g. `1`) that applies this tag to the selection. */
  shortcut?: string;
  order: number;
  createdAt: string;
}

export interface Note {
  /** Plain text of the note, for search and CSV. */
  text: string;
  /** TipTap/ProseMirror JSON of the rich note. */
  doc: unknown;
}

export interface Annotation {
  id: Id;
  projectId: Id;
  articleId: Id;
  tagId: Id;
  /** UTF-16 offsets into article.text, half-open. */
  start: number;
  end: number;
  quote: string;
  /** Up to 32 characters before and after, for re-anchoring. */
  prefix: string;
  suffix: string;
  note?: Note;
  attributes: Record<Id, AttributeValue>;
  /** Canonical actor this mention refers to (actor/source mentions). */
  actorId?: Id;
  coder: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Typed link between two annotations, e.g. claim → actor `claimant`, claim → source `according-to`.
 * A statement role (see shared/statements/roles.ts) may also point at a registry actor without a
 * span (the outlet's editorial voice) or at nobody known: then `toId` is '' and `toActorId` is set.
 */
export interface Relation {
  id: Id;
  projectId: Id;
  articleId: Id;
  type: string;
  fromId: Id;
  /** The target annotation, or '' when the role has no span (`toActorId` says who). */
  toId: Id;
  /** A role's registry actor without a span, or `unknown` (UNKNOWN_ACTOR) for an anonymous claimant. */
  toActorId?: Id;
  /** An object actor's own position on the codebook scale (role `about`). */
  position?: number;
  coder: string;
  createdAt: string;
}

export const RELATION_TYPES = ['claimant', 'addressee', 'according-to', 'about'] as const;

/** A canonical entity (person, organisation…) that actor and source mentions are linked to. */
export interface Actor {
  id: Id;
  projectId: Id;
  name: string;
  aliases: string[];
  type?: string;
  createdAt: string;
}
