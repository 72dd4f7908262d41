/**
 * Network and event-list writers: GraphML, GEXF 1.3, CSV matrices (DNA's layout, RFC 4180),
 * UCINET DL full matrices, and the event list as CSV. Each yields string chunks, so the CLI and
 * the app write them through their own (atomic / download) writers.
 *
 * Written by hand rather than with graphology-graphml / graphology-gexf: graphology-graphml 0.5.2
 * only parses (its package exports `parse` alone), and graphology-gexf 0.13.2 writes GEXF 1.2draft
 * with a malformed viz namespace (`http:///www.gexf.net/1.1draft/viz`) and pulls @xmldom into
 * the bundle. The XML here is small, declared key by key, and escaped by shared/dataset/formats/xml.ts.
 */
import { csvField } from '../dataset/formats/csv.ts';
import { attrs, xmlAttr, xmlText } from '../dataset/formats/xml.ts';
import { actorName, issueName, UNKNOWN_ACTOR, type Statement, type StatementSet } from '../statements/statement.ts';
import { networkMatrix, type AttrDecl, type Network } from './build.ts';

export type NetworkFormat = 'graphml' | 'gexf' | 'csv' | 'dl';
export const NETWORK_FORMATS: readonly NetworkFormat[] = ['graphml', 'gexf', 'csv', 'dl'];

export interface WriteMeta {
  /** Free text describing how the network was built (options, filters); goes into the file where the format allows. */
  description?: string;
  /** ISO date of the export (GEXF `lastmodifieddate`); defaults to today. */
  date?: string;
}

const NODE_ATTRS: AttrDecl[] = [
  { name: 'label', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'actorType', type: 'string' },
  { name: 'statements', type: 'int' },
];

/** Shortest round-trip form (String(-0) is "0"); readers parse it back to the same double. */
function num(v: number): string {
  return String(v);
}

/** The value of one node attribute (two-mode networks also get networkx's `bipartite` flag). */
function nodeValues(net: Network, i: number): Record<string, string | number> {
  const n = net.nodes[i]!;
  const values: Record<string, string | number> = { label: n.label, kind: n.kind, actorType: n.actorType, statements: n.statements };
  if (net.type === 'two-mode') values.bipartite = n.kind === 'actor' ? 0 : 1;
  return values;
}

function nodeDecls(net: Network): AttrDecl[] {
  return net.type === 'two-mode' ? [...NODE_ATTRS, { name: 'bipartite', type: 'int' }] : NODE_ATTRS;
}

export function* graphmlChunks(net: Network, meta: WriteMeta = {}): Generator<string> {
  const nodeKeys = nodeDecls(net);
  const edgeKeys: AttrDecl[] = [{ name: 'weight', type: 'double' }, ...net.edgeAttrs];
  let head =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  if (meta.description) head += `  <desc>${xmlText(meta.description)}</desc>\n`;
  // GraphML key types: int, double, string (networkx, igraph and Gephi read these).
  for (const k of nodeKeys) head += `  <key${attrs({ id: `n_${k.name}`, for: 'node', 'attr.name': k.name, 'attr.type': k.type })}/>\n`;
  for (const k of edgeKeys) head += `  <key${attrs({ id: `e_${k.name}`, for: 'edge', 'attr.name': k.name, 'attr.type': k.type })}/>\n`;
  head += `  <graph${attrs({ id: net.type, edgedefault: net.directed ? 'directed' : 'undirected' })}>\n`;
  yield head;
  let chunk = '';
  for (let i = 0; i < net.nodes.length; i++) {
    chunk += `    <node id="${xmlAttr(net.nodes[i]!.id)}">`;
    for (const [k, v] of Object.entries(nodeValues(net, i))) if (v !== '') chunk += `<data key="n_${k}">${xmlText(String(v))}</data>`;
    chunk += '</node>\n';
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  // Node ids are escaped once: a network has far more edges than nodes.
  const ids = net.nodes.map((n) => xmlAttr(n.id));
  for (let idx = 0; idx < net.edges.length; idx++) {
    const e = net.edges[idx]!;
    chunk += `    <edge id="e${idx}" source="${ids[e.source]!}" target="${ids[e.target]!}"><data key="e_weight">${num(e.weight)}</data>`;
    for (const k of net.edgeAttrs) {
      const v = e.attrs[k.name];
      if (v !== undefined && v !== '') chunk += `<data key="e_${k.name}">${typeof v === 'number' ? num(v) : xmlText(v)}</data>`;
    }
    chunk += '</edge>\n';
    // Yield as the nodes do: one string of a million edges costs seconds of garbage collection.
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + '  </graph>\n</graphml>\n';
}

const GEXF_TYPES: Record<AttrDecl['type'], string> = { string: 'string', int: 'integer', double: 'double' };

export function* gexfChunks(net: Network, meta: WriteMeta = {}): Generator<string> {
  const nodeKeys = nodeDecls(net).filter((k) => k.name !== 'label');
  const date = (meta.date ?? new Date().toISOString()).slice(0, 10);
  let head =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
    `  <meta lastmodifieddate="${date}">\n    <creator>Presswork</creator>\n` +
    (meta.description ? `    <description>${xmlText(meta.description)}</description>\n` : '') +
    '  </meta>\n' +
    `  <graph defaultedgetype="${net.directed ? 'directed' : 'undirected'}" mode="static">\n`;
  head += '    <attributes class="node">\n';
  for (const k of nodeKeys) head += `      <attribute${attrs({ id: k.name, title: k.name, type: GEXF_TYPES[k.type] })}/>\n`;
  head += '    </attributes>\n    <attributes class="edge">\n';
  for (const k of net.edgeAttrs) head += `      <attribute${attrs({ id: k.name, title: k.name, type: GEXF_TYPES[k.type] })}/>\n`;
  head += '    </attributes>\n    <nodes>\n';
  yield head;
  let chunk = '';
  for (let i = 0; i < net.nodes.length; i++) {
    const n = net.nodes[i]!;
    chunk += `      <node${attrs({ id: n.id, label: n.label })}><attvalues>`;
    for (const [k, v] of Object.entries(nodeValues(net, i))) if (k !== 'label' && v !== '') chunk += `<attvalue${attrs({ for: k, value: String(v) })}/>`;
    chunk += '</attvalues></node>\n';
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  chunk += '    </nodes>\n    <edges>\n';
  const ids = net.nodes.map((n) => xmlAttr(n.id));
  for (let idx = 0; idx < net.edges.length; idx++) {
    const e = net.edges[idx]!;
    chunk += `      <edge id="e${idx}" source="${ids[e.source]!}" target="${ids[e.target]!}" weight="${num(e.weight)}"><attvalues>`;
    for (const k of net.edgeAttrs) {
      const v = e.attrs[k.name];
      if (v !== undefined && v !== '') chunk += `<attvalue${attrs({ for: k.name, value: String(v) })}/>`;
    }
    chunk += '</attvalues></edge>\n';
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + '    </edges>\n  </graph>\n</gexf>\n';
}

/** DNA's matrix layout as RFC 4180 CSV: an empty corner cell, column labels, then one labelled row per row node. */
export function* csvMatrixChunks(net: Network): Generator<string> {
  const m = networkMatrix(net);
  const nc = net.cols.length;
  yield ['', ...net.cols.map((c) => csvField(net.nodes[c]!.label))].join(',') + '\r\n';
  let chunk = '';
  for (let r = 0; r < net.rows.length; r++) {
    chunk += csvField(net.nodes[net.rows[r]!]!.label);
    for (let c = 0; c < nc; c++) chunk += ',' + num(m[r * nc + c]!);
    chunk += '\r\n';
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

/** UCINET cannot escape quotes in labels: double quotes become single ones, line breaks spaces. */
function dlLabel(s: string): string {
  return `"${s.replace(/"/g, "'").replace(/[\r\n\t]+/g, ' ')}"`;
}

/** UCINET DL, full matrix with labels (one-mode `n =`, two-mode `nr =, nc =` with row and column labels). */
export function* dlChunks(net: Network): Generator<string> {
  const m = networkMatrix(net);
  const nr = net.rows.length;
  const nc = net.cols.length;
  const twoMode = net.type === 'two-mode';
  let head = `dl ${twoMode ? `nr = ${nr}, nc = ${nc}` : `n = ${nr}`}, format = fullmatrix\r\n`;
  head += twoMode ? 'row labels:\r\n' : 'labels:\r\n';
  for (const r of net.rows) head += dlLabel(net.nodes[r]!.label) + '\r\n';
  if (twoMode) {
    head += 'col labels:\r\n';
    for (const c of net.cols) head += dlLabel(net.nodes[c]!.label) + '\r\n';
  }
  yield head + 'data:\r\n';
  let chunk = '';
  for (let r = 0; r < nr; r++) {
    const row: string[] = [];
    for (let c = 0; c < nc; c++) row.push(num(m[r * nc + c]!));
    chunk += row.join(' ') + '\r\n';
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

export function* networkChunks(net: Network, format: NetworkFormat, meta: WriteMeta = {}): Generator<string> {
  if (format === 'graphml') yield* graphmlChunks(net, meta);
  else if (format === 'gexf') yield* gexfChunks(net, meta);
  else if (format === 'csv') yield* csvMatrixChunks(net);
  else yield* dlChunks(net);
}

export const EVENT_COLUMNS = [
  'statement_id',
  'role',
  'date',
  'outlet',
  'article_id',
  'claimant',
  'claimant_id',
  'addressee',
  'addressee_id',
  'object',
  'object_id',
  'issue',
  'issue_id',
  'position',
  'source',
  'source_id',
  'quote_type',
  'quote',
  'coder',
] as const;

/**
 * The event list, long format: per statement and issue, one `claimant` row, then one row per
 * addressee and per object (an object row carries the object's own position when coded). Count
 * statements with the `claimant` rows; a statement without an issue has one row with an empty issue.
 */
export function* eventListChunks(set: StatementSet, statements: Iterable<Statement>, opts: { bom?: boolean } = {}): Generator<string> {
  const line = (fields: readonly string[]) => fields.map(csvField).join(',') + '\r\n';
  yield (opts.bom ? '\uFEFF' : '') + line(EVENT_COLUMNS);
  const name = (id: string) => (id === UNKNOWN_ACTOR ? 'unknown' : actorName(set, id));
  const pos = (p: number | null) => (p === null ? '' : String(p));
  let chunk = '';
  for (const s of statements) {
    const issues = s.issues.length > 0 ? s.issues : [null];
    for (const issue of issues) {
      const row = (role: string, addressee: string | null, object: string | null, position: number | null) =>
        line([
          s.id,
          role,
          s.date ?? '',
          s.outlet ?? '',
          s.articleId,
          name(s.claimant),
          s.claimant,
          addressee === null ? '' : name(addressee),
          addressee ?? '',
          object === null ? '' : name(object),
          object ?? '',
          issue === null ? '' : issueName(set, issue),
          issue ?? '',
          pos(position),
          s.source?.label ?? '',
          s.source?.actor ?? '',
          s.quoteType ?? '',
          s.quote,
          s.coder,
        ]);
      chunk += row('claimant', null, null, s.position);
      for (const a of s.addressees) chunk += row('addressee', a, null, s.position);
      for (const o of s.objects) chunk += row('object', null, o.actor, o.position ?? s.position);
    }
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}
