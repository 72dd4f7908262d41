/**
 * W3C Web Annotation Data Model (JSON-LD): one AnnotationCollection holding every annotation of
 * the dataset in one embedded AnnotationPage. Each span annotation targets its article with a
 * TextQuoteSelector and a TextPositionSelector (Unicode code points, end-exclusive, as the model
 * defines them) and carries a tagging body (the tag name), a classifying body (the category),
 * a describing body per attribute, an identifying body naming the linked actor and a commenting
 * body for a note. Relations become `linking`
 * annotations (target: the "from" annotation, body: the "to" annotation plus the relation type
 * as a tag); document labels become `classifying` annotations on the whole article.
 * Each item repeats the `@context` so it stays valid on its own when taken out of the page.
 */
import type { DatasetAnnotation, DatasetArticle, DatasetStream } from '../dataset.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cOptions {
  /** IRIs are `${baseIri}<kind>/<id>` when given (e.g. https://example.org/corpus/), URNs otherwise. */
  baseIri?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function makeIri(opts: W3cOptions): (kind: string, id: string) => string {
  return (kind, id) => {
    if (opts.baseIri) return `${opts.baseIri}${kind}/${encodeURIComponent(id)}`;
    if (UUID.test(id)) return `urn:uuid:${id.toLowerCase()}`;
    return `urn:presswork:${kind}:${encodeURIComponent(id)}`;
  };
}

type Json = Record<string, unknown>;

export interface W3cContext {
  iri: (kind: string, id: string) => string;
  categoryNames: Map<string, string>;
  attributeNames: Map<string, string>;
  tagNames: Map<string, string>;
  generator: Json;
  actorNames: Map<string, string>;
}

export function w3cContext(source: Pick<DatasetStream, 'codebook' | 'actors' | 'generator'>, opts: W3cOptions = {}): W3cContext {
  const iri = makeIri(opts);
  return {
    iri,
    categoryNames: new Map(source.codebook.categories.map((c) => [c.id, c.name])),
    attributeNames: new Map(source.codebook.categories.flatMap((c) => c.attributes.map((a) => [`${c.id}\u0000${a.id}`, a.name] as const))),
    tagNames: new Map(source.codebook.tags.map((t) => [t.id, t.name])),
    generator: { type: 'Software', name: source.generator || 'Presswork' },
    actorNames: new Map(source.actors.map((a) => [a.id, a.name])),
  };
}

function creator(coder: string): Json | undefined {
  return coder ? { type: 'Person', name: coder } : undefined;
}

function spanAnnotation(art: DatasetArticle, a: DatasetAnnotation, ctx: W3cContext): Json {
  const body: Json[] = [
    { type: 'TextualBody', purpose: 'tagging', value: a.tagName },
    { type: 'TextualBody', purpose: 'classifying', value: ctx.categoryNames.get(a.category) ?? a.category },
  ];
  for (const [attrId, value] of Object.entries(a.attributes)) {
    const name = ctx.attributeNames.get(`${a.category}\u0000${attrId}`) ?? attrId;
    body.push({ type: 'TextualBody', purpose: 'describing', value: `${name}: ${String(value)}` });
  }
  if (a.actor !== null) body.push({ type: 'TextualBody', purpose: 'identifying', value: ctx.actorNames.get(a.actor) ?? a.actor });
  if (a.note && a.note.text) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note.text, format: 'text/plain' });
  const out: Json = {
    '@context': ANNO_CONTEXT,
    id: ctx.iri('annotation', a.id),
    type: 'Annotation',
    motivation: 'tagging',
    created: a.createdAt,
    modified: a.updatedAt,
  };
  const who = creator(a.coder);
  if (who) out.creator = who;
  out.body = body;
  out.target = {
    source: ctx.iri('article', art.id),
    selector: [
      { type: 'TextQuoteSelector', exact: a.quote, prefix: a.prefix, suffix: a.suffix },
      { type: 'TextPositionSelector', start: a.start, end: a.end },
    ],
  };
  return out;
}

/** Every Web Annotation of one article, in a stable order: spans, relations, labels. */
export function w3cArticleAnnotations(art: DatasetArticle, ctx: W3cContext): Json[] {
  const out = art.annotations.map((a) => spanAnnotation(art, a, ctx));
  for (const r of art.relations) {
    const rel: Json = { '@context': ANNO_CONTEXT, id: ctx.iri('relation', r.id), type: 'Annotation', motivation: 'linking', created: r.createdAt };
    const who = creator(r.coder);
    if (who) rel.creator = who;
    rel.body = [ctx.iri('annotation', r.to), { type: 'TextualBody', purpose: 'tagging', value: r.type }];
    rel.target = ctx.iri('annotation', r.from);
    out.push(rel);
  }
  for (const l of art.labels) {
    out.push({
      '@context': ANNO_CONTEXT,
      id: ctx.iri('label', `${art.id}/${l}`),
      type: 'Annotation',
      motivation: 'classifying',
      body: { type: 'TextualBody', purpose: 'classifying', value: ctx.tagNames.get(l) ?? l },
      target: ctx.iri('article', art.id),
    });
  }
  return out;
}

/** The AnnotationCollection as JSON text in chunks (one per article); `total` comes last. */
export function* w3cChunks(source: DatasetStream, opts: W3cOptions = {}): Generator<string> {
  const ctx = w3cContext(source, opts);
  const head = {
    '@context': ANNO_CONTEXT,
    id: ctx.iri('project', source.project.id),
    type: 'AnnotationCollection',
    label: source.project.name,
    generator: ctx.generator,
    generated: source.exportedAt,
  };
  const headJson = JSON.stringify(head, null, 2);
  yield headJson.slice(0, -2) + ',\n  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [';
  let total = 0;
  for (const art of source.articles) {
    let chunk = '';
    for (const item of w3cArticleAnnotations(art, ctx)) {
      chunk += (total > 0 ? ',' : '') + '\n      ' + JSON.stringify(item, null, 2).replace(/\n/g, '\n      ');
      total++;
    }
    if (chunk) yield chunk;
  }
  yield `${total > 0 ? '\n    ' : ''}]\n  },\n  "total": ${total}\n}\n`;
}

/** The same collection as one object (small datasets, tests). */
export function w3cCollection(source: DatasetStream, opts: W3cOptions = {}): Json {
  return JSON.parse([...w3cChunks(source, opts)].join('')) as Json;
}

