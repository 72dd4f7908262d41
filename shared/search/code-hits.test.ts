import { describe, expect, it } from 'vitest';
import { describeHitCoding, planHitCoding, tagsAtHit, type ExistingAnnotation, type SelectedHit } from './code-hits.ts';

const TEXT = 'Президент Лукашенко заявил, что Лукашенку поддержали.';
const texts = (id: string) => (id === 'a1' ? TEXT : undefined);
const at = (word: string, from = 0): SelectedHit => {
  const start = TEXT.indexOf(word, from);
  return { articleId: 'a1', start, end: start + word.length, hit: word, title: 'Заявление' };
};

describe('planHitCoding', () => {
  it('makes one annotation per hit, snapped to whole words', () => {
    // A prefix hit covering part of a word becomes the whole word.
    const partial = { ...at('Лукашенко'), end: TEXT.indexOf('Лукашенко') + 5, hit: 'Лукаш' };
    const plan = planHitCoding([partial, at('Лукашенку')], texts, [], { tagId: 't1', snap: true });
    expect(plan.create.map((c) => TEXT.slice(c.start, c.end))).toEqual(['Лукашенко', 'Лукашенку']);
    expect(plan.duplicates).toEqual([]);
  });

  it('keeps the hit as it is when snapping is off', () => {
    const partial = { ...at('Лукашенко'), end: TEXT.indexOf('Лукашенко') + 5 };
    const plan = planHitCoding([partial], texts, [], { tagId: 't1', snap: false });
    expect(TEXT.slice(plan.create[0]!.start, plan.create[0]!.end)).toBe('Лукаш');
  });

  it('skips a hit already coded with the same tag at the same span, and names it', () => {
    const h = at('Лукашенку');
    const existing: ExistingAnnotation[] = [{ id: 'x', articleId: 'a1', tagId: 't1', start: h.start, end: h.end }];
    const plan = planHitCoding([at('Лукашенко'), h], texts, existing, { tagId: 't1', snap: true });
    expect(plan.create).toHaveLength(1);
    expect(plan.duplicates).toEqual([h]);
    expect(describeHitCoding(plan, 'Politician')).toBe('1 annotation added as Politician; 1 hit was already coded so, skipped: “Лукашенку” in “Заявление”.');
  });

  it('codes another tag at an already-coded span (not a duplicate)', () => {
    const h = at('Лукашенку');
    const plan = planHitCoding([h], texts, [{ id: 'x', articleId: 'a1', tagId: 't2', start: h.start, end: h.end }], { tagId: 't1', snap: true });
    expect(plan.create).toHaveLength(1);
  });

  it('codes two lines that snap to the same span once', () => {
    const w = at('Лукашенко');
    const plan = planHitCoding([{ ...w, end: w.start + 3 }, { ...w, start: w.start + 4 }], texts, [], { tagId: 't1', snap: true });
    expect(plan.create).toHaveLength(1);
  });

  it('links an unlinked mention at the hit to the actor instead of adding one', () => {
    const h = at('Лукашенку');
    const existing: ExistingAnnotation[] = [{ id: 'm', articleId: 'a1', tagId: 'person', start: h.start, end: h.end }];
    const plan = planHitCoding([h, at('Лукашенко')], texts, existing, { tagId: 'politician', actorId: 'luk', mentionTagIds: new Set(['person', 'politician']), snap: true });
    expect(plan.link).toEqual([{ annotationId: 'm', actorId: 'luk' }]);
    expect(plan.create).toEqual([{ articleId: 'a1', start: at('Лукашенко').start, end: at('Лукашенко').end, actorId: 'luk' }]);
    expect(describeHitCoding(plan, 'Лукашенко')).toBe('1 annotation added as Лукашенко; 1 mention linked to Лукашенко.');
  });

  it('treats a mention already linked to the same actor as a duplicate', () => {
    const h = at('Лукашенку');
    const plan = planHitCoding([h], texts, [{ id: 'm', articleId: 'a1', tagId: 'person', start: h.start, end: h.end, actorId: 'luk' }], { tagId: 'person', actorId: 'luk', snap: true });
    expect(plan.create).toEqual([]);
    expect(plan.duplicates).toHaveLength(1);
    expect(describeHitCoding(plan, 'Лукашенко')).toMatch(/^Nothing added; 1 hit was already coded so/);
  });

  it('skips hits of articles whose text is gone', () => {
    expect(planHitCoding([{ ...at('Лукашенко'), articleId: 'gone' }], texts, [], { tagId: 't1', snap: true }).create).toEqual([]);
  });
});

describe('describeHitCoding', () => {
  it('shortens a long list of duplicates', () => {
    const d = ['a', 'b', 'c', 'd', 'e'].map((w) => ({ articleId: 'a1', start: 0, end: 1, hit: w, title: '' }));
    expect(describeHitCoding({ create: [], link: [], duplicates: d }, 'X')).toBe('Nothing added; 5 hits were already coded so, skipped: “a”, “b”, “c” and 2 more.');
  });
});

describe('tagsAtHit', () => {
  it('lists the tags of annotations overlapping the hit, once each', () => {
    const list: ExistingAnnotation[] = [
      { id: '1', articleId: 'a1', tagId: 'claim', start: 0, end: 30 },
      { id: '2', articleId: 'a1', tagId: 'person', start: 10, end: 19 },
      { id: '3', articleId: 'a1', tagId: 'claim', start: 12, end: 14 },
      { id: '4', articleId: 'a1', tagId: 'other', start: 40, end: 45 },
    ];
    expect(tagsAtHit(list, 10, 19)).toEqual(['claim', 'person']);
    expect(tagsAtHit(list, 30, 40)).toEqual([]);
  });
});
