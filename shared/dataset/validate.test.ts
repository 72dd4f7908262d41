import { describe, expect, it } from 'vitest';
import { buildDataset } from './dataset.ts';
import { validateDataset } from './validate.ts';
import { MAX_NOTE_DEPTH } from './dataset-schema.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

/** The fixture dataset as plain JSON, ready to be spoiled by a test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON
function json(): any {
  return JSON.parse(JSON.stringify(buildDataset(fixtureInput())));
}

describe('validateDataset', () => {
  it('finds no problem in a dataset built by buildDataset', () => {
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
    d.version = 3;
    d.articles[0].annotations[0].start = 'x';
    d.articles[0].annotations[1].tag = 'missing-tag';
    const problems = validateDataset(d, { schema: false }).join('\n');
    expect(problems).toContain('/version must be 1 or 2');
    expect(problems).toContain('start and end must be integers');
    expect(problems).toContain('unknown tag "missing-tag"');
  });

  it('refuses what is not a dataset at all', () => {
    expect(validateDataset(null).length).toBeGreaterThan(0);
    expect(validateDataset([1, 2]).length).toBeGreaterThan(0);
  });
});

describe('validateDataset on hostile input (issue #13)', () => {
  it('refuses a tag colour that is not #rrggbb, e.g. one that carries CSS', () => {
    const d = json();
    d.codebook.tags[0].color = '#000000) {} body {display:none} .topbar::after {content:"please re-enter your password"} ::highlight(x';
    d.codebook.categories[0].color = 'orange';
    const problems = validateDataset(d);
    expect(problems).toContainEqual(expect.stringMatching(/^schema: \/codebook\/tags\/0\/color must be a colour of the form #rrggbb/));
    expect(problems).toContainEqual(expect.stringMatching(/^schema: \/codebook\/categories\/0\/color must be a colour of the form #rrggbb/));
  });

  it('refuses a title of the wrong type and an article without annotations', () => {
    const d = json();
    d.articles[0].title = { $$typeof: 'react.element', props: {} };
    delete d.articles[1].annotations;
    const problems = validateDataset(d);
    expect(problems).toContain('schema: /articles/0/title must be string');
    expect(problems).toContainEqual(expect.stringMatching(/^schema: \/articles\/1 must have required property 'annotations'/));
  });

  it('refuses a note nested deeper than the bound, with one clear line and no stack overflow', () => {
    const d = json();
    let doc: Record<string, unknown> = { type: 'text', text: 'deep' };
    for (let i = 0; i < 100_000; i++) doc = { type: 'paragraph', content: [doc] };
    d.articles[0].annotations[0].note = { text: 'deep', doc };
    const problems = validateDataset(d);
    expect(problems).toEqual([`schema: /articles/0/annotations/0/note/doc is nested more than ${MAX_NOTE_DEPTH} levels deep (a note's document may have at most ${MAX_NOTE_DEPTH})`]);
  });

  it('accepts a note at the depth bound, as the note editor writes it', () => {
    const d = json();
    let doc: Record<string, unknown> = { type: 'text', text: 'ok', marks: [{ type: 'bold' }] };
    for (let i = 1; i < MAX_NOTE_DEPTH; i++) doc = { type: 'bulletList', attrs: { start: 1, tight: true }, content: [doc] };
    d.articles[0].annotations[0].note = { text: 'ok', doc };
    expect(validateDataset(d)).toEqual([]);
  });

  it('reports lone surrogates with where they are (CSV, REFI-QDA and brat cannot write them)', () => {
    const d = json();
    d.articles[1].title = 'Broken \ud83d title';
    d.actors[0].name = 'Actor \udc00';
    const problems = validateDataset(d);
    expect(problems).toEqual([
      expect.stringMatching(/^unicode: actors\[0\]\.name has a lone surrogate U\+DC00 at code point 6: /),
      expect.stringMatching(/^unicode: articles\[1\]\.title has a lone surrogate U\+D83D at code point 7: .*U\+FFFD/),
    ]);
  });
});
