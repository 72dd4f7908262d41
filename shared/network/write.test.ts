import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { buildNetwork, type NetworkType } from './build.ts';
import { csvMatrixChunks, dlChunks, eventListChunks, EVENT_COLUMNS, gexfChunks, graphmlChunks } from './write.ts';
import { ALICE, handExample } from './fixtures/hand-example.ts';

const set = handExample();
const join = (chunks: Iterable<string>) => [...chunks].join('');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['key', 'node', 'edge', 'data', 'attribute', 'attvalue', 'attributes'].includes(name) });

type Xml = Record<string, unknown>;
const list = (v: unknown) => (v ?? []) as Xml[];

// Nodes and edges per network type in the hand example (alice's layer): see build.test.ts.
const SIZES: Record<NetworkType, { nodes: number; edges: number }> = {
  'two-mode': { nodes: 6, edges: 7 },
  congruence: { nodes: 4, edges: 5 },
  conflict: { nodes: 4, edges: 6 },
  directed: { nodes: 3, edges: 3 },
};

describe('GraphML', () => {
  for (const [type, size] of Object.entries(SIZES) as [NetworkType, { nodes: number; edges: number }][]) {
    it(`${type}: well-formed, every data key declared with a type, counts as built`, () => {
      const xml = join(graphmlChunks(buildNetwork(set, { type, ...ALICE }), { description: 'a & b' }));
      expect(XMLValidator.validate(xml)).toBe(true);
      const doc = parser.parse(xml).graphml as Xml;
      const keys = list(doc.key);
      const graph = (doc.graph as Xml[] | Xml) as Xml;
      const nodes = list(graph.node);
      const edges = list(graph.edge);
      expect(nodes).toHaveLength(size.nodes);
      expect(edges).toHaveLength(size.edges);
      expect(graph['@edgedefault']).toBe(type === 'directed' ? 'directed' : 'undirected');
      const declared = new Map(keys.map((k) => [k['@id'] as string, k]));
      for (const k of keys) expect(['int', 'double', 'string']).toContain(k['@attr.type']);
      // Every <data> refers to a key declared for its element.
      for (const n of nodes) for (const d of list(n.data)) expect(declared.get(d['@key'] as string)?.['@for']).toBe('node');
      for (const e of edges) for (const d of list(e.data)) expect(declared.get(d['@key'] as string)?.['@for']).toBe('edge');
      // Edges point at existing nodes.
      const ids = new Set(nodes.map((n) => n['@id']));
      for (const e of edges) expect(ids.has(e['@source']) && ids.has(e['@target'])).toBe(true);
    });
  }

  it('escapes labels', () => {
    const xml = join(graphmlChunks(buildNetwork(set, { type: 'congruence', ...ALICE })));
    expect(xml).toContain('C &amp; Co &lt;Ltd&gt;');
    const nodes = list(((parser.parse(xml).graphml as Xml).graph as Xml).node);
    const label = list(nodes[2]!.data).find((d) => d['@key'] === 'n_label')!;
    expect(label['#text']).toBe('C & Co <Ltd>');
  });
});

describe('GEXF 1.3', () => {
  for (const [type, size] of Object.entries(SIZES) as [NetworkType, { nodes: number; edges: number }][]) {
    it(`${type}: namespace, declared attributes, counts as built`, () => {
      const xml = join(gexfChunks(buildNetwork(set, { type, ...ALICE }), { date: '2026-02-01' }));
      expect(XMLValidator.validate(xml)).toBe(true);
      const doc = parser.parse(xml).gexf as Xml;
      expect(doc['@xmlns']).toBe('http://gexf.net/1.3');
      expect(doc['@version']).toBe('1.3');
      const graph = doc.graph as Xml;
      const nodes = list((graph.nodes as Xml).node);
      const edges = list((graph.edges as Xml).edge);
      expect(nodes).toHaveLength(size.nodes);
      expect(edges).toHaveLength(size.edges);
      const declared = new Map(list(graph.attributes).map((a) => [a['@class'] as string, new Set(list(a.attribute).map((x) => x['@id']))]));
      for (const n of nodes) for (const v of list((n.attvalues as Xml).attvalue)) expect(declared.get('node')!.has(v['@for'])).toBe(true);
      for (const e of edges) for (const v of list((e.attvalues as Xml | undefined)?.attvalue)) expect(declared.get('edge')!.has(v['@for'])).toBe(true);
      expect(nodes.every((n) => typeof n['@label'] === 'string')).toBe(true);
    });
  }
});

describe('CSV matrix and UCINET DL', () => {
  it('CSV: DNA layout, RFC 4180, the hand-computed Jaccard congruence matrix', () => {
    const csv = join(csvMatrixChunks(buildNetwork(set, { type: 'congruence', normalisation: 'jaccard', ...ALICE })));
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(['', 'A', 'B', 'C & Co <Ltd>', 'D']);
    expect(rows[1]).toEqual(['A', '0', '0.5', '0.25', '0.25']);
    expect(rows[4]!.map((v, i) => (i === 0 ? v : Number(v)))).toEqual(['D', 0.25, 1 / 6, 1 / 6, 0]);
  });

  it('DL: two-mode full matrix with row and column labels', () => {
    const dl = join(dlChunks(buildNetwork(set, { type: 'two-mode', ...ALICE })));
    expect(dl.split('\r\n')).toEqual([
      'dl nr = 4, nc = 2, format = fullmatrix',
      'row labels:',
      '"A"',
      '"B"',
      '"C & Co <Ltd>"',
      '"D"',
      'col labels:',
      '"X"',
      '"Y"',
      'data:',
      '2 -1',
      '1 1',
      '-1 -1',
      '0 0',
      '',
    ]);
  });

  it('DL: one-mode uses n = and one label list; quotes in labels cannot break the file', () => {
    const withQuote = { ...set, actors: new Map(set.actors).set('a', { id: 'a', name: 'A "the" one', kind: null }) };
    const dl = join(dlChunks(buildNetwork(withQuote, { type: 'conflict', ...ALICE })));
    const lines = dl.split('\r\n');
    expect(lines[0]).toBe('dl n = 4, format = fullmatrix');
    expect(lines[2]).toBe(`"A 'the' one"`);
    expect(lines.slice(7, 11)).toEqual(['0 1 2 1', '1 0 2 0.5', '2 2 0 0.5', '1 0.5 0.5 0']);
  });
});

describe('event list', () => {
  it('one claimant row per statement × issue, plus addressee and object rows', () => {
    const csv = join(eventListChunks(set, set.statements));
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0]!)).toEqual([...EVENT_COLUMNS]);
    // 11 statements with one issue each → 11 claimant rows; s1: 1 addressee + 1 object; s4: 1 + 1.
    expect(rows).toHaveLength(15);
    expect(rows.filter((r) => r.role === 'claimant')).toHaveLength(11);
    const s1 = rows.filter((r) => r.statement_id === 's1');
    expect(s1.map((r) => [r.role, r.addressee, r.object, r.position])).toEqual([
      ['claimant', '', '', '1'],
      ['addressee', 'B', '', '1'],
      ['object', '', 'C & Co <Ltd>', '-1'],
    ]);
    expect(s1[0]).toMatchObject({ source: 'Reuters', source_id: 'r', quote_type: 'direct', quote: 'statement 1, "quoted", with a comma', outlet: 'Wire', date: '2026-01-01' });
    expect(rows.find((r) => r.statement_id === 's10')!.claimant).toBe('unknown');
    expect(rows.find((r) => r.statement_id === 's9')!.position).toBe('');
  });
});
