import { describe, expect, it } from 'vitest';
import { carryAttributes } from './carry-attributes.ts';
import { defaultCategories } from './default-codebook.ts';
import type { Category } from './types.ts';

const [claim, source, actor] = defaultCategories() as [Category, Category, Category];

describe('carryAttributes', () => {
  it('keeps every value within the same category', () => {
    expect(carryAttributes({ stance: 'opposes', verifiable: 'yes' }, claim, claim)).toEqual({ kept: { stance: 'opposes', verifiable: 'yes' }, dropped: [] });
  });

  it('reports the values the new category has no attribute for', () => {
    const r = carryAttributes({ stance: 'opposes', verifiable: 'yes' }, claim, source);
    expect(r.kept).toEqual({});
    expect(r.dropped.map((d) => `${d.name}: ${String(d.value)}`)).toEqual(['Stance: opposes', 'Verifiable: yes']);
  });

  it('keeps a choice only when it is still one of the options', () => {
    expect(carryAttributes({ type: 'official' }, source, actor)).toEqual({ kept: {}, dropped: [{ id: 'type', name: 'Type', value: 'official' }] });
    expect(carryAttributes({ type: 'other' }, source, { ...actor, attributes: [{ id: 'type', name: 'Type', type: 'choice', options: ['other'] }] }).kept).toEqual({ type: 'other' });
  });

  it('matches an attribute of another category by name and type when the ids differ', () => {
    const mine: Category = { ...source, id: 'mine', attributes: [{ id: 'a1', name: 'stance', type: 'choice', options: ['opposes'] }] };
    expect(carryAttributes({ stance: 'opposes' }, claim, mine)).toEqual({ kept: { a1: 'opposes' }, dropped: [] });
  });

  it('drops a value of the wrong type', () => {
    const flag: Category = { ...claim, attributes: [{ id: 'stance', name: 'Stance', type: 'boolean' }] };
    expect(carryAttributes({ stance: 'opposes' }, claim, flag).dropped).toHaveLength(1);
  });
});
