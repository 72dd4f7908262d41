/**
 * CSV: one row per annotation, for spreadsheets and `pandas.read_csv`. RFC 4180 (CRLF line
 * ends, fields with a comma, quote or line break are quoted, quotes doubled), UTF-8, with an
 * optional byte order mark so that Excel detects UTF-8. Offsets are code points, end-exclusive.
 * Attributes are flattened into one column per defined attribute: `attr.<category>.<attribute>`
 * (names, as shown in the codebook). Values are written as they are: nothing is prefixed to
 * defuse spreadsheet formulas, because that would change the research data.
 *
 * Links (issue #14): each annotation row names what it links to by role — `claimant_*`,
 * `according_to_*`, `about_*`: the target annotations' ids, quotes and canonical actors, several
 * joined with "; " — and a second file, the relations CSV, has one row per link with both ends
 * spelled out, so claim → claimant → source needs no JSON.
 */
import type { DatasetAnnotation, DatasetArticle, DatasetCategory, DatasetHeader, DatasetStream } from '../dataset.ts';
import { RELATION_UI_LABELS } from '../../model/link-targets.ts';

export interface CsvOptions {
  /** Start with U+FEFF so Excel opens the file as UTF-8. */
  bom?: boolean;
}

const FIXED_BEFORE = ['article_id', 'title', 'outlet', 'date', 'url', 'labels', 'category', 'tag', 'quote', 'start', 'end', 'note'] as const;
const FIXED_AFTER = ['coder', 'actor', 'annotation_id', 'tag_id', 'category_id', 'created_at', 'updated_at'] as const;

/** The relation types with columns of their own in the annotations CSV, and their column prefix. */
const ROLE_COLUMNS = [
  ['claimant', 'claimant'],
  ['according-to', 'according_to'],
  ['about', 'about'],
] as const;
const ROLE_HEADERS = ROLE_COLUMNS.flatMap(([, prefix]) => [`${prefix}_ids`, `${prefix}_quotes`, `${prefix}_actors`]);

/** Several values in one cell (the relations CSV has them one per row). */
const MULTI_SEPARATOR = '; ';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

export interface AttrColumn {
  name: string;
  categoryId: string;
  attributeId: string;
}

/** One column per attribute of a span-level category; names made unique if two collide. */
export function attributeColumns(categories: readonly DatasetCategory[]): AttrColumn[] {
  const cols: AttrColumn[] = [];
  const used = new Set<string>();
  for (const c of categories) {
    if (c.level !== 'span') continue;
    for (const a of c.attributes) {
      let name = `attr.${c.name}.${a.name}`;
      if (used.has(name)) name = `attr.${c.id}.${a.id}`;
      used.add(name);
      cols.push({ name, categoryId: c.id, attributeId: a.id });
    }
  }
  return cols;
}

function actorName(actorNames: ReadonlyMap<string, string>, a: DatasetAnnotation | undefined): string {
  return a?.actor == null ? '' : (actorNames.get(a.actor) ?? a.actor);
}

/** Per annotation: the cells of the role columns, from its outgoing links. */
function roleCells(art: DatasetArticle, actorNames: ReadonlyMap<string, string>): Map<string, string[]> {
  const byId = new Map(art.annotations.map((a) => [a.id, a]));
  const targets = new Map<string, Map<string, DatasetAnnotation[]>>();
  for (const r of art.relations) {
    const to = byId.get(r.to);
    if (!to) continue;
    const roles = targets.get(r.from) ?? new Map<string, DatasetAnnotation[]>();
    targets.set(r.from, roles);
    roles.set(r.type, [...(roles.get(r.type) ?? []), to]);
  }
  const out = new Map<string, string[]>();
  for (const [from, roles] of targets) {
    out.set(
      from,
      ROLE_COLUMNS.flatMap(([type]) => {
        const list = roles.get(type) ?? [];
        return [list.map((t) => t.id), list.map((t) => t.quote), list.map((t) => actorName(actorNames, t))].map((xs) => (xs.some(Boolean) ? xs.join(MULTI_SEPARATOR) : ''));
      }),
    );
  }
  return out;
}

const EMPTY_ROLES = ROLE_HEADERS.map(() => '');

export function* csvChunks(source: DatasetStream, opts: CsvOptions = {}): Generator<string> {
  const attrCols = attributeColumns(source.codebook.categories);
  const catNames = new Map(source.codebook.categories.map((c) => [c.id, c.name]));
  const tagNames = new Map(source.codebook.tags.map((t) => [t.id, t.name]));
  const actorNames = new Map(source.actors.map((a) => [a.id, a.name]));
  yield (opts.bom ? '\uFEFF' : '') + row([...FIXED_BEFORE, ...attrCols.map((c) => c.name), ...FIXED_AFTER, ...ROLE_HEADERS]);
  for (const art of source.articles) {
    if (art.annotations.length === 0) continue;
    const labels = art.labels.map((l) => tagNames.get(l) ?? l).join('; ');
    const articleFields = [art.id, art.title, art.meta.outlet ?? '', art.meta.publishedAt ?? '', art.meta.url ?? '', labels];
    const roles = roleCells(art, actorNames);
    let chunk = '';
    for (const a of art.annotations) {
      const attrs = attrCols.map((c) => {
        if (c.categoryId !== a.category) return '';
        const v = a.attributes[c.attributeId];
        return v === undefined ? '' : String(v);
      });
      chunk += row([
        ...articleFields,
        catNames.get(a.category) ?? a.category,
        a.tagName,
        a.quote,
        String(a.start),
        String(a.end),
        a.note?.text ?? '',
        ...attrs,
        a.coder,
        actorName(actorNames, a),
        a.id,
        a.tag,
        a.category,
        a.createdAt,
        a.updatedAt,
        ...(roles.get(a.id) ?? EMPTY_ROLES),
      ]);
    }
    yield chunk;
  }
}

const RELATION_HEADERS = [
  'relation_id',
  'type',
  'type_label',
  'article_id',
  'from_id',
  'from_category',
  'from_tag',
  'from_quote',
  'from_actor',
  'to_id',
  'to_category',
  'to_tag',
  'to_quote',
  'to_actor',
  'coder',
  'created_at',
] as const;

/** The relations CSV's header row (with the optional BOM). */
export function csvRelationsHead(opts: CsvOptions = {}): string {
  return (opts.bom ? '\uFEFF' : '') + row(RELATION_HEADERS);
}

/** The relations CSV's rows for one article: one per link, both ends spelled out. */
export function csvRelationRows(header: Pick<DatasetHeader, 'codebook' | 'actors'>, art: DatasetArticle): string {
  if (art.relations.length === 0) return '';
  const catNames = new Map(header.codebook.categories.map((c) => [c.id, c.name]));
  const actorNames = new Map(header.actors.map((a) => [a.id, a.name]));
  const byId = new Map(art.annotations.map((a) => [a.id, a]));
  const end = (a: DatasetAnnotation | undefined) => (a ? [catNames.get(a.category) ?? a.category, a.tagName, a.quote, actorName(actorNames, a)] : ['', '', '', '']);
  let out = '';
  for (const r of art.relations) {
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    out += row([r.id, r.type, RELATION_UI_LABELS[r.type] ?? r.type, art.id, r.from, ...end(from), r.to, ...end(to), r.coder, r.createdAt]);
  }
  return out;
}

/** The relations CSV: one row per link (claim → claimant, claim → source…). */
export function* csvRelationChunks(source: DatasetStream, opts: CsvOptions = {}): Generator<string> {
  yield csvRelationsHead(opts);
  for (const art of source.articles) {
    const rows = csvRelationRows(source, art);
    if (rows) yield rows;
  }
}

/** `corpus.csv` → `corpus-relations.csv`: where the relations CSV goes beside the annotations CSV. */
export function relationsCsvPath(annotationsPath: string): string {
  return /\.csv$/i.test(annotationsPath) ? annotationsPath.replace(/(\.csv)$/i, '-relations$1') : `${annotationsPath}-relations.csv`;
}
