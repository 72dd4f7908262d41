/**
 * JSON Schema (draft 2020-12) of the Presswork dataset, versions 1 and 2 — the one source of truth.
 * `npm run gen:schema` (scripts/gen-schema.ts) writes from it the published copy,
 * resources/schema/presswork-dataset.schema.json, and the validator the app and the CLI run,
 * shared/dataset/generated/dataset-validators.js (ajv standalone code: no eval, so it runs under
 * the app's Content Security Policy); gen-schema.test.ts fails when either is stale.
 */
import { HEX_COLOR_PATTERN } from '../model/color.ts';

export const DATASET_SCHEMA_ID = 'urn:presswork:schema:dataset:1';

/**
 * How deeply a note's rich-text document may nest (doc → list → item → paragraph → text is 4).
 * Deeper documents are refused before anything recurses into them: a note nested 100,000 levels
 * used to pass validation and then overflow the stack in JSON serialisation and in the restore.
 */
export const MAX_NOTE_DEPTH = 32;

const id = { type: 'string', minLength: 1 } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const offset = { type: 'integer', minimum: 0 } as const;
const color = { type: 'string', pattern: HEX_COLOR_PATTERN, description: 'A colour as #rrggbb.' } as const;

export const DATASET_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: DATASET_SCHEMA_ID,
  title: 'Presswork dataset',
  description:
    'A coded news corpus exported by Presswork. Offsets count Unicode code points and are end-exclusive: in Python, article["text"][a["start"]:a["end"]] == a["quote"].',
  type: 'object',
  required: ['format', 'version', 'exportedAt', 'project', 'codebook', 'actors', 'articles'],
  additionalProperties: false,
  properties: {
    format: { const: 'presswork-dataset' },
    version: { enum: [1, 2], description: 'Version 2 adds statement roles (article roles, relation position); version 1 files are read as they are.' },
    exportedAt: timestamp,
    generator: { type: 'string' },
    offsets: {
      type: 'object',
      description: 'The offset convention, stated in the file itself.',
      required: ['unit', 'end'],
      additionalProperties: false,
      properties: { unit: { const: 'code-point' }, end: { const: 'exclusive' } },
    },
    project: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: { id, name: { type: 'string' }, createdAt: timestamp, updatedAt: timestamp },
    },
    codebook: {
      type: 'object',
      required: ['categories', 'tags'],
      additionalProperties: false,
      properties: {
        categories: { type: 'array', items: { $ref: '#/$defs/category' } },
        tags: { type: 'array', items: { $ref: '#/$defs/tag' } },
      },
    },
    actors: { type: 'array', items: { $ref: '#/$defs/actor' } },
    samples: {
      type: 'array',
      description: 'Samples of articles drawn in the project, each with the definition and seed that draw it again (optional; absent when there are none).',
      items: { $ref: '#/$defs/sample' },
    },
    package: {
      type: 'object',
      description: 'Present only in a coder package: the assignment of one coder in a reliability study. The file holds the codebook and the assigned articles, with no annotations.',
      required: ['coder', 'leadProject', 'createdAt', 'assignment'],
      additionalProperties: false,
      properties: {
        coder: { type: 'string', minLength: 1, description: 'The coder this package is for; their annotations carry this name.' },
        leadProject: { type: 'object', required: ['id', 'name'], additionalProperties: false, properties: { id, name: { type: 'string' } } },
        createdAt: timestamp,
        assignment: {
          type: 'object',
          required: ['articleIds'],
          additionalProperties: false,
          properties: {
            articleIds: { type: 'array', items: id, description: 'The lead project’s ids of the assigned articles.' },
            sample: { $ref: '#/$defs/sample' },
          },
        },
      },
    },
    articles: { type: 'array', items: { $ref: '#/$defs/article' } },
  },
  $defs: {
    attributeDef: {
      type: 'object',
      required: ['id', 'name', 'type'],
      additionalProperties: false,
      properties: {
        id,
        name: { type: 'string' },
        type: { enum: ['choice', 'text', 'boolean'] },
        options: { type: 'array', items: { type: 'string' } },
      },
    },
    category: {
      type: 'object',
      description: 'A codebook category. Built-in ids: claim, source, actor.',
      required: ['id', 'name', 'level'],
      additionalProperties: false,
      properties: {
        id,
        name: { type: 'string' },
        level: { enum: ['span', 'document'] },
        color,
        builtIn: { type: 'boolean' },
        attributes: { type: 'array', items: { $ref: '#/$defs/attributeDef' } },
      },
    },
    tag: {
      type: 'object',
      required: ['id', 'name', 'category', 'parent', 'color'],
      additionalProperties: false,
      properties: {
        id,
        name: { type: 'string', minLength: 1 },
        category: { ...id, description: 'Category id.' },
        parent: { description: 'Parent tag id, or null.', anyOf: [id, { type: 'null' }] },
        color,
        description: { type: 'string' },
        shortcut: { type: ['string', 'null'] },
        order: { type: 'integer' },
        createdAt: timestamp,
      },
    },
    actor: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: {
        id,
        name: { type: 'string' },
        aliases: { type: 'array', items: { type: 'string' } },
        type: { type: ['string', 'null'] },
        createdAt: timestamp,
      },
    },
    meta: {
      type: 'object',
      description: 'Article metadata; fields added by later versions of the app are strings.',
      additionalProperties: { type: 'string' },
      properties: {
        url: { type: 'string' },
        outlet: { type: 'string' },
        author: { type: 'string' },
        publishedAt: { type: 'string', description: 'ISO 8601 date or date-time, as found in the source.' },
        language: { type: 'string' },
        extra: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    note: {
      type: 'object',
      required: ['text'],
      additionalProperties: false,
      properties: {
        text: { type: 'string' },
        doc: { description: `Rich note as TipTap/ProseMirror JSON, at most ${MAX_NOTE_DEPTH} levels deep, or null.`, anyOf: [{ $ref: '#/$defs/noteNode1' }, { type: 'null' }] },
      },
    },
    ...noteNodeDefs(),
    noteAttrs: {
      type: 'object',
      description: 'Attributes of a note node or mark: plain values only.',
      additionalProperties: { anyOf: [{ $ref: '#/$defs/noteScalar' }, { type: 'array', items: { $ref: '#/$defs/noteScalar' } }] },
    },
    noteScalar: { type: ['string', 'number', 'boolean', 'null'] },
    noteMark: {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string' }, attrs: { $ref: '#/$defs/noteAttrs' } },
      additionalProperties: { $ref: '#/$defs/noteScalar' },
    },
    annotation: {
      type: 'object',
      required: ['id', 'tag', 'start', 'end', 'quote'],
      additionalProperties: false,
      properties: {
        id,
        tag: { ...id, description: 'Tag id.' },
        tagName: { type: 'string' },
        category: { type: 'string', description: 'Category id of the tag.' },
        start: { ...offset, description: 'Code point offset of the first character.' },
        end: { ...offset, description: 'Code point offset after the last character (end-exclusive).' },
        quote: { type: 'string' },
        prefix: { type: 'string' },
        suffix: { type: 'string' },
        note: { anyOf: [{ $ref: '#/$defs/note' }, { type: 'null' }] },
        attributes: { type: 'object', additionalProperties: { type: ['string', 'boolean'] } },
        actor: { description: 'Actor id, or null.', anyOf: [id, { type: 'null' }] },
        coder: { type: 'string' },
        createdAt: timestamp,
        updatedAt: timestamp,
      },
    },
    sample: {
      type: 'object',
      description: 'A named sample of articles: drawn again with the same method, strata, allocation, size and seed from the same population, it holds the same articles.',
      required: ['id', 'name', 'method', 'size', 'seed', 'articleIds'],
      additionalProperties: false,
      properties: {
        id,
        name: { type: 'string' },
        method: { enum: ['simple', 'stratified'] },
        size: { type: 'integer', minimum: 0, description: 'Articles asked for (the whole population when it was smaller).' },
        seed: { type: 'integer', minimum: 0, maximum: 4294967295, description: 'Seed of the xoroshiro128+ generator (pure-rand); the population is sorted by article id before drawing.' },
        strata: { type: 'array', items: { enum: ['outlet', 'month'] }, description: 'For stratified samples: the fields whose values form the strata.' },
        allocation: { enum: ['proportional', 'equal'] },
        population: {
          type: 'object',
          required: ['filter', 'size'],
          additionalProperties: false,
          properties: { filter: { type: 'string', description: 'The library filter the sample was drawn from, in words.' }, size: { type: 'integer', minimum: 0 } },
        },
        drawn: {
          type: 'array',
          description: 'Per stratum: its key, its size in the population and how many were drawn.',
          items: {
            type: 'object',
            required: ['key', 'population', 'drawn'],
            additionalProperties: false,
            properties: { key: { type: 'string' }, population: { type: 'integer', minimum: 0 }, drawn: { type: 'integer', minimum: 0 } },
          },
        },
        articleIds: { type: 'array', items: id, description: 'The drawn articles (ids of this dataset when they were exported with it).' },
        createdAt: timestamp,
      },
    },
    relation: {
      type: 'object',
      required: ['id', 'type', 'from', 'to'],
      additionalProperties: false,
      properties: {
        id,
        type: { type: 'string', minLength: 1 },
        from: { ...id, description: 'Annotation id in the same article.' },
        to: { ...id, description: 'Annotation id in the same article.' },
        position: { type: 'number', description: 'Version 2: an object actor’s own position (type "about"), on the codebook’s position scale.' },
        coder: { type: 'string' },
        createdAt: timestamp,
      },
    },
    role: {
      type: 'object',
      description: 'Version 2: a statement role without a span: the claim’s claimant, addressee, object or source is an actor of the registry, or "unknown" (an anonymous or unidentified claimant).',
      required: ['id', 'type', 'from', 'actor'],
      additionalProperties: false,
      properties: {
        id,
        type: { type: 'string', minLength: 1, description: 'claimant, addressee, about (object) or according-to (source).' },
        from: { ...id, description: 'The claim annotation’s id in the same article.' },
        actor: { ...id, description: 'Actor id, or "unknown".' },
        position: { type: 'number' },
        coder: { type: 'string' },
        createdAt: timestamp,
      },
    },
    article: {
      type: 'object',
      required: ['id', 'title', 'text', 'meta', 'status', 'labels', 'annotations', 'relations'],
      additionalProperties: false,
      properties: {
        id,
        title: { type: 'string' },
        text: { type: 'string' },
        meta: { $ref: '#/$defs/meta' },
        status: { enum: ['todo', 'in-progress', 'done'] },
        labels: { type: 'array', items: id, description: 'Tag ids of document-level categories.' },
        source: {
          type: 'object',
          required: ['file'],
          additionalProperties: false,
          properties: { file: { type: 'string' }, index: { type: 'integer', minimum: 0 } },
        },
        contentHash: { type: 'string' },
        importedAt: timestamp,
        annotations: { type: 'array', items: { $ref: '#/$defs/annotation' } },
        relations: { type: 'array', items: { $ref: '#/$defs/relation' } },
        roles: { type: 'array', items: { $ref: '#/$defs/role' } },
      },
    },
  },
} as const;

/**
 * One definition per level of a note's document: JSON Schema cannot bound recursion, so the
 * depth is spelled out (noteNode1 … noteNodeN, the last one without children). A validator of a
 * recursive schema would itself recurse as deep as the input.
 */
function noteNodeDefs(): Record<string, object> {
  const defs: Record<string, object> = {
    noteNode: {
      type: 'object',
      description: 'A node of a note document (its children are checked by noteNode1 … noteNodeN).',
      properties: {
        type: { type: 'string' },
        text: { type: 'string' },
        attrs: { $ref: '#/$defs/noteAttrs' },
        marks: { type: 'array', items: { $ref: '#/$defs/noteMark' } },
        content: { type: 'array' },
      },
      additionalProperties: { $ref: '#/$defs/noteScalar' },
    },
  };
  for (let level = 1; level <= MAX_NOTE_DEPTH; level++) {
    defs[`noteNode${level}`] = {
      type: 'object',
      allOf: [{ $ref: '#/$defs/noteNode' }],
      properties: { content: level < MAX_NOTE_DEPTH ? { type: 'array', items: { $ref: `#/$defs/noteNode${level + 1}` } } : { type: 'array', maxItems: 0 } },
    };
  }
  return defs;
}
