/**
 * CSV: one row per annotation, for spreadsheets and `pandas.read_csv`. RFC 4180 (CRLF line
 * ends, fields with a comma, quote or line break are quoted, quotes doubled), UTF-8, with an
 * optional byte order mark so that Excel detects UTF-8. Offsets are code points, end-exclusive.
 * Attributes are flattened into one column per defined attribute: `attr.<category>.<attribute>`
 * (names, as shown in the codebook). Values are written as they are: nothing is prefixed to
 * defuse spreadsheet formulas, because that would change the research data.
 */
import type { DatasetCategory, DatasetSource } from './dataset.ts';

export interface CsvOptions {
  /** Start with U+FEFF so Excel opens the file as UTF-8. */
  bom?: boolean;
}

const FIXED_BEFORE = ['article_id', 'title', 'outlet', 'date', 'url', 'labels', 'category', 'tag', 'quote', 'start', 'end', 'note'] as const;
const FIXED_AFTER = ['coder', 'actor', 'annotation_id', 'tag_id', 'category_id', 'created_at', 'updated_at'] as const;

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

export function* csvChunks(source: DatasetSource, opts: CsvOptions = {}): Generator<string> {
  const attrCols = attributeColumns(source.codebook.categories);
  const catNames = new Map(source.codebook.categories.map((c) => [c.id, c.name]));
  const tagNames = new Map(source.codebook.tags.map((t) => [t.id, t.name]));
  const actorNames = new Map(source.actors.map((a) => [a.id, a.name]));
  yield (opts.bom ? '\uFEFF' : '') + row([...FIXED_BEFORE, ...attrCols.map((c) => c.name), ...FIXED_AFTER]);
  for (const art of source.articles) {
    if (art.annotations.length === 0) continue;
    const labels = art.labels.map((l) => tagNames.get(l) ?? l).join('; ');
    const articleFields = [art.id, art.title, art.meta.outlet ?? '', art.meta.publishedAt ?? '', art.meta.url ?? '', labels];
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
        a.actor === null ? '' : (actorNames.get(a.actor) ?? a.actor),
        a.id,
        a.tag,
        a.category,
        a.createdAt,
        a.updatedAt,
      ]);
    }
    yield chunk;
  }
}
