import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { buildDataset } from '../dataset.ts';
import { csvChunks, csvField, csvRelationChunks, relationsCsvPath } from './csv.ts';
import { fixtureInput } from '../fixtures/fixture-project.ts';

function csvText(bom = false): string {
  return [...csvChunks(buildDataset(fixtureInput()), { bom })].join('');
}

function parse(text: string): Record<string, string>[] {
  const out = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(out.errors).toEqual([]);
  return out.data;
}

describe('csvChunks', () => {
  it('matches the golden file', async () => {
    await expect(csvText()).toMatchFileSnapshot('../fixtures/golden/annotations.csv');
  });

  it('names each annotation’s links by role: ids, quotes and canonical actors', () => {
    const rows = parse(csvText());
    expect(rows.find((r) => r.annotation_id === 'ann-claim-hold')).toMatchObject({
      claimant_ids: 'ann-minister',
      claimant_quotes: 'The minister',
      claimant_actors: 'Minister of Agriculture',
      according_to_ids: 'ann-reuters',
      according_to_quotes: 'Reuters',
      according_to_actors: 'Reuters',
      about_ids: '',
      about_quotes: '',
      about_actors: '',
    });
    expect(rows.find((r) => r.annotation_id === 'ann-minister')).toMatchObject({ claimant_ids: '', according_to_ids: '' });
  });

  it('joins several links of one role with "; " in the order of the relations', () => {
    const input = fixtureInput();
    input.relations.push({ ...input.relations[0]!, id: 'rel-claimant-2', toId: 'ann-reuters' });
    const rows = parse([...csvChunks(buildDataset(input))].join(''));
    expect(rows.find((r) => r.annotation_id === 'ann-claim-hold')).toMatchObject({ claimant_ids: 'ann-minister; ann-reuters', claimant_actors: 'Minister of Agriculture; Reuters' });
  });

  it('writes one row per annotation with code point offsets that slice to the quote', () => {
    const ds = buildDataset(fixtureInput());
    const rows = parse(csvText());
    expect(rows).toHaveLength(fixtureInput().annotations.length);
    for (const r of rows) {
      const text = ds.articles.find((a) => a.id === r.article_id)!.text;
      expect([...text].slice(Number(r.start), Number(r.end)).join('')).toBe(r.quote);
    }
  });

  it('flattens attributes into attr.<category>.<attribute> columns and names tags, actors, labels', () => {
    const rows = parse(csvText());
    const hold = rows.find((r) => r.annotation_id === 'ann-claim-hold')!;
    expect(hold).toMatchObject({
      category: 'Claim',
      tag: 'Claim',
      'attr.Claim.Stance': 'supports',
      'attr.Claim.Verifiable': 'yes',
      'attr.Source.Type': '',
      outlet: 'Example Wire',
      date: '2026-01-09',
      labels: 'War; Economy',
      coder: 'alice',
    });
    expect(hold.note).toContain('"winter"');
    expect(rows.find((r) => r.annotation_id === 'ann-reuters')).toMatchObject({ 'attr.Source.Type': 'news agency', actor: 'Reuters', 'attr.Claim.Stance': '' });
  });

  it('quotes per RFC 4180 and ends every record with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const text = csvText();
    // The span across paragraphs keeps its line breaks inside a quoted field.
    expect(text).toContain('"The minister said the deal will hold.\n\nThe mayor of Ки\u0301їв"');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]!.startsWith('article_id,title,')).toBe(true);
  });

  it('adds a UTF-8 byte order mark only when asked', () => {
    expect(csvText().charCodeAt(0)).not.toBe(0xfeff);
    const withBom = csvText(true);
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(withBom.slice(1)).toBe(csvText());
  });
});

describe('csvRelationChunks', () => {
  const relationsText = (bom = false) => [...csvRelationChunks(buildDataset(fixtureInput()), { bom })].join('');

  it('matches the golden file', async () => {
    await expect(relationsText()).toMatchFileSnapshot('../fixtures/golden/relations.csv');
  });

  it('writes one RFC 4180 row per link with both ends, the exported and the UI type name', () => {
    const rows = parse(relationsText());
    expect(rows).toEqual([
      expect.objectContaining({ relation_id: 'rel-claimant', type: 'claimant', type_label: 'claimed by', article_id: 'art-grain', from_id: 'ann-claim-hold', from_category: 'Claim', from_quote: 'The minister said the grain deal 😀 will hold through winter', to_id: 'ann-minister', to_category: 'Actor', to_quote: 'The minister', to_actor: 'Minister of Agriculture', coder: 'alice' }),
      expect.objectContaining({ relation_id: 'rel-according', type: 'according-to', type_label: 'according to', to_id: 'ann-reuters', to_category: 'Source', to_actor: 'Reuters' }),
    ]);
    expect(relationsText().endsWith('\r\n')).toBe(true);
    expect(relationsText(true).startsWith('\uFEFFrelation_id,')).toBe(true);
  });

  it('is named beside the annotations file', () => {
    expect(relationsCsvPath('/data/corpus.csv')).toBe('/data/corpus-relations.csv');
    expect(relationsCsvPath('out')).toBe('out-relations.csv');
  });
});
