/**
 * `validateDataset(json)`: every problem of a Presswork dataset as a human-readable line —
 * JSON Schema (draft 2020-12), offsets against quotes in code points, references between ids,
 * and text that no export can write faithfully (lone surrogates). An empty list means the
 * dataset is valid.
 *
 * The schema step runs ajv's standalone code, generated from dataset-schema.ts by
 * `npm run gen:schema`: plain functions, no `eval`, so the app (whose Content Security Policy
 * forbids eval) and the CLI check a dataset with the very same validator.
 */
import * as validators from './generated/dataset-validators.js';
import type { StandaloneValidator } from './generated/dataset-validators.js';
import { MAX_NOTE_DEPTH } from './dataset-schema.ts';
import { UNKNOWN_ROLE_ACTOR } from './dataset.ts';
import { makeOffsetConverter } from '../text/code-points.ts';
import { quoteAt } from '../text/quote-at.ts';
import { runSteps, type Steps } from './steps.ts';
import { findLoneSurrogates, type LoneSurrogate } from '../text/surrogates.ts';

/** Beyond this many problems the rest are summarised in one line. */
const MAX_PROBLEMS = 1000;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function show(s: string, max = 40): string {
  const cps = [...s];
  return JSON.stringify(cps.length > max ? cps.slice(0, max).join('') + '…' : s);
}

export interface ValidateOptions {
  /** Run the JSON Schema step (default: yes). */
  schema?: boolean;
}

export function validateDataset(json: unknown, opts: ValidateOptions = {}): string[] {
  if (isObject(json) && Array.isArray(json.articles)) return validateDatasetParts({ ...json, articles: [] }, json.articles, opts);
  return validateDatasetParts(json, [], opts);
}

/** A note document deeper than the schema allows fails at its deepest level: say it plainly. */
const TOO_DEEP = /^(.*\/note\/doc)(?:\/content\/\d+)*\/content$/;

function reportSchemaErrors(validate: StandaloneValidator, prefix: string, report: (p: string) => void): void {
  const errors = validate.errors ?? [];
  for (const err of errors) {
    // "x or null" fields: when the value failed inside the first choice, the lines "must be null"
    // and "must match a schema in anyOf" only repeat that error one level up.
    const alternative = err.keyword === 'anyOf' || (err.keyword === 'type' && (err.params as { type?: unknown }).type === 'null');
    if (alternative && errors.some((e) => e.instancePath.startsWith(err.instancePath + '/'))) continue;
    const path = prefix + err.instancePath;
    if (err.keyword === 'pattern' && path.endsWith('/color')) {
      report(`schema: ${path} must be a colour of the form #rrggbb`);
      continue;
    }
    const deep = err.keyword === 'maxItems' ? TOO_DEEP.exec(path) : null;
    if (deep) {
      report(`schema: ${deep[1]} is nested more than ${MAX_NOTE_DEPTH} levels deep (a note's document may have at most ${MAX_NOTE_DEPTH})`);
      continue;
    }
    const where = path === '' ? '(root)' : path;
    const allowed = err.params && 'allowedValues' in err.params ? ` (${JSON.stringify(err.params.allowedValues)})` : '';
    const prop = err.params && 'additionalProperty' in err.params ? ` "${String(err.params.additionalProperty)}"` : '';
    report(`schema: ${where} ${err.message ?? 'is invalid'}${prop}${allowed}`);
  }
}

/**
 * The same checks on a dataset given as its header (every field, with `articles: []`) and its
 * articles one at a time, so a dataset too large for one JavaScript string can be checked
 * while it is read (see dataset-scan.ts). Same messages as validateDataset.
 */
export function validateDatasetParts(header: unknown, articles: Iterable<unknown>, opts: ValidateOptions = {}): string[] {
  return runSteps(validateDatasetSteps(header, articles, opts));
}

/** validateDatasetParts as steps, one per article (see steps.ts). */
export function* validateDatasetSteps(header: unknown, articles: Iterable<unknown>, opts: ValidateOptions = {}): Steps<string[]> {
  const problems: string[] = [];
  let extra = 0;
  const report = (p: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
    else extra++;
  };
  const json = header;

  const schema = opts.schema !== false;
  const validate = schema ? validators.dataset : null;
  if (validate && !validate(json)) reportSchemaErrors(validate, '', report);
  if (!isObject(json)) {
    if (!validate) report('schema: (root) must be an object');
    return finish(problems, extra);
  }
  if (!validate) {
    if (json.format !== 'presswork-dataset') report('schema: /format must be "presswork-dataset"');
    if (json.version !== 1 && json.version !== 2) report('schema: /version must be 1 or 2');
    for (const key of ['codebook', 'project']) if (!isObject(json[key])) report(`schema: /${key} must be an object`);
    for (const key of ['actors', 'articles']) if (!Array.isArray(json[key])) report(`schema: /${key} must be an array`);
  }

  const codebook = isObject(json.codebook) ? json.codebook : {};
  const categories = new Map<string, Json>();
  arr(codebook.categories).forEach((c, i) => {
    if (!isObject(c) || typeof c.id !== 'string') return report(`codebook.categories[${i}]: no id`);
    if (categories.has(c.id)) report(`codebook.categories[${i}]: duplicate category id "${c.id}"`);
    categories.set(c.id, c);
  });
  const tags = new Map<string, Json>();
  arr(codebook.tags).forEach((t, i) => {
    if (!isObject(t) || typeof t.id !== 'string') return report(`codebook.tags[${i}]: no id`);
    if (tags.has(t.id)) report(`codebook.tags[${i}]: duplicate tag id "${t.id}"`);
    tags.set(t.id, t);
  });
  arr(codebook.tags).forEach((t, i) => {
    if (!isObject(t)) return;
    const cat = str(t.category);
    if (cat === undefined || !categories.has(cat)) report(`codebook.tags[${i}] "${String(t.name)}": unknown category "${String(t.category)}"`);
    if (t.parent !== null && t.parent !== undefined) {
      const parent = tags.get(String(t.parent));
      if (!parent) report(`codebook.tags[${i}] "${String(t.name)}": unknown parent tag "${String(t.parent)}"`);
      else if (parent.category !== t.category) report(`codebook.tags[${i}] "${String(t.name)}": parent "${String(parent.name)}" is in another category`);
    }
    // A parent chain longer than the number of tags is a cycle.
    let cur: Json | undefined = t;
    for (let steps = 0; cur && cur.parent != null; steps++) {
      if (steps > tags.size) {
        report(`codebook.tags[${i}] "${String(t.name)}": parent chain forms a cycle`);
        break;
      }
      cur = tags.get(String(cur.parent));
    }
  });
  const actors = new Set<string>();
  arr(json.actors).forEach((a, i) => {
    if (!isObject(a) || typeof a.id !== 'string') return report(`actors[${i}]: no id`);
    if (actors.has(a.id)) report(`actors[${i}]: duplicate actor id "${a.id}"`);
    actors.add(a.id);
  });

  const { articles: _articles, ...rest } = json;
  reportLoneSurrogates(findLoneSurrogates(rest, ''), report);

  const articleIds = new Set<string>();
  const annotationIds = new Set<string>();
  let i = -1;
  for (const art of articles) {
    i++;
    if (schema && !validators.article(art)) reportSchemaErrors(validators.article, `/articles/${i}`, report);
    checkArticle(art, i);
    reportLoneSurrogates(findLoneSurrogates(art, `articles[${i}]`, 20), report);
    yield;
  }
  return finish(problems, extra);

  function checkArticle(art: unknown, i: number): void {
    if (!isObject(art)) return report(`articles[${i}]: not an object`);
    const where = `articles[${i}]`;
    if (typeof art.id === 'string') {
      if (articleIds.has(art.id)) report(`${where}: duplicate article id "${art.id}"`);
      articleIds.add(art.id);
    }
    arr(art.labels).forEach((l, j) => {
      const tag = tags.get(String(l));
      if (!tag) report(`${where}.labels[${j}]: unknown tag "${String(l)}"`);
      else if (categories.get(String(tag.category))?.level === 'span') {
        report(`${where}.labels[${j}]: tag "${String(tag.name)}" belongs to a span-level category, not a document label`);
      }
    });
    if (typeof art.text !== 'string') return report(`${where}: text must be a string`);
    const text = art.text;
    const conv = makeOffsetConverter(text);
    const local = new Set<string>();
    arr(art.annotations).forEach((a, j) => {
      const aw = `${where}.annotations[${j}]`;
      if (!isObject(a)) return report(`${aw}: not an object`);
      if (typeof a.id === 'string') {
        if (annotationIds.has(a.id)) report(`${aw}: duplicate annotation id "${a.id}"`);
        annotationIds.add(a.id);
        local.add(a.id);
      }
      const tag = tags.get(String(a.tag));
      if (!tag) report(`${aw}: unknown tag "${String(a.tag)}"`);
      else {
        if (a.category !== undefined && a.category !== tag.category) report(`${aw}: category "${String(a.category)}" differs from its tag's category "${String(tag.category)}"`);
        if (a.tagName !== undefined && a.tagName !== tag.name) report(`${aw}: tagName ${show(String(a.tagName))} differs from the tag's name ${show(String(tag.name))}`);
        if (categories.get(String(tag.category))?.level === 'document') report(`${aw}: tag "${String(tag.name)}" is a document label, not a span tag`);
      }
      if (a.actor !== null && a.actor !== undefined && !actors.has(String(a.actor))) report(`${aw}: unknown actor "${String(a.actor)}"`);
      const { start, end, quote } = a;
      if (!Number.isInteger(start) || !Number.isInteger(end) || typeof quote !== 'string') {
        if (!validate) report(`${aw}: start and end must be integers and quote a string`);
        return;
      }
      const s = start as number;
      const e = end as number;
      const at = quoteAt(text, s, e, quote, conv);
      if (at.kind === 'outside') report(`${aw}: offsets ${s}..${e} are outside the text (0..${at.length} code points)`);
      else if (at.kind === 'mismatch') report(`${aw}: text[${s}:${e}] is ${show(at.covered)}, not the quote ${show(quote)} (offsets count code points)`);
    });
    arr(art.relations).forEach((r, j) => {
      if (!isObject(r)) return report(`${where}.relations[${j}]: not an object`);
      for (const end of ['from', 'to'] as const) {
        if (!local.has(String(r[end]))) report(`${where}.relations[${j}]: "${end}" refers to "${String(r[end])}", not an annotation of this article`);
      }
    });
    arr(art.roles).forEach((r, j) => {
      if (!isObject(r)) return report(`${where}.roles[${j}]: not an object`);
      if (!local.has(String(r.from))) report(`${where}.roles[${j}]: "from" refers to "${String(r.from)}", not an annotation of this article`);
      if (r.actor !== UNKNOWN_ROLE_ACTOR && !actors.has(String(r.actor))) report(`${where}.roles[${j}]: unknown actor "${String(r.actor)}"`);
    });
  }
}

/** Lines about lone surrogates start with this: a dataset that has them still converts (with a warning). */
export const LONE_SURROGATE_PREFIX = 'unicode: ';

function reportLoneSurrogates(found: LoneSurrogate[], report: (p: string) => void): void {
  for (const f of found) {
    report(`${LONE_SURROGATE_PREFIX}${f.path.replace(/^\./, '') || '(root)'} has a lone surrogate ${f.unit} at code point ${f.codePoint}: it is not a character, and UTF-8 exports (CSV, REFI-QDA, brat) write U+FFFD in its place`);
  }
}

function finish(problems: string[], extra: number): string[] {
  if (extra > 0) problems.push(`… and ${extra} more problems`);
  return problems;
}
