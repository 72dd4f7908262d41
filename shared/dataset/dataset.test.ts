import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildDataset, datasetJsonChunks, datasetToRecords, readDataset, type Dataset } from './dataset.ts';
import { DATASET_SCHEMA } from './dataset-schema.ts';
import { validateDataset } from './validate.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

const schemaFile = new URL('../../resources/schema/presswork-dataset.schema.json', import.meta.url);

function fixtureDataset(): Dataset {
  return buildDataset(fixtureInput());
}

/** Python's `text[start:end]`: slicing by code points. */
function pySlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

describe('buildDataset', () => {
  it('matches the golden file', async () => {
    const json = [...datasetJsonChunks(fixtureDataset())].join('');
    await expect(json).toMatchFileSnapshot('./fixtures/golden/dataset.json');
  });

  it('keeps text[start:end] == quote in code points for every annotation', () => {
    const ds = fixtureDataset();
    let count = 0;
    for (const art of ds.articles) {
      for (const a of art.annotations) {
        expect(pySlice(art.text, a.start, a.end)).toBe(a.quote);
        count++;
      }
    }
    expect(count).toBe(fixtureInput().annotations.length);
  });

  it('counts astral characters as one and differs from UTF-16 after them', () => {
    const ds = fixtureDataset();
    const input = fixtureInput();
    const overlap = ds.articles[0]!.annotations.find((a) => a.id === 'ann-overlap')!;
    const stored = input.annotations.find((a) => a.id === 'ann-overlap')!;
    // Before this span: 😀 and 𝐀, each two UTF-16 units but one code point.
    expect(stored.start - overlap.start).toBe(2);
    expect(overlap.quote).toContain('🇺🇦');
  });

  it('denormalises tag name and category, keeps notes, attributes, actors and relations', () => {
    const art = fixtureDataset().articles[0]!;
    const hold = art.annotations.find((a) => a.id === 'ann-claim-hold')!;
    expect(hold).toMatchObject({ tag: 'tag-claim', tagName: 'Claim', category: 'claim', attributes: { stance: 'supports' } });
    expect(hold.note?.text).toContain('ministry transcript');
    expect(art.annotations.find((a) => a.id === 'ann-minister')!.actor).toBe('act-minister');
    expect(art.relations.map((r) => [r.type, r.from, r.to])).toEqual([
      ['claimant', 'ann-claim-hold', 'ann-minister'],
      ['according-to', 'ann-claim-hold', 'ann-reuters'],
    ]);
    expect(art.labels).toEqual(['tag-war', 'tag-economy']);
  });

  it('leaves out relations whose annotations are outside the export scope', () => {
    const input = fixtureInput();
    input.annotations = input.annotations.filter((a) => a.id !== 'ann-reuters');
    const art = buildDataset(input).articles[0]!;
    expect(art.relations.map((r) => r.id)).toEqual(['rel-claimant']);
  });

  it('places a damaged annotation again by its quote, and leaves out and reports one it cannot place', () => {
    const input = fixtureInput();
    const shifted = input.annotations.find((a) => a.id === 'ann-reuters')!;
    shifted.start += 2;
    shifted.end += 2;
    const lost = input.annotations.find((a) => a.id === 'ann-mayor')!;
    lost.end = 10_000;
    lost.quote = 'nowhere to be found';
    const skipped: [string, string][] = [];
    const ds = buildDataset({ ...input, onSkipped: (a, reason) => skipped.push([a.id, reason]) });
    const art = ds.articles[0]!;
    const reuters = art.annotations.find((a) => a.id === 'ann-reuters')!;
    expect(pySlice(art.text, reuters.start, reuters.end)).toBe('Reuters');
    expect(art.annotations.some((a) => a.id === 'ann-mayor')).toBe(false);
    expect(skipped).toEqual([['ann-mayor', `offsets ${lost.start}..10000 are outside the article text`]]);
  });

  it('never writes a dangling reference: unknown tags, labels and actors', () => {
    const input = fixtureInput();
    input.annotations.find((a) => a.id === 'ann-spin')!.tagId = 'deleted-tag';
    input.articles[0]!.labels.push('deleted-label');
    input.actors = input.actors.filter((a) => a.id !== 'act-reuters');
    const skipped: string[] = [];
    const ds = buildDataset({ ...input, onSkipped: (a, reason) => skipped.push(`${a.id}: ${reason}`) });
    expect(skipped).toEqual(['ann-spin: its tag "deleted-tag" is not in the codebook']);
    const art = ds.articles[0]!;
    expect(art.labels).toEqual(['tag-war', 'tag-economy']);
    expect(art.annotations.find((a) => a.id === 'ann-reuters')!.actor).toBeNull();
    expect(validateDataset(JSON.parse(JSON.stringify(ds)))).toEqual([]);
  });

  it('validates against its own JSON Schema (ajv, draft 2020-12)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    const ok = validate(JSON.parse(JSON.stringify(fixtureDataset())));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // And the schema really constrains: a negative offset is refused.
    const bad = JSON.parse(JSON.stringify(fixtureDataset()));
    bad.articles[0].annotations[0].start = -1;
    expect(validate(bad)).toBe(false);
    // Metadata fields a later app version adds pass, as long as they are strings.
    const later = JSON.parse(JSON.stringify(fixtureDataset()));
    later.articles[0].meta.section = 'World';
    expect(validate(later)).toBe(true);
    later.articles[0].meta.outlet = 5;
    expect(validate(later)).toBe(false);
  });

  it('publishes the same schema as the module the code uses', () => {
    // `npm run gen:schema` rewrites the file after a change to dataset-schema.ts.
    const published = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(DATASET_SCHEMA)));
  });
});

describe('datasetJsonChunks', () => {
  it('concatenates to JSON.stringify of the dataset, one chunk per article', () => {
    const ds = fixtureDataset();
    const chunks = [...datasetJsonChunks(ds)];
    expect(chunks.join('')).toBe(JSON.stringify(ds, null, 2) + '\n');
    expect(chunks.length).toBe(ds.articles.length + 2);
    expect([...datasetJsonChunks(ds, { indent: 0 })].join('')).toBe(JSON.stringify(ds) + '\n');
  });

  it('handles an empty project and a lazy article source', () => {
    const ds = { ...fixtureDataset(), articles: [] };
    expect([...datasetJsonChunks(ds)].join('')).toBe(JSON.stringify(ds, null, 2) + '\n');
    const full = fixtureDataset();
    function* lazy() {
      yield* full.articles;
    }
    expect(JSON.parse([...datasetJsonChunks({ ...full, articles: lazy() })].join(''))).toEqual(full);
  });
});

describe('datasetToRecords', () => {
  it('round-trips: export → records → export gives the same dataset', () => {
    const ds = fixtureDataset();
    const records = datasetToRecords(ds, { keepIds: true });
    expect(records.orphans).toEqual([]);
    const again = buildDataset({ ...records, exportedAt: ds.exportedAt });
    expect(again).toEqual(ds);
  });

  it('converts code points back to the UTF-16 offsets the app stores', () => {
    const input = fixtureInput();
    const records = datasetToRecords(fixtureDataset(), { keepIds: true });
    for (const a of input.annotations) {
      const back = records.annotations.find((r) => r.id === a.id)!;
      expect([back.start, back.end]).toEqual([a.start, a.end]);
    }
  });

  it('gives fresh ids consistently when asked, keeping the structure', () => {
    let n = 0;
    const ds = fixtureDataset();
    const records = datasetToRecords(ds, { makeId: () => `new-${++n}` });
    const ids = new Set([...records.tags, ...records.articles, ...records.annotations, ...records.relations, ...records.actors].map((r) => r.id));
    expect([...ids].every((id) => id.startsWith('new-'))).toBe(true);
    const spin = records.tags.find((t) => t.name === 'Spin')!;
    expect(records.tags.find((t) => t.id === spin.parentId)!.name).toBe('Claim');
    const rel = records.relations[0]!;
    expect(records.annotations.find((a) => a.id === rel.fromId)!.quote).toContain('grain deal');
    expect(records.articles.every((a) => a.projectId === records.project.id)).toBe(true);
    // Re-exported, the dataset is the same up to ids.
    const again = buildDataset({ ...records, exportedAt: ds.exportedAt });
    const strip = (d: Dataset) => d.articles.map((a) => a.annotations.map((x) => [x.tagName, x.start, x.end, x.quote, x.coder]));
    expect(strip(again)).toEqual(strip(ds));
  });

  it('re-anchors an annotation whose offsets drifted and reports one whose quote is gone', () => {
    const ds = fixtureDataset();
    const art = ds.articles[0]!;
    art.annotations[0]!.start += 3;
    art.annotations[0]!.end += 3;
    art.annotations[1]!.quote = 'not in the text';
    const records = datasetToRecords(ds, { keepIds: true });
    const moved = records.annotations.find((a) => a.id === art.annotations[0]!.id)!;
    expect(art.text.slice(moved.start, moved.end)).toBe(art.annotations[0]!.quote);
    expect(records.orphans).toEqual([
      expect.objectContaining({ annotationId: art.annotations[1]!.id, quote: 'not in the text', articleTitle: art.title }),
    ]);
  });
});

describe('datasetToRecords: nothing dropped without a word (issue #9 item 6)', () => {
  it('reports a relation left out because one of its annotations could not be placed', () => {
    const ds = fixtureDataset();
    const grain = ds.articles.find((a) => a.id === 'art-grain')!;
    grain.annotations.find((a) => a.id === 'ann-minister')!.quote = 'a quote that is not in the text';
    const records = datasetToRecords(ds, { keepIds: true });
    expect(records.orphans.map((o) => o.annotationId)).toEqual(['ann-minister']);
    expect(records.relations.map((r) => r.id)).toEqual(['rel-according']);
    expect(records.dropped).toEqual([`“${grain.title}”: relation “claimant” not kept: its annotation “a quote that is not in the text” could not be placed`]);
  });

  it('keeps no link to an actor, tag or label the dataset does not define, and says so', () => {
    const ds = fixtureDataset();
    const grain = ds.articles.find((a) => a.id === 'art-grain')!;
    grain.annotations.find((a) => a.id === 'ann-mayor')!.actor = 'act-nobody';
    grain.annotations.find((a) => a.id === 'ann-reuters')!.tag = 'tag-deleted';
    grain.labels = [...grain.labels, 'tag-gone'];
    const records = datasetToRecords(ds, { makeId: (() => { let n = 0; return () => `new-${++n}`; })() });
    const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
    const actorIds = ids(records.actors);
    const tagIds = ids(records.tags);
    // No dangling reference is stored...
    expect(records.annotations.every((a) => a.actorId === undefined || actorIds.has(a.actorId))).toBe(true);
    expect(records.annotations.every((a) => tagIds.has(a.tagId))).toBe(true);
    expect(records.articles.every((a) => a.labels.every((l) => tagIds.has(l)))).toBe(true);
    // ...and what was left out is reported.
    expect(records.annotations.find((a) => a.quote === 'mayor of Ки\u0301їв')?.actorId).toBeUndefined();
    expect(records.orphans).toEqual([expect.objectContaining({ quote: 'Reuters', reason: 'unknown tag "tag-deleted"' })]);
    expect(records.dropped).toEqual([
      `“${grain.title}”: label “tag-gone” not kept: no such tag in the codebook`,
      `“${grain.title}”: the link of “mayor of Ки\u0301їв” to actor “act-nobody” not kept: no such actor in the dataset`,
      `“${grain.title}”: relation “according-to” not kept: its annotation “Reuters” could not be placed`,
    ]);
  });
});

describe('readDataset', () => {
  it('fills optional fields of a minimal dataset', () => {
    const minimal = {
      format: 'presswork-dataset',
      version: 1,
      exportedAt: '2026-01-01T00:00:00Z',
      project: { id: 'p', name: 'P' },
      codebook: { categories: [{ id: 'claim', name: 'Claim', level: 'span' }], tags: [{ id: 't', name: 'Claim', category: 'claim', parent: null, color: '#ffffff' }] },
      actors: [],
      articles: [{ id: 'a', title: 'A', text: '😀 hi', meta: {}, status: 'todo', labels: [], annotations: [{ id: 'x', tag: 't', start: 2, end: 4, quote: 'hi' }], relations: [] }],
    };
    const ds = readDataset(minimal);
    expect(ds.articles[0]!.annotations[0]).toMatchObject({ tagName: 'Claim', category: 'claim', prefix: '', note: null, actor: null });
    const records = datasetToRecords(ds, { keepIds: true });
    expect(records.annotations[0]).toMatchObject({ start: 3, end: 5, quote: 'hi' });
  });
});
