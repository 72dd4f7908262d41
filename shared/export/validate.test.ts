import { describe, expect, it } from 'vitest';
import { buildDataset } from './dataset.ts';
import { schemaValidationAvailable, validateDataset } from './validate.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

/** The fixture dataset as plain JSON, ready to be spoiled by a test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON
function json(): any {
  return JSON.parse(JSON.stringify(buildDataset(fixtureInput())));
}

describe('validateDataset', () => {
  it('finds no problem in a dataset built by buildDataset', () => {
    expect(schemaValidationAvailable()).toBe(true);
    expect(validateDataset(json())).toEqual([]);
  });

  it('reports schema problems with their path', () => {
    const d = json();
    d.format = 'something-else';
    delete d.articles[1].title;
    d.articles[0].annotations[0].start = 'seven';
    const problems = validateDataset(d);
    expect(problems.some((p) => p.startsWith('schema: /format'))).toBe(true);
    expect(problems.some((p) => p.includes('/articles/1') && p.includes('title'))).toBe(true);
    expect(problems.some((p) => p.includes('/articles/0/annotations/0/start'))).toBe(true);
  });

  it('checks offsets against quotes in code points, not UTF-16 units', () => {
    const d = json();
    const art = d.articles[0];
    const a = art.annotations.find((x: { id: string }) => x.id === 'ann-overlap');
    // What a JavaScript tool counting UTF-16 units would have written:
    a.start = art.text.indexOf(a.quote);
    a.end = a.start + a.quote.length;
    const problems = validateDataset(d);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/articles\[0\]\.annotations\[\d+\]: text\[\d+:\d+\] is .* not the quote/);
  });

  it('reports offsets past the end of the text', () => {
    const d = json();
    d.articles[2].annotations = [{ ...d.articles[0].annotations[0], id: 'far', start: 10, end: 500 }];
    expect(validateDataset(d)).toEqual([expect.stringContaining('outside the text')]);
  });

  it('checks references: tags, categories, parents, actors, labels, relations, duplicates', () => {
    const d = json();
    d.codebook.tags[1].parent = 'nope';
    d.codebook.tags[2].category = 'ghost';
    d.articles[0].annotations[0].tag = 'missing-tag';
    d.articles[0].annotations[1].actor = 'who';
    d.articles[0].labels.push('tag-claim');
    d.articles[0].relations[0].to = 'ann-uk-claim';
    d.articles[1].annotations[0].id = d.articles[0].annotations[2].id;
    d.articles[1].annotations[1].tag = 'tag-war';
    d.articles[1].annotations[1].tagName = 'War';
    d.articles[1].annotations[1].category = 'topic';
    const problems = validateDataset(d).join('\n');
    expect(problems).toContain('unknown parent tag "nope"');
    expect(problems).toContain('unknown category "ghost"');
    expect(problems).toContain('unknown tag "missing-tag"');
    expect(problems).toContain('unknown actor "who"');
    expect(problems).toContain('span-level category, not a document label');
    expect(problems).toContain('"to" refers to "ann-uk-claim", not an annotation of this article');
    expect(problems).toContain('duplicate annotation id');
    expect(problems).toContain('tag "War" is a document label, not a span tag');
  });

  it('detects a cycle of parent tags', () => {
    const d = json();
    d.codebook.tags[0].parent = 'tag-spin'; // tag-spin's parent is tag-claim
    expect(validateDataset(d).join('\n')).toContain('cycle');
  });

  it('still checks shape, offsets and references without the schema (browser under CSP)', () => {
    expect(validateDataset(json(), { schema: false })).toEqual([]);
    const d = json();
    d.version = 2;
    d.articles[0].annotations[0].start = 'x';
    d.articles[0].annotations[1].tag = 'missing-tag';
    const problems = validateDataset(d, { schema: false }).join('\n');
    expect(problems).toContain('/version must be 1');
    expect(problems).toContain('start and end must be integers');
    expect(problems).toContain('unknown tag "missing-tag"');
  });

  it('refuses what is not a dataset at all', () => {
    expect(validateDataset(null).length).toBeGreaterThan(0);
    expect(validateDataset([1, 2]).length).toBeGreaterThan(0);
  });
});
