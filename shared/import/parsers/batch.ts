/** Batch formats: JSON (object, array, {articles: […]}), JSON Lines, CSV/TSV. */
import Papa from 'papaparse';
import { mapColumns, recordToArticle, TEXT_FIELD_NAMES } from '../fields.ts';
import { NUL_RECORD, type ParseResult } from '../raw-article.ts';
import { errorMessage } from '../../errors.ts';

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { articles: [], problems: [{ message: `not valid JSON: ${errorMessage(error)}` }] };
  }
  if (isRecord(data)) {
    const list = data.articles ?? data.items ?? data.data;
    if (Array.isArray(list)) return parseItems(list);
    const result = recordToArticle(data);
    return 'error' in result ? { articles: [], problems: [{ message: result.error }] } : { articles: [result.article], problems: [] };
  }
  if (Array.isArray(data)) return parseItems(data);
  return { articles: [], problems: [{ message: 'JSON holds neither an article object nor a list of articles' }] };
}

function parseItems(items: unknown[]): ParseResult {
  const result: ParseResult = { articles: [], problems: [] };
  items.forEach((item, index) => {
    const where = `item ${index + 1}`;
    if (!isRecord(item)) {
      result.problems.push({ index, message: `${where}: not an article object` });
      return;
    }
    const r = recordToArticle(item);
    if ('error' in r) result.problems.push({ index, message: `${where}: ${r.error}` });
    else result.articles.push({ ...r.article, index, where });
  });
  return result;
}

/** One JSON object per line; a broken line is a problem naming it, the others are imported. */
export function parseJsonLines(text: string): ParseResult {
  const result: ParseResult = { articles: [], problems: [] };
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `line ${index + 1}`;
    // JSON.parse would only say "bad control character": name what is wrong with the line.
    if (line.includes('\0')) {
      result.problems.push({ index, message: `${where}: ${NUL_RECORD}` });
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (error) {
      result.problems.push({ index, message: `${where}: not valid JSON: ${errorMessage(error)}` });
      return;
    }
    if (!isRecord(data)) {
      result.problems.push({ index, message: `${where}: not an article object` });
      return;
    }
    const r = recordToArticle(data);
    if ('error' in r) result.problems.push({ index, message: `${where}: ${r.error}` });
    else result.articles.push({ ...r.article, index, where });
  });
  return result;
}

/**
 * CSV/TSV with a header row. Rows are named as in a spreadsheet: the header is row 1, so the
 * first article (index 0) is "row 2".
 */
export function parseDelimited(text: string, delimiter?: string): ParseResult {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    ...(delimiter ? { delimiter } : {}),
    transformHeader: (h) => h.trim(),
  });
  const columns = parsed.meta.fields ?? [];
  const mapping = mapColumns(columns);
  if (mapping.text === undefined) {
    const found = columns.length > 0 ? columns.map((c) => `"${c}"`).join(', ') : 'none';
    return {
      articles: [],
      problems: [{ message: `no text column (expected one of: ${TEXT_FIELD_NAMES.join(', ')}); columns found: ${found}` }],
    };
  }
  const result: ParseResult = { articles: [], problems: [] };
  const rowErrors = new Map<number, string>();
  for (const e of parsed.errors) {
    // A row with too few or too many cells is still readable; a broken quote is not.
    if (e.type !== 'Quotes') continue;
    if (e.row !== undefined && e.row !== null && !rowErrors.has(e.row)) rowErrors.set(e.row, e.message);
  }
  parsed.data.forEach((row, index) => {
    const where = `row ${index + 2}`;
    const err = rowErrors.get(index);
    if (err) {
      result.problems.push({ index, message: `${where}: ${err}` });
      return;
    }
    // Papaparse puts cells beyond the header under "__parsed_extra".
    const { __parsed_extra: _overflow, ...cells } = row as Record<string, unknown>;
    const r = recordToArticle(cells, mapping);
    if ('error' in r) result.problems.push({ index, message: `${where}: ${r.error}` });
    else result.articles.push({ ...r.article, index, where });
  });
  return result;
}
