// Issue #13: a colour enters the app from datasets (restore, merge) and REFI-QDA codebooks; only
// #rrggbb gets through, so no stored colour can carry CSS.
import { describe, expect, it } from 'vitest';
import { buildDataset, readDatasetHeader } from './dataset.ts';
import { mergeDataset } from './merge.ts';
import { parseQdc } from './formats/refi-qda.ts';
import { replacementWarnings } from './formats/index.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

const HOSTILE = '#000000) {} body {display:none} .topbar::after {content:"please re-enter your password"} ::highlight(x';

describe('colours entering from files', () => {
  it('a .qdc code with a hostile colour gets its parent’s colour', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="c1" name="Good" isCodable="true" color="#AABBCC"><Code guid="c2" name="Bad" isCodable="true" color='${HOSTILE.replace(/"/g, '&quot;')}'/></Code></Codes></CodeBook>`;
    const parsed = parseQdc(xml);
    expect(parsed.tags.map((t) => [t.name, t.color])).toEqual([
      ['Good', '#aabbcc'],
      ['Bad', '#aabbcc'],
    ]);
  });

  it('reading a dataset header and merging never pass a colour that is not #rrggbb', () => {
    const ds = buildDataset(fixtureInput());
    ds.codebook.tags[0]!.color = HOSTILE;
    ds.codebook.categories[0]!.color = 'orange';
    const header = readDatasetHeader(JSON.parse(JSON.stringify(ds)));
    expect(header.codebook.tags[0]!.color).toBe('#888888');
    expect(header.codebook.categories[0]!.color).toBe('#888888');
    const input = fixtureInput();
    const merged = mergeDataset({ project: { ...input.project, categories: [] }, articles: [], annotations: [], tags: [] }, { ...ds, articles: [] }, { makeId: () => crypto.randomUUID() });
    for (const c of [...merged.categoriesToAdd, ...merged.tagsToAdd]) expect(c.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(merged.tagsToAdd.length).toBeGreaterThan(0);
  });
});

describe('replacementWarnings', () => {
  it('lists lone surrogates that a UTF-8 export writes as U+FFFD, and nothing for JSON', () => {
    const ds = buildDataset(fixtureInput());
    ds.articles[0]!.annotations[0]!.quote = 'x\udc00';
    expect(replacementWarnings('csv', undefined, ds.articles)).toEqual(['article "Minister: the 🇺🇦 grain deal 😀 holds".annotations[0].quote: lone surrogate U+DC00 at code point 1 written as U+FFFD']);
    expect(replacementWarnings('json', undefined, ds.articles)).toEqual([]);
  });
});
