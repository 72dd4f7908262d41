/**
 * Adjudication planning (issue #10): which gold annotations and links to add, computed from the
 * coders' layers of the chosen articles. Pure: the app stores the plan in one transaction.
 *
 * Two coders' annotations are "the same" when they have the same article, tag, start and end.
 * A strategy decides which of those spans go into gold:
 * - `unanimous`: every compared coder made it;
 * - `majority`: more than half of the compared coders made it;
 * - `coder`: the chosen coder made it (that coder wins wherever the layers differ).
 * An attribute value (and the linked actor) is carried over by the same rule: the value every
 * coder gave, the value of a majority of the coders, the chosen coder's value. A link (relation)
 * is added by the same rule too, when both its ends are in gold (added now or already there).
 * Nothing already in gold is added again.
 */
import type { Annotation, AttributeValue, Relation } from '../../model/types.ts';
import { GOLD_CODER } from './gold.ts';

export type Strategy = { kind: 'unanimous' } | { kind: 'majority' } | { kind: 'coder'; coder: string };

export interface GoldPlanInput {
  /** Every annotation of the chosen articles: the coders' and the gold layer's. */
  annotations: readonly Annotation[];
  /** Every relation of the chosen articles. */
  relations: readonly Relation[];
  /** The coders compared (never `gold`). */
  coders: readonly string[];
  strategy: Strategy;
}

export interface GoldPlan {
  annotations: Annotation[];
  relations: Relation[];
  /** Spans the strategy accepts that gold already holds (not added again). */
  alreadyInGold: number;
}

export interface Maker {
  id: () => string;
  now: string;
}

export const spanKey = (a: Pick<Annotation, 'articleId' | 'tagId' | 'start' | 'end'>) => `${a.articleId}\u0000${a.tagId}\u0000${a.start}\u0000${a.end}`;

/** Does the strategy accept something that these coders (of `m` compared) did? */
function accepts(strategy: Strategy, by: ReadonlySet<string>, m: number): boolean {
  if (strategy.kind === 'coder') return by.has(strategy.coder);
  if (strategy.kind === 'unanimous') return by.size === m && m > 0;
  return by.size > m / 2;
}

/** The value the strategy carries over from the coders' values (one per coder at most). */
function agreedValue<V>(strategy: Strategy, values: ReadonlyMap<string, V>, m: number): V | undefined {
  if (strategy.kind === 'coder') return values.get(strategy.coder);
  const counts = new Map<string, { value: V; coders: Set<string> }>();
  for (const [coder, value] of values) {
    const k = JSON.stringify(value);
    let c = counts.get(k);
    if (!c) counts.set(k, (c = { value, coders: new Set() }));
    c.coders.add(coder);
  }
  for (const c of counts.values()) if (accepts(strategy, c.coders, m)) return c.value;
  return undefined;
}

/** The gold copy of the span that `group` (one annotation per coder, same span) stands for. */
function goldCopy(strategy: Strategy, group: ReadonlyMap<string, Annotation>, m: number, make: Maker): Annotation {
  const first = group.values().next().value as Annotation;
  const attributes: Record<string, AttributeValue> = {};
  const ids = new Set<string>();
  for (const a of group.values()) for (const k of Object.keys(a.attributes)) ids.add(k);
  for (const id of [...ids].sort()) {
    const values = new Map<string, AttributeValue>();
    for (const [coder, a] of group) {
      const v = a.attributes[id];
      if (v !== undefined && v !== '') values.set(coder, v);
    }
    const v = agreedValue(strategy, values, m);
    if (v !== undefined) attributes[id] = v;
  }
  const actors = new Map<string, string>();
  for (const [coder, a] of group) if (a.actorId) actors.set(coder, a.actorId);
  const actorId = agreedValue(strategy, actors, m);
  return {
    id: make.id(),
    projectId: first.projectId,
    articleId: first.articleId,
    tagId: first.tagId,
    start: first.start,
    end: first.end,
    quote: first.quote,
    prefix: first.prefix,
    suffix: first.suffix,
    attributes,
    ...(actorId ? { actorId } : {}),
    coder: GOLD_CODER,
    createdAt: make.now,
    updatedAt: make.now,
  };
}

const relationKey = (type: string, from: string, to: string) => `${type}\u0000${from}\u0000${to}`;

/**
 * The links the strategy carries into gold, between gold annotations (by span key → gold id).
 * `only`, when given, restricts them to links touching one of those span keys.
 */
function planRelations(input: GoldPlanInput, goldIdOf: ReadonlyMap<string, string>, make: Maker, only?: ReadonlySet<string>): Relation[] {
  const m = input.coders.length;
  const compared = new Set(input.coders);
  const keyOf = new Map(input.annotations.map((a) => [a.id, spanKey(a)]));
  const inGold = new Set<string>();
  for (const r of input.relations) if (r.coder === GOLD_CODER) inGold.add(relationKey(r.type, r.fromId, r.toId));
  const groups = new Map<string, { r: Relation; coders: Set<string> }>();
  for (const r of input.relations) {
    if (!compared.has(r.coder)) continue;
    const from = keyOf.get(r.fromId);
    const to = keyOf.get(r.toId);
    if (from === undefined || to === undefined) continue;
    if (only && !only.has(from) && !only.has(to)) continue;
    const k = relationKey(r.type, from, to);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { r, coders: new Set() }));
    g.coders.add(r.coder);
  }
  const out: Relation[] = [];
  for (const { r, coders } of groups.values()) {
    if (!accepts(input.strategy, coders, m)) continue;
    const fromId = goldIdOf.get(keyOf.get(r.fromId) as string);
    const toId = goldIdOf.get(keyOf.get(r.toId) as string);
    if (fromId === undefined || toId === undefined) continue;
    const k = relationKey(r.type, fromId, toId);
    if (inGold.has(k)) continue;
    inGold.add(k);
    out.push({ id: make.id(), projectId: r.projectId, articleId: r.articleId, type: r.type, fromId, toId, coder: GOLD_CODER, createdAt: make.now });
  }
  return out;
}

/** The gold annotation already holding each span key. */
function goldBySpan(annotations: readonly Annotation[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of annotations) if (a.coder === GOLD_CODER && !out.has(spanKey(a))) out.set(spanKey(a), a.id);
  return out;
}

/** "Accept all agreed": every span (and link) the strategy accepts that gold does not hold yet. */
export function planGold(input: GoldPlanInput, make: Maker): GoldPlan {
  const m = input.coders.length;
  const compared = new Set(input.coders);
  const goldIdOf = goldBySpan(input.annotations);
  const groups = new Map<string, Map<string, Annotation>>();
  for (const a of input.annotations) {
    if (!compared.has(a.coder)) continue;
    const k = spanKey(a);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = new Map()));
    // A coder's exact duplicate counts once.
    if (!g.has(a.coder)) g.set(a.coder, a);
  }
  const annotations: Annotation[] = [];
  let alreadyInGold = 0;
  for (const [k, group] of groups) {
    if (!accepts(input.strategy, new Set(group.keys()), m)) continue;
    if (goldIdOf.has(k)) {
      alreadyInGold++;
      continue;
    }
    const gold = goldCopy(input.strategy, group, m, make);
    goldIdOf.set(k, gold.id);
    annotations.push(gold);
  }
  annotations.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start || a.end - b.end));
  return { annotations, relations: planRelations(input, goldIdOf, make), alreadyInGold };
}

/**
 * Accepting one coder's annotation into gold: its copy (attributes, actor) and that coder's
 * links between it and annotations whose span gold already holds. Nothing when gold has it.
 */
export function planAcceptOne(annotation: Annotation, context: { annotations: readonly Annotation[]; relations: readonly Relation[] }, make: Maker): GoldPlan {
  const goldIdOf = goldBySpan(context.annotations);
  const key = spanKey(annotation);
  if (goldIdOf.has(key)) return { annotations: [], relations: [], alreadyInGold: 1 };
  const strategy: Strategy = { kind: 'coder', coder: annotation.coder };
  const gold = goldCopy(strategy, new Map([[annotation.coder, annotation]]), 1, make);
  goldIdOf.set(key, gold.id);
  const annotations = context.annotations.some((a) => a.id === annotation.id) ? context.annotations : [...context.annotations, annotation];
  const relations = planRelations({ annotations, relations: context.relations, coders: [annotation.coder], strategy }, goldIdOf, make, new Set([key]));
  return { annotations: [gold], relations, alreadyInGold: 0 };
}
