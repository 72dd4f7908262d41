import { describe, expect, it } from 'vitest';
import type { Project, Tag } from '../model/types.ts';
import { defaultCategories } from '../model/default-codebook.ts';
import { CODEBOOK_TEMPLATES, findTemplate, planApplyTemplate, templateTags } from './templates.ts';
import { positionAttribute, positionScaleOf, quoteTypeAttribute } from '../statements/roles.ts';

function ids() {
  let n = 0;
  return () => `id-${++n}`;
}

describe('codebook templates', () => {
  it('offers the default, Political claims analysis and Sources and attribution', () => {
    expect(CODEBOOK_TEMPLATES.map((t) => t.name)).toEqual(['Claims, sources and actors', 'Political claims analysis', 'Sources and attribution']);
  });

  it('Political claims analysis: the claim has Position (−1/0/+1, the statement form’s scale), Form and Scope', () => {
    const pca = findTemplate('political-claims');
    const claim = pca?.categories().find((c) => c.id === 'claim');
    expect(claim?.attributes.map((a) => a.name)).toEqual(['Position', 'Form', 'Scope']);
    expect(positionScaleOf(positionAttribute(claim))).toEqual({ min: -1, max: 1 });
    expect(quoteTypeAttribute(claim)?.name).toBe('Form');
  });

  it('Sources and attribution: source type, named/anonymous, direct/indirect', () => {
    const t = findTemplate('sources-attribution');
    const source = t?.categories().find((c) => c.id === 'source');
    expect(source?.attributes.map((a) => [a.name, a.options])).toEqual([
      ['Source type', ['official', 'expert', 'journalist', 'news agency', 'document', 'citizen', 'social media', 'other']],
      ['Named', ['named', 'anonymous']],
      ['Attribution', ['direct', 'indirect']],
    ]);
  });

  it('a new project’s tags: one per category with the keys 1, 2, 3', () => {
    const tags = templateTags(findTemplate('political-claims')!, 'p', ids(), 'T');
    expect(tags.map((t) => [t.categoryId, t.name, t.shortcut])).toEqual([['claim', 'Claim', '1'], ['source', 'Source', '2'], ['actor', 'Actor', '3']]);
  });

  it('applied to an existing codebook: adds only what is missing, keeps what is there', () => {
    const project: Project = { id: 'p', name: 'P', createdAt: 'T', updatedAt: 'T', categories: defaultCategories() };
    const tags: Tag[] = templateTags(findTemplate('basic')!, 'p', ids(), 'T');
    const { plan, result } = planApplyTemplate(findTemplate('political-claims')!, project, tags, ids(), 'T');
    expect(result.added).toEqual(['Claim › Position', 'Claim › Form', 'Claim › Scope']);
    const claim = plan.categories?.find((c) => c.id === 'claim');
    expect(claim?.attributes.map((a) => a.name)).toEqual(['Stance', 'Verifiable', 'Position', 'Form', 'Scope']);
    // Actor › Type exists by name: left as it was.
    expect(plan.categories?.find((c) => c.id === 'actor')?.attributes).toEqual(project.categories.find((c) => c.id === 'actor')?.attributes);
    expect(plan.putTags).toBeUndefined();
    const again = planApplyTemplate(findTemplate('political-claims')!, { ...project, categories: plan.categories! }, tags, ids(), 'T');
    expect(again.result.added).toEqual([]);
  });
});
