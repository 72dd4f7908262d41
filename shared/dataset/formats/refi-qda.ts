/**
 * REFI-QDA (QDA-XML 1.0) exchange, so MAXQDA, ATLAS.ti, NVivo and QualCoder users can continue in
 * their tool: a `.qdpx` project (zip of `project.qde` + `sources/<GUID>.txt`) and a `.qdc`
 * codebook; `parseQdc` reads a codebook back.
 *
 * Mapping: each category is a non-codable parent code, its tags codable codes below it (tag
 * hierarchy kept); coders are users; each article a TextSource whose text is a UTF-8 file;
 * each annotation a PlainTextSelection with one Coding, its attributes in the selection's
 * Description and its note as a project Note referenced from the selection; document labels are
 * Codings on the whole source; relations are Links between selections; article metadata are
 * Variables. Positions are Unicode code points, end-exclusive (`text[start:end]` in Python),
 * the reading the spec's examples and public exporters use.
 */
import { XMLParser } from 'fast-xml-parser';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Dataset, DatasetCategory, DatasetStream, DatasetTag } from '../dataset.ts';
import { guidFor } from './guid.ts';
import { attrs, xmlText } from './xml.ts';

const ORIGIN = 'Presswork';
const META_VARIABLES = [
  ['outlet', 'Outlet'],
  ['author', 'Author'],
  ['publishedAt', 'Published'],
  ['url', 'URL'],
  ['language', 'Language'],
] as const;

const categoryGuid = (id: string) => guidFor(`category:${id}`);
const userGuid = (coder: string) => guidFor(`user:${coder}`);
const variableGuid = (key: string) => guidFor(`variable:${key}`);

function hexColor(c: string): string | undefined {
  return /^#[0-9a-fA-F]{6}$/.test(c) ? c.toUpperCase() : undefined;
}

/** The code tree: categories (not codable) holding their tags (codable), nested by parent. */
function codeTreeXml(categories: readonly DatasetCategory[], tags: readonly DatasetTag[], indent: string): string {
  const children = new Map<string, DatasetTag[]>();
  for (const t of tags) {
    const key = t.parent ?? `category:${t.category}`;
    const list = children.get(key);
    if (list) list.push(t);
    else children.set(key, [t]);
  }
  const tagXml = (t: DatasetTag, pad: string): string => {
    const kids = children.get(t.id) ?? [];
    const open = `${pad}<Code${attrs({ guid: guidFor(t.id), name: t.name, isCodable: true, color: hexColor(t.color) })}`;
    const desc = t.description ? `${pad}  <Description>${xmlText(t.description)}</Description>\n` : '';
    if (!desc && kids.length === 0) return `${open}/>\n`;
    return `${open}>\n${desc}${kids.map((k) => tagXml(k, pad + '  ')).join('')}${pad}</Code>\n`;
  };
  let out = '';
  for (const c of categories) {
    const kids = children.get(`category:${c.id}`) ?? [];
    out += `${indent}<Code${attrs({ guid: categoryGuid(c.id), name: c.name, isCodable: false, color: hexColor(c.color) })}>\n`;
    out += `${indent}  <Description>${xmlText(`Presswork category "${c.id}" (${c.level} level)`)}</Description>\n`;
    out += kids.map((k) => tagXml(k, indent + '  ')).join('');
    out += `${indent}</Code>\n`;
  }
  return out;
}

/** The `.qdc` codebook exchange file. */
export function refiCodebookXml(source: Pick<Dataset, 'codebook'>): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"${attrs({ origin: ORIGIN })}>\n  <Codes>\n` +
    codeTreeXml(source.codebook.categories, source.codebook.tags, '    ') +
    '  </Codes>\n</CodeBook>\n'
  );
}

export function refiCodebookBytes(source: Pick<Dataset, 'codebook'>): Uint8Array {
  return strToU8(refiCodebookXml(source));
}

function attributeSummary(values: Record<string, string | boolean>, names: Map<string, string>, category: string): string {
  return Object.entries(values)
    .map(([id, v]) => `${names.get(`${category}\u0000${id}`) ?? id}: ${String(v)}`)
    .join('; ');
}

/**
 * `project.qde` as chunks (one per article) plus the source files it refers to. Users come first
 * in the XML, so the coders are collected before the sources are written: the articles are
 * iterated twice when they are an array, or kept in memory when they are a one-shot iterable.
 */
export function refiProject(source: DatasetStream): { qde: string[]; sources: { name: string; text: string }[] } {
  const articles = Array.isArray(source.articles) ? source.articles : [...source.articles];
  const coders = new Set<string>();
  for (const a of articles) {
    for (const x of a.annotations) if (x.coder) coders.add(x.coder);
    for (const r of a.relations) if (r.coder) coders.add(r.coder);
  }
  const attrNames = new Map(source.codebook.categories.flatMap((c) => c.attributes.map((a) => [`${c.id}\u0000${a.id}`, a.name] as const)));
  const qde: string[] = [];
  qde.push(
    '<?xml version="1.0" encoding="utf-8"?>\n' +
      `<Project xmlns="urn:QDA-XML:project:1.0"${attrs({ name: source.project.name, origin: ORIGIN, creationDateTime: source.project.createdAt, modifiedDateTime: source.exportedAt })}>\n`,
  );
  if (coders.size > 0) {
    qde.push('  <Users>\n' + [...coders].sort().map((c) => `    <User${attrs({ guid: userGuid(c), name: c })}/>\n`).join('') + '  </Users>\n');
  }
  qde.push('  <CodeBook>\n    <Codes>\n' + codeTreeXml(source.codebook.categories, source.codebook.tags, '      ') + '    </Codes>\n  </CodeBook>\n');
  const usedMeta = META_VARIABLES.filter(([key]) => articles.some((a) => a.meta[key]));
  if (usedMeta.length > 0) {
    qde.push(
      '  <Variables>\n' +
        usedMeta.map(([key, name]) => `    <Variable${attrs({ guid: variableGuid(key), name, typeOfVariable: 'Text' })}/>\n`).join('') +
        '  </Variables>\n',
    );
  }
  const sources: { name: string; text: string }[] = [];
  const notes: string[] = [];
  const links: string[] = [];
  if (articles.length > 0) qde.push('  <Sources>\n');
  for (const art of articles) {
    const guid = guidFor(art.id);
    sources.push({ name: `sources/${guid}.txt`, text: art.text });
    let x = `    <TextSource${attrs({ guid, name: art.title, plainTextPath: `internal://${guid}.txt`, creationDateTime: art.importedAt })}>\n`;
    if (art.meta.url) x += `      <Description>${xmlText(art.meta.url)}</Description>\n`;
    for (const a of art.annotations) {
      const user = a.coder ? userGuid(a.coder) : undefined;
      x += `      <PlainTextSelection${attrs({
        guid: guidFor(a.id),
        name: a.quote.length > 60 ? [...a.quote].slice(0, 60).join('') + '…' : a.quote,
        startPosition: a.start,
        endPosition: a.end,
        creatingUser: user,
        creationDateTime: a.createdAt,
        modifyingUser: user,
        modifiedDateTime: a.updatedAt,
      })}>\n`;
      const summary = attributeSummary(a.attributes, attrNames, a.category);
      if (summary) x += `        <Description>${xmlText(summary)}</Description>\n`;
      x += `        <Coding${attrs({ guid: guidFor(`coding:${a.id}`), creatingUser: user, creationDateTime: a.createdAt })}>\n`;
      x += `          <CodeRef${attrs({ targetGUID: guidFor(a.tag) })}/>\n        </Coding>\n`;
      if (a.note && a.note.text) {
        const noteGuid = guidFor(`note:${a.id}`);
        x += `        <NoteRef${attrs({ targetGUID: noteGuid })}/>\n`;
        notes.push(
          `    <Note${attrs({ guid: noteGuid, name: `Note: ${a.tagName}`, creatingUser: user, creationDateTime: a.createdAt, modifiedDateTime: a.updatedAt })}>\n` +
            `      <PlainTextContent>${xmlText(a.note.text)}</PlainTextContent>\n    </Note>\n`,
        );
      }
      x += '      </PlainTextSelection>\n';
    }
    for (const l of art.labels) {
      x += `      <Coding${attrs({ guid: guidFor(`label:${art.id}:${l}`) })}>\n        <CodeRef${attrs({ targetGUID: guidFor(l) })}/>\n      </Coding>\n`;
    }
    for (const [key] of usedMeta) {
      const v = art.meta[key];
      if (v) x += `      <VariableValue>\n        <VariableRef${attrs({ targetGUID: variableGuid(key) })}/>\n        <TextValue>${xmlText(v)}</TextValue>\n      </VariableValue>\n`;
    }
    x += '    </TextSource>\n';
    qde.push(x);
    for (const r of art.relations) {
      links.push(`    <Link${attrs({ guid: guidFor(r.id), name: r.type, direction: 'OneWay', originGUID: guidFor(r.from), targetGUID: guidFor(r.to) })}/>\n`);
    }
  }
  if (articles.length > 0) qde.push('  </Sources>\n');
  if (notes.length > 0) qde.push('  <Notes>\n' + notes.join('') + '  </Notes>\n');
  if (links.length > 0) qde.push('  <Links>\n' + links.join('') + '  </Links>\n');
  qde.push('</Project>\n');
  return { qde, sources };
}

/** The `.qdpx` archive. `mtime` fixes the zip entries' dates (reproducible output). */
export function refiQdpxBytes(source: DatasetStream, opts: { mtime?: string | Date } = {}): Uint8Array {
  const { qde, sources } = refiProject(source);
  const mtime = opts.mtime ?? source.exportedAt;
  const files: Zippable = { 'project.qde': concat(qde.map((c) => strToU8(c))) };
  for (const s of sources) files[s.name] = strToU8(s.text);
  return zipSync(files, { level: 6, mtime });
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading a codebook back.

export interface ParsedCodebook {
  categories: { id: string; name: string; color: string; level: 'span' | 'document' }[];
  /** Tags with the GUID of their code as id; `parent` null for a top-level tag of its category. */
  tags: { id: string; name: string; category: string; parent: string | null; color: string; description: string }[];
}

interface XmlCode {
  guid?: string;
  name?: string;
  isCodable?: string;
  color?: string;
  Description?: string | { '#text'?: string };
  Code?: XmlCode[];
}

const DEFAULT_COLOR = '#888888';

function expandColor(c: string | undefined): string | undefined {
  if (!c) return undefined;
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(c.trim());
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((ch) => ch + ch).join('') : m[1]!;
  return `#${hex.toLowerCase()}`;
}

function descriptionOf(code: XmlCode): string {
  const d = code.Description;
  return typeof d === 'string' ? d : (d?.['#text'] ?? '');
}

/**
 * Codes of a `.qdc` (or of the CodeBook inside a `.qde`) as categories and tags. A top-level
 * code that is not codable is a category (ours are written that way; a description naming a
 * Presswork category id restores it); top-level codable codes from other tools are gathered in
 * one category "Imported codes". Throws on XML that is not a REFI codebook.
 */
export function parseQdc(xml: string): ParsedCodebook {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    isArray: (name) => name === 'Code',
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const doc = parser.parse(xml) as { CodeBook?: { Codes?: { Code?: XmlCode[] } }; Project?: { CodeBook?: { Codes?: { Code?: XmlCode[] } } } };
  const book = doc.CodeBook ?? doc.Project?.CodeBook;
  if (!book) throw new Error('not a REFI-QDA codebook: no <CodeBook> element');
  const top = book.Codes?.Code ?? [];
  const result: ParsedCodebook = { categories: [], tags: [] };
  const walk = (code: XmlCode, category: string, parent: string | null, inherited: string): void => {
    const id = (code.guid ?? '').toUpperCase() || `code-${result.tags.length}`;
    const color = expandColor(code.color) ?? inherited;
    result.tags.push({ id, name: code.name ?? '', category, parent, color, description: descriptionOf(code) });
    for (const child of code.Code ?? []) walk(child, category, id, color);
  };
  let imported: string | null = null;
  for (const code of top) {
    if (code.isCodable === 'false' || code.isCodable === '0') {
      const desc = descriptionOf(code);
      const m = /^Presswork category "([^"]+)" \((span|document) level\)$/.exec(desc);
      const id = m ? m[1]! : (code.guid ?? '').toUpperCase() || `category-${result.categories.length}`;
      const color = expandColor(code.color) ?? DEFAULT_COLOR;
      result.categories.push({ id, name: code.name ?? id, color, level: m?.[2] === 'document' ? 'document' : 'span' });
      for (const child of code.Code ?? []) walk(child, id, null, color);
    } else {
      if (!imported) {
        imported = 'imported-codes';
        result.categories.push({ id: imported, name: 'Imported codes', color: DEFAULT_COLOR, level: 'span' });
      }
      walk(code, imported, null, DEFAULT_COLOR);
    }
  }
  return result;
}
