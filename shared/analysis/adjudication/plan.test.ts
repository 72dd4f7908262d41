import { describe, expect, it } from 'vitest';
import type { Annotation, Relation } from '../../model/types.ts';
import { coderNameProblem, exportedCoder, GOLD_CODER, isReservedCoderName, parseExportLayer } from './gold.ts';
import { planAcceptOne, planGold, type Strategy } from './plan.ts';
import { countsForFigure, decisionOf, type GoldRejection } from './decisions.ts';

let n = 0;
const make = { id: () => `g${++n}`, now: '2026-12-02T00:00:00.000Z' };

function ann(coder: string, id: string, start: number, end: number, tagId = 'claim', extra: Partial<Annotation> = {}): Annotation {
  return { id, projectId: 'p', articleId: extra.articleId ?? 'a1', tagId, start, end, quote: 'q', prefix: '', suffix: '', attributes: {}, coder, createdAt: '', updatedAt: '', ...extra };
}
const rel = (coder: string, id: string, fromId: string, toId: string, type = 'claimant'): Relation => ({ id, projectId: 'p', articleId: 'a1', type, fromId, toId, coder, createdAt: '' });

const coders = ['ann', 'bob', 'cy'];
// Span [0,5) claim by all three; [10,20) claim by ann and bob; [30,40) actor by cy only;
// [10,21) claim by cy (a different span: boundaries differ).
const layers = [
  ann('ann', 'a-1', 0, 5, 'claim', { attributes: { stance: 'pro', verifiable: true } }),
  ann('bob', 'b-1', 0, 5, 'claim', { attributes: { stance: 'pro', verifiable: false } }),
  ann('cy', 'c-1', 0, 5, 'claim', { attributes: { stance: 'contra' } }),
  ann('ann', 'a-2', 10, 20, 'claim', { actorId: 'x' }),
  ann('bob', 'b-2', 10, 20, 'claim', { actorId: 'x' }),
  ann('cy', 'c-2', 10, 21, 'claim'),
  ann('cy', 'c-3', 30, 40, 'actor'),
  ann('ann', 'a-3', 30, 40, 'source'),
];

const plan = (strategy: Strategy, annotations = layers, relations: Relation[] = []) => planGold({ annotations, relations, coders, strategy }, make);
const spans = (p: { annotations: Annotation[] }) => p.annotations.map((a) => `${a.tagId}@${a.start}-${a.end}`);

describe('planGold', () => {
  it('all coders agree: only spans every coder made, with the values every coder gave', () => {
    const p = plan({ kind: 'unanimous' });
    expect(spans(p)).toEqual(['claim@0-5']);
    const g = p.annotations[0] as Annotation;
    expect(g.coder).toBe(GOLD_CODER);
    // stance: pro, pro, contra — not unanimous; verifiable: not given by cy.
    expect(g.attributes).toEqual({});
    expect(g.quote).toBe('q');
  });

  it('majority: spans more than half of the coders made, and the majority values', () => {
    const p = plan({ kind: 'majority' });
    expect(spans(p)).toEqual(['claim@0-5', 'claim@10-20']);
    expect(p.annotations[0]?.attributes).toEqual({ stance: 'pro' });
    expect(p.annotations[1]?.actorId).toBe('x');
  });

  it('a majority of two coders is both of them', () => {
    const two = planGold({ annotations: layers, relations: [], coders: ['ann', 'bob'], strategy: { kind: 'majority' } }, make);
    expect(spans(two)).toEqual(['claim@0-5', 'claim@10-20']);
    expect(two.annotations[0]?.attributes).toEqual({ stance: 'pro' });
  });

  it('a chosen coder wins: every span of that coder, with its values', () => {
    const p = plan({ kind: 'coder', coder: 'cy' });
    expect(spans(p)).toEqual(['claim@0-5', 'claim@10-21', 'actor@30-40']);
    expect(p.annotations[0]?.attributes).toEqual({ stance: 'contra' });
  });

  it('never duplicates what gold holds, and counts it', () => {
    const withGold = [...layers, ann(GOLD_CODER, 'g-0', 0, 5, 'claim')];
    const p = plan({ kind: 'majority' }, withGold);
    expect(spans(p)).toEqual(['claim@10-20']);
    expect(p.alreadyInGold).toBe(1);
    // Planning again over the result adds nothing.
    expect(plan({ kind: 'majority' }, [...withGold, ...p.annotations]).annotations).toEqual([]);
  });

  it('ignores the gold layer and coders not compared as voters', () => {
    const extra = [...layers, ann('dan', 'd-1', 50, 60), ann(GOLD_CODER, 'g-9', 70, 80)];
    expect(spans(plan({ kind: 'unanimous' }, extra))).toEqual(['claim@0-5']);
  });

  it('a coder duplicating their own span still counts once', () => {
    const dup = [ann('ann', 'x1', 0, 5), ann('ann', 'x2', 0, 5)];
    expect(planGold({ annotations: dup, relations: [], coders: ['ann', 'bob'], strategy: { kind: 'majority' } }, make).annotations).toEqual([]);
  });

  it('keeps articles apart', () => {
    const two = [ann('ann', 'x1', 0, 5), ann('bob', 'x2', 0, 5, 'claim', { articleId: 'a2' })];
    expect(planGold({ annotations: two, relations: [], coders: ['ann', 'bob'], strategy: { kind: 'unanimous' } }, make).annotations).toEqual([]);
  });

  it('adds a link only when the strategy accepts it and both ends are in gold', () => {
    const withActors = [...layers, ann('ann', 'a-4', 50, 55, 'actor'), ann('bob', 'b-4', 50, 55, 'actor'), ann('cy', 'c-4', 50, 55, 'actor')];
    const relations = [
      rel('ann', 'r1', 'a-1', 'a-4'),
      rel('bob', 'r2', 'b-1', 'b-4'),
      rel('cy', 'r3', 'c-1', 'c-4', 'about'),
      // Both coders link [10,20) → actor, but under unanimity [10,20) is not in gold.
      rel('ann', 'r4', 'a-2', 'a-4'),
      rel('bob', 'r5', 'b-2', 'b-4'),
    ];
    const unanimous = plan({ kind: 'unanimous' }, withActors, relations);
    expect(unanimous.relations).toEqual([]);
    const majority = plan({ kind: 'majority' }, withActors, relations);
    const idOf = (s: string) => majority.annotations.find((a) => `${a.tagId}@${a.start}-${a.end}` === s)?.id;
    expect(majority.relations.map((r) => [r.type, r.fromId, r.toId, r.coder])).toEqual([
      ['claimant', idOf('claim@0-5'), idOf('actor@50-55'), GOLD_CODER],
      ['claimant', idOf('claim@10-20'), idOf('actor@50-55'), GOLD_CODER],
    ]);
  });

  it('links to an annotation gold already holds, without repeating a gold link', () => {
    const base = [ann('ann', 'a-1', 0, 5), ann('bob', 'b-1', 0, 5), ann('ann', 'a-4', 50, 55, 'actor'), ann('bob', 'b-4', 50, 55, 'actor'), ann(GOLD_CODER, 'g-4', 50, 55, 'actor')];
    const relations = [rel('ann', 'r1', 'a-1', 'a-4'), rel('bob', 'r2', 'b-1', 'b-4')];
    const p = planGold({ annotations: base, relations, coders: ['ann', 'bob'], strategy: { kind: 'unanimous' } }, make);
    expect(p.relations).toHaveLength(1);
    expect(p.relations[0]?.toId).toBe('g-4');
    const again = planGold({ annotations: [...base, ...p.annotations], relations: [...relations, ...p.relations], coders: ['ann', 'bob'], strategy: { kind: 'unanimous' } }, make);
    expect(again.annotations).toEqual([]);
    expect(again.relations).toEqual([]);
  });
});

describe('planAcceptOne', () => {
  it("copies one coder's annotation with its values, and its links to spans already in gold", () => {
    const context = {
      annotations: [...layers, ann('cy', 'c-4', 50, 55, 'actor'), ann(GOLD_CODER, 'g-4', 50, 55, 'actor')],
      relations: [rel('cy', 'r1', 'c-1', 'c-4'), rel('cy', 'r2', 'c-1', 'c-3')],
    };
    const p = planAcceptOne(layers[2] as Annotation, context, make);
    expect(p.annotations).toHaveLength(1);
    expect(p.annotations[0]).toMatchObject({ coder: GOLD_CODER, start: 0, end: 5, tagId: 'claim', attributes: { stance: 'contra' } });
    // c-3's span is not in gold: only the link to the gold actor.
    expect(p.relations.map((r) => [r.fromId, r.toId])).toEqual([[p.annotations[0]?.id, 'g-4']]);
  });

  it('adds nothing when gold holds the span', () => {
    const p = planAcceptOne(layers[0] as Annotation, { annotations: [...layers, ann(GOLD_CODER, 'g', 0, 5)], relations: [] }, make);
    expect(p.annotations).toEqual([]);
    expect(p.alreadyInGold).toBe(1);
  });
});

describe('decisionOf', () => {
  const rejection = (start: number, end: number, categoryId: string | null): GoldRejection => ({ id: 'r', projectId: 'p', articleId: 'a1', start, end, categoryId, createdAt: '' });
  const place = { articleId: 'a1', start: 10, end: 20, categoryId: 'claims' };
  it('accepted when a gold annotation of a counted tag overlaps', () => {
    const gold = [ann(GOLD_CODER, 'g', 15, 25, 'claim')];
    expect(decisionOf(place, gold, [])).toBe('accepted');
    expect(decisionOf(place, gold, [], (t) => t === 'actor')).toBe('open');
    expect(decisionOf(place, [ann('ann', 'x', 10, 20)], [])).toBe('open');
    expect(decisionOf(place, [ann(GOLD_CODER, 'g', 20, 25)], [])).toBe('open');
  });
  it('rejected by a rejection of the same category or of every category', () => {
    expect(decisionOf(place, [], [rejection(12, 13, 'claims')])).toBe('rejected');
    expect(decisionOf(place, [], [rejection(12, 13, null)])).toBe('rejected');
    expect(decisionOf(place, [], [rejection(12, 13, 'actors')])).toBe('open');
    expect(decisionOf({ ...place, articleId: 'a2' }, [], [rejection(12, 13, null)])).toBe('open');
  });
});

describe('the reserved name and export layers', () => {
  it('reserves gold in any case', () => {
    expect(isReservedCoderName(' Gold ')).toBe(true);
    expect(isReservedCoderName('golden')).toBe(false);
    expect(coderNameProblem('GOLD')).toMatch(/reserved/);
    expect(coderNameProblem('ann')).toBeNull();
  });
  it('exports gold by default when present, else all; all and one coder on request', () => {
    expect(exportedCoder(parseExportLayer(undefined), true)).toBe(GOLD_CODER);
    expect(exportedCoder(parseExportLayer(undefined), false)).toBeNull();
    expect(exportedCoder(parseExportLayer('all'), true)).toBeNull();
    expect(exportedCoder(parseExportLayer('ann'), true)).toBe('ann');
    expect(exportedCoder(parseExportLayer('gold'), false)).toBe(GOLD_CODER);
  });
});

describe('countsForFigure', () => {
  const tags = [
    { id: 't1', categoryId: 'claims' },
    { id: 't2', categoryId: 'actors' },
  ];
  it('all tags for the overall figure, the category’s for a category, the tag for a tag', () => {
    expect(countsForFigure({ scope: 'overall', category: null, key: 'all:alpha' }, tags)('t2')).toBe(true);
    const cat = countsForFigure({ scope: 'attribute', category: 'claims', key: 'attr:claims:stance' }, tags);
    expect([cat('t1'), cat('t2')]).toEqual([true, false]);
    const tag = countsForFigure({ scope: 'tag', category: 'actors', key: 'tag:t2:alpha' }, tags);
    expect([tag('t1'), tag('t2')]).toEqual([false, true]);
  });
});
