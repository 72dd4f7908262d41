import { describe, expect, it } from 'vitest';
import { buildDataset, datasetToRecords, type Dataset } from './dataset.ts';
import { mergeDataset } from './merge.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

function setup() {
  const input = fixtureInput();
  const incoming: Dataset = buildDataset(input);
  let n = 0;
  const makeId = () => `m-${++n}`;
  // The project as another coder has it: same articles, none of the annotations yet.
  const existing = { project: input.project, articles: input.articles, annotations: [], tags: input.tags, actors: input.actors };
  return { input, incoming, existing, makeId };
}

describe('mergeDataset', () => {
  it('matches articles by content and adds every annotation at the right place', () => {
    const { input, incoming, existing, makeId } = setup();
    const r = mergeDataset(existing, incoming, { coder: 'carol', makeId });
    expect(r.matched.map((m) => m.articleId)).toEqual(input.articles.map((a) => a.id));
    expect(r.articlesToAdd).toEqual([]);
    expect(r.tagsToAdd).toEqual([]);
    expect(r.orphans).toEqual([]);
    expect(r.annotationsToAdd).toHaveLength(input.annotations.length);
    for (const a of r.annotationsToAdd) {
      const art = input.articles.find((x) => x.id === a.articleId)!;
      expect(art.text.slice(a.start, a.end)).toBe(a.quote);
      expect(a.coder).toBe('carol');
    }
    expect(r.relationsToAdd).toHaveLength(2);
    const ids = new Set(r.annotationsToAdd.map((a) => a.id));
    expect(r.relationsToAdd.every((rel) => ids.has(rel.fromId) && ids.has(rel.toId))).toBe(true);
    expect(r.reanchored).toBe(0);
  });

  it('re-anchors by quote and context when the project text differs, and reports orphans', () => {
    const { input, incoming, existing, makeId } = setup();
    // The project's copy of the first article has an extra sentence at the top; it is still
    // matched through its content hash, but every stored offset is now off.
    const grain = existing.articles[0]!;
    existing.articles[0] = { ...grain, text: 'Update 🇺🇦: new details below.\n\n' + grain.text };
    // One quote no longer exists in the incoming text's coordinates nor anywhere in the project.
    const incomingGrain = incoming.articles[0]!;
    const lost = incomingGrain.annotations.find((a) => a.id === 'ann-reuters')!;
    lost.quote = 'Associated Press';
    const r = mergeDataset(existing, incoming, { makeId });
    expect(r.matched[0]!.articleId).toBe(grain.id); // by content hash
    const onGrain = r.annotationsToAdd.filter((a) => a.articleId === grain.id);
    expect(onGrain).toHaveLength(input.annotations.filter((a) => a.articleId === grain.id).length - 1);
    for (const a of onGrain) expect(existing.articles[0]!.text.slice(a.start, a.end)).toBe(a.quote);
    expect(r.reanchored).toBe(onGrain.length);
    expect(r.orphans).toEqual([{ articleTitle: grain.title, annotationId: 'ann-reuters', quote: 'Associated Press', reason: 'quote not found in the article text' }]);
    // The relation to the orphan is not added; the other one is.
    expect(r.relationsToAdd.map((x) => x.type)).toEqual(['claimant']);
  });

  it('re-anchors across changed white space and stores the quote as the project text has it', () => {
    const { incoming, existing, makeId } = setup();
    const uk = existing.articles[1]!;
    existing.articles[1] = { ...uk, text: uk.text.replace('«Ми переможемо» 🇺🇦', '«Ми  переможемо»\u00a0🇺🇦') };
    const r = mergeDataset(existing, incoming, { makeId });
    const claim = r.annotationsToAdd.find((a) => a.articleId === uk.id && a.tagId === 'tag-claim')!;
    expect(claim.quote).toBe('«Ми  переможемо»\u00a0🇺🇦');
    expect(existing.articles[1]!.text.slice(claim.start, claim.end)).toBe(claim.quote);
    expect(r.orphans).toEqual([]);
  });

  it('matches by normalised text when hashes are absent', () => {
    const { incoming, existing, makeId } = setup();
    existing.articles = existing.articles.map((a) => ({ ...a, contentHash: '' }));
    incoming.articles.forEach((a) => (a.contentHash = ''));
    incoming.articles[2]!.text = '  A SHORT wire item   with no coding yet.';
    const r = mergeDataset(existing, incoming, { makeId });
    expect(r.matched).toHaveLength(3);
  });

  it('is idempotent: merging the same work twice adds nothing the second time', () => {
    const { incoming, existing, makeId } = setup();
    const first = mergeDataset(existing, incoming, { makeId });
    const second = mergeDataset({ ...existing, annotations: first.annotationsToAdd }, incoming, { makeId });
    expect(second.annotationsToAdd).toEqual([]);
    expect(second.duplicates).toBe(first.annotationsToAdd.length);
  });

  it('adds unknown articles, tags, categories and actors, or reports their annotations', () => {
    const { input, incoming, makeId } = setup();
    const empty = { project: { ...input.project, categories: input.project.categories.filter((c) => c.id !== 'topic') }, articles: [], annotations: [], tags: [], actors: [] };
    const r = mergeDataset(empty, incoming, { makeId });
    expect(r.articlesToAdd).toHaveLength(3);
    expect(r.categoriesToAdd.map((c) => c.name)).toEqual(['Topic']);
    expect(r.tagsToAdd).toHaveLength(input.tags.length);
    const spin = r.tagsToAdd.find((t) => t.name === 'Spin')!;
    expect(r.tagsToAdd.find((t) => t.id === spin.parentId)!.name).toBe('Claim');
    expect(r.actorsToAdd.map((a) => a.name).sort()).toEqual(input.actors.map((a) => a.name).sort());
    expect(r.annotationsToAdd).toHaveLength(input.annotations.length);
    expect(r.articlesToAdd[0]!.labels).toHaveLength(2);

    const strict = mergeDataset(empty, incoming, { makeId, addUnmatchedArticles: false });
    expect(strict.annotationsToAdd).toEqual([]);
    expect(strict.orphans).toHaveLength(input.annotations.length);
    expect(strict.orphans.every((o) => o.reason === 'article not in the project')).toBe(true);
  });

  it('merges into a project restored from the same dataset with fresh ids', () => {
    const { incoming, makeId } = setup();
    const restored = datasetToRecords(incoming, { makeId });
    const r = mergeDataset({ ...restored, annotations: [] }, incoming, { makeId });
    expect(r.tagsToAdd).toEqual([]);
    expect(r.annotationsToAdd.every((a) => restored.tags.some((t) => t.id === a.tagId))).toBe(true);
    expect(r.labelsToAdd).toEqual([]);
  });
  it('keeps each coder’s work as its own layer keyed by coder, even on identical spans (reliability studies)', () => {
    const { input, existing, makeId } = setup();
    // Two coders' exports of the same corpus, coded identically: nothing is a duplicate of the other.
    const asCoder = (coder: string) => {
      const ds = buildDataset(input);
      for (const a of ds.articles) for (const x of a.annotations) x.coder = coder;
      return ds;
    };
    const first = mergeDataset(existing, asCoder('ann'), { makeId });
    expect(first.duplicates).toBe(0);
    const afterFirst = { ...existing, annotations: first.annotationsToAdd };
    const second = mergeDataset(afterFirst, asCoder('bob'), { makeId });
    expect(second.duplicates).toBe(0);
    expect(second.annotationsToAdd).toHaveLength(input.annotations.length);
    expect(new Set(second.annotationsToAdd.map((a) => a.coder))).toEqual(new Set(['bob']));
    // Same places, two layers: each of ann's spans has bob's twin.
    const key = (a: { articleId: string; tagId: string; start: number; end: number }) => `${a.articleId}|${a.tagId}|${a.start}|${a.end}`;
    expect(second.annotationsToAdd.map(key).sort()).toEqual(first.annotationsToAdd.map(key).sort());
    // Merging bob's file again adds nothing: duplicates are per coder.
    const again = mergeDataset({ ...existing, annotations: [...first.annotationsToAdd, ...second.annotationsToAdd] }, asCoder('bob'), { makeId });
    expect(again.annotationsToAdd).toEqual([]);
    expect(again.duplicates).toBe(input.annotations.length);
  });
});
