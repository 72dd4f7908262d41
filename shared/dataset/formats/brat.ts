/**
 * brat standoff: a zip with, per article, `<name>.txt` (the text, UTF-8) and `<name>.ann`, plus
 * `annotation.conf` for the collection and `labels.tsv` for document labels (brat has no
 * document-level annotations). Offsets are code points, end-exclusive, like brat's own (Python).
 * `.ann` lines: `T` spans (a span across line breaks is split into `;`-separated fragments,
 * trimmed of edge white space, as brat's server does), `A` attributes, `R` relations,
 * `#` AnnotatorNotes for notes, `N` references to the linked actor.
 * Type, attribute and value names cannot hold spaces in brat: spaces become `_`.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { DatasetArticle, DatasetStream, DatasetTag } from '../dataset.ts';
import { makeOffsetConverter, type OffsetConverter } from '../../text/code-points.ts';

/** A brat-safe name: letters, digits, `_`, `-` and `.`; other runs become `_`. */
export function bratName(s: string): string {
  return s.normalize('NFC').trim().replace(/[^\p{L}\p{N}_.-]+/gu, '_').replace(/^_+|_+$/g, '');
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * Fragments of [start, end) (code points) that do not cross a line break, trimmed. Works on the
 * UTF-16 text through the article's converter: spreading the text into code points for each
 * annotation made an article's export quadratic.
 */
export function bratFragments(text: string, start: number, end: number, conv: OffsetConverter = makeOffsetConverter(text)): [number, number][] {
  const from = conv.toUtf16(start);
  const to = conv.toUtf16(end);
  const frags: [number, number][] = [];
  let lineStart = from;
  const flush = (lineEnd: number) => {
    let s = lineStart;
    let e = lineEnd;
    // Trimmed like Python's str.strip() in brat's server (white space is never astral).
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) frags.push([conv.toCodePoint(s), conv.toCodePoint(e)]);
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      flush(i);
      lineStart = i + 1;
    }
  }
  flush(to);
  return frags;
}

interface BratCtx {
  typeOf: Map<string, string>;
  attrNames: Map<string, { name: string; binary: boolean }>;
  actorNames: Map<string, string>;
}

function makeCtx(source: Pick<DatasetStream, 'codebook' | 'actors'>): BratCtx {
  const typeOf = new Map<string, string>();
  const used = new Set<string>();
  for (const t of source.codebook.tags) {
    let name = bratName(t.name) || 'Tag';
    if (used.has(name)) name = `${name}-${bratName(t.category)}`;
    for (let n = 2; used.has(name); n++) name = `${bratName(t.name) || 'Tag'}-${n}`;
    used.add(name);
    typeOf.set(t.id, name);
  }
  const attrNames = new Map<string, { name: string; binary: boolean }>();
  for (const c of source.codebook.categories) {
    for (const a of c.attributes) attrNames.set(`${c.id}\u0000${a.id}`, { name: bratName(a.name) || bratName(a.id), binary: a.type === 'boolean' });
  }
  return { typeOf, attrNames, actorNames: new Map(source.actors.map((a) => [a.id, a.name])) };
}

/** The `.ann` content of one article. */
export function bratAnn(art: DatasetArticle, ctx: BratCtx): string {
  const lines: string[] = [];
  const tIds = new Map<string, string>();
  let a = 0;
  let n = 0;
  let note = 0;
  const conv = makeOffsetConverter(art.text);
  art.annotations.forEach((x, i) => {
    const tid = `T${i + 1}`;
    tIds.set(x.id, tid);
    let frags = bratFragments(art.text, x.start, x.end, conv);
    // A span of white space only still needs a place: keep its raw range.
    if (frags.length === 0) frags = [[x.start, x.end]];
    const covered = frags.map(([s, e]) => art.text.slice(conv.toUtf16(s), conv.toUtf16(e))).join(' ');
    lines.push(`${tid}\t${ctx.typeOf.get(x.tag) ?? 'Tag'} ${frags.map(([s, e]) => `${s} ${e}`).join(';')}\t${oneLine(covered)}`);
    for (const [attrId, value] of Object.entries(x.attributes)) {
      const def = ctx.attrNames.get(`${x.category}\u0000${attrId}`) ?? { name: bratName(attrId), binary: typeof value === 'boolean' };
      if (def.binary || typeof value === 'boolean') {
        if (value === true || value === 'true') lines.push(`A${++a}\t${def.name} ${tid}`);
      } else if (value !== '') {
        lines.push(`A${++a}\t${def.name} ${tid} ${bratName(value)}`);
      }
    }
    if (x.actor !== null) lines.push(`N${++n}\tReference ${tid} Presswork:${bratName(x.actor)}\t${oneLine(ctx.actorNames.get(x.actor) ?? x.actor)}`);
    if (x.note && x.note.text) lines.push(`#${++note}\tAnnotatorNotes ${tid}\t${oneLine(x.note.text)}`);
  });
  art.relations.forEach((r, i) => {
    const from = tIds.get(r.from);
    const to = tIds.get(r.to);
    if (from && to) lines.push(`R${i + 1}\t${bratName(r.type)} Arg1:${from} Arg2:${to}`);
  });
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/** `annotation.conf`: span tags as entities (tag hierarchy as TAB indentation), relations, attributes. */
export function bratConf(source: Pick<DatasetStream, 'codebook' | 'actors'>, relationTypes: Iterable<string>): string {
  const ctx = makeCtx(source);
  const spanCats = new Set(source.codebook.categories.filter((c) => c.level === 'span').map((c) => c.id));
  const tags = source.codebook.tags.filter((t) => spanCats.has(t.category));
  const children = new Map<string | null, DatasetTag[]>();
  for (const t of tags) {
    const parent = t.parent !== null && tags.some((p) => p.id === t.parent) ? t.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), t]);
  }
  const out: string[] = ['# Written by Presswork: one entity type per tag (tag hierarchy as indentation).', '[entities]'];
  const walk = (parent: string | null, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      out.push('\t'.repeat(depth) + ctx.typeOf.get(t.id)!);
      walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  out.push('[relations]');
  for (const r of [...new Set([...relationTypes].map(bratName))].sort()) out.push(`${r}\tArg1:<ENTITY>, Arg2:<ENTITY>`);
  out.push('[events]', '[attributes]');
  const attrs = new Map<string, { binary: boolean; args: Set<string>; values: Set<string> }>();
  for (const c of source.codebook.categories) {
    if (c.level !== 'span') continue;
    const types = tags.filter((t) => t.category === c.id).map((t) => ctx.typeOf.get(t.id)!);
    for (const a of c.attributes) {
      const name = bratName(a.name) || bratName(a.id);
      const entry = attrs.get(name) ?? { binary: a.type === 'boolean', args: new Set<string>(), values: new Set<string>() };
      types.forEach((t) => entry.args.add(t));
      (a.options ?? []).forEach((o) => entry.values.add(bratName(o)));
      attrs.set(name, entry);
    }
  }
  for (const [name, e] of attrs) {
    if (e.args.size === 0) continue;
    const args = `Arg:${[...e.args].join('|')}`;
    out.push(e.binary || e.values.size === 0 ? `${name}\t${args}` : `${name}\t${args}, Value:${[...e.values].join('|')}`);
  }
  return out.join('\n') + '\n';
}

/** Unique, brat-safe file base names for the articles, in order. */
function fileNames(): (art: DatasetArticle) => string {
  const used = new Set<string>();
  return (art) => {
    const base = bratName(art.id) || 'article';
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return name;
  };
}

/** The brat collection as a map of file name → content. */
export function bratFiles(source: DatasetStream): Record<string, string> {
  const ctx = makeCtx(source);
  const nameOf = fileNames();
  const files: Record<string, string> = {};
  const relationTypes = new Set<string>();
  const tagNames = new Map(source.codebook.tags.map((t) => [t.id, t.name]));
  let labels = 'document\tlabels\n';
  for (const art of source.articles) {
    const name = nameOf(art);
    files[`${name}.txt`] = art.text;
    files[`${name}.ann`] = bratAnn(art, ctx);
    art.relations.forEach((r) => relationTypes.add(r.type));
    if (art.labels.length > 0) labels += `${name}\t${art.labels.map((l) => oneLine(tagNames.get(l) ?? l)).join('; ')}\n`;
  }
  files['annotation.conf'] = bratConf(source, relationTypes);
  files['labels.tsv'] = labels;
  return files;
}

export function bratZipBytes(source: DatasetStream, opts: { mtime?: string | Date } = {}): Uint8Array {
  const files = bratFiles(source);
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = strToU8(content);
  return zipSync(zippable, { level: 6, mtime: opts.mtime ?? source.exportedAt });
}
