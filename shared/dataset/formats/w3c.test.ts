import { describe, expect, it } from 'vitest';
import { fullFormats } from 'ajv-formats/dist/formats.js';

// ajv-formats types each format as a union (regex, function or object); these two are known shapes.
const isUri = fullFormats.uri as (s: string) => boolean;
const isDateTime = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate;
import { buildDataset } from '../dataset.ts';
import { w3cChunks, w3cCollection } from './w3c.ts';
import { fixtureInput } from '../fixtures/fixture-project.ts';

type Json = Record<string, unknown>;
type Item = { id: string; motivation: string; body: unknown; target: unknown; created?: string; creator?: Json };

function items(): Item[] {
  const col = w3cCollection(buildDataset(fixtureInput())) as { first: { items: Item[] }; total: number };
  expect(col.total).toBe(col.first.items.length);
  return col.first.items;
}

/** The parts of the Web Annotation MUST rules that matter for what we emit (the full W3C test
 * schemas were run against this output while developing; see docs/dataset.md). */
function checkMusts(a: Json): void {
  expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(a.type).toBe('Annotation');
  expect(isUri(String(a.id))).toBe(true);
  expect(a.target).toBeDefined();
  const target = a.target as Json | string;
  expect(isUri(typeof target === 'string' ? target : String(target.source))).toBe(true);
  expect('bodyValue' in a).toBe(false);
  for (const key of ['created', 'modified']) {
    if (key in a) expect(isDateTime(String(a[key]))).toBe(true);
  }
}

describe('w3cChunks', () => {
  it('matches the golden file', async () => {
    await expect([...w3cChunks(buildDataset(fixtureInput()))].join('')).toMatchFileSnapshot('../fixtures/golden/annotations.w3c.jsonld');
  });

  it('gives each span a quote and a code point position selector that agree with the text', () => {
    const ds = buildDataset(fixtureInput());
    const spans = items().filter((i) => i.motivation === 'tagging');
    expect(spans).toHaveLength(fixtureInput().annotations.length);
    for (const s of spans) {
      checkMusts(s as unknown as Json);
      const target = s.target as { source: string; selector: Json[] };
      const [quote, pos] = target.selector as [Json, Json];
      expect(quote.type).toBe('TextQuoteSelector');
      expect(pos.type).toBe('TextPositionSelector');
      const article = ds.articles.find((a) => target.source.endsWith(`:${a.id}`))!;
      expect([...article.text].slice(pos.start as number, pos.end as number).join('')).toBe(quote.exact);
    }
  });

  it('carries tag, category, attributes, note, creator and times', () => {
    const hold = items().find((i) => i.id === 'urn:presswork:annotation:ann-claim-hold')!;
    expect(hold.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'Claim' },
      { type: 'TextualBody', purpose: 'classifying', value: 'Claim' },
      { type: 'TextualBody', purpose: 'describing', value: 'Stance: supports' },
      { type: 'TextualBody', purpose: 'describing', value: 'Verifiable: yes' },
      expect.objectContaining({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain' }),
    ]);
    expect(hold.creator).toEqual({ type: 'Person', name: 'alice' });
    expect(hold.created).toBe('2026-01-10T09:00:00.000Z');
  });

  it('writes relations as linking and labels as classifying annotations', () => {
    const all = items();
    const links = all.filter((i) => i.motivation === 'linking');
    expect(links).toHaveLength(2);
    expect(links[0]).toMatchObject({
      target: 'urn:presswork:annotation:ann-claim-hold',
      body: ['urn:presswork:annotation:ann-minister', { type: 'TextualBody', purpose: 'tagging', value: 'claimant' }],
    });
    const labels = all.filter((i) => i.motivation === 'classifying');
    expect(labels.map((l) => (l.body as Json).value)).toEqual(['War', 'Economy']);
    for (const i of all) checkMusts(i as unknown as Json);
  });

  it('uses urn:uuid for uuid ids and a base IRI when given', () => {
    const input = fixtureInput();
    const uuid = '0b7f2b1a-8c55-4a0e-b0c2-9d4b2f0e7d21';
    input.annotations[0]!.id = uuid;
    input.relations = [];
    const ds = buildDataset(input);
    expect(w3cCollection(ds).first).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ id: `urn:uuid:${uuid}` })]) });
    const based = w3cCollection(ds, { baseIri: 'https://example.org/c/' }) as { id: string };
    expect(based.id).toBe('https://example.org/c/project/prj-media-study');
  });

  it('writes an empty but valid collection for a project without annotations', () => {
    const ds = { ...buildDataset(fixtureInput()), articles: [] };
    expect(w3cCollection(ds)).toMatchObject({ type: 'AnnotationCollection', total: 0, first: { items: [] } });
  });
});
