/**
 * A claim's statement roles as the app stores them: relations from the claim annotation, typed
 * by role (`claimant`, `addressee`, `about` = object actor, `according-to` = source). A role's
 * target is a mention (`toId`), or, without a span, an actor of the registry or `unknown`
 * (`toId` '' and `toActorId`). Position and quote type are attributes of the claim's category,
 * found by name, so a codebook sets their scale and values (docs/statement-form.md). Pure.
 */
import type { AttributeDef, Category, Relation } from '../model/types.ts';
import { compareRelations } from '../model/relation-order.ts';
import { DEFAULT_SCALE, UNKNOWN_ACTOR, type PositionScale, type QuoteType } from './statement.ts';

export const ROLE_TYPES = ['claimant', 'addressee', 'about', 'according-to'] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

/** Roles a claim has at most one of: a second one replaces the first. */
export const SINGLE_ROLES: ReadonlySet<string> = new Set(['claimant', 'according-to']);

export const ROLE_LABELS: Record<RoleType, string> = { claimant: 'Claimant', addressee: 'Addressees', about: 'Objects', 'according-to': 'Source' };

/** Who fills a role: a mention in the text, or (no span) an actor of the registry or unknown. */
export type RoleTarget = { mentionId: string } | { actorId: string };

export function roleTargetOf(r: Relation): RoleTarget {
  return r.toId !== '' ? { mentionId: r.toId } : { actorId: r.toActorId ?? UNKNOWN_ACTOR };
}

export function sameTarget(a: RoleTarget, b: RoleTarget): boolean {
  return 'mentionId' in a ? 'mentionId' in b && a.mentionId === b.mentionId : 'actorId' in b && a.actorId === b.actorId;
}

/** The claim's role relations by type, in the order they were made. */
export function claimRoles(claimId: string, relations: readonly Relation[]): Record<RoleType, Relation[]> {
  const out: Record<RoleType, Relation[]> = { claimant: [], addressee: [], about: [], 'according-to': [] };
  const mine = relations.filter((r) => r.fromId === claimId && (ROLE_TYPES as readonly string[]).includes(r.type));
  mine.sort(compareRelations);
  for (const r of mine) out[r.type as RoleType].push(r);
  return out;
}

export interface RoleChange {
  put: Relation[];
  remove: Relation[];
}

/**
 * The records that give a claim one more role target: a new relation, and for a single role the
 * one it replaces. Null when the claim has that target in that role already.
 */
export function addRoleChange(args: { claim: { id: string; projectId: string; articleId: string }; type: RoleType; target: RoleTarget; relations: readonly Relation[]; coder: string; id: string; now: string }): RoleChange | null {
  const current = claimRoles(args.claim.id, args.relations)[args.type];
  if (current.some((r) => sameTarget(roleTargetOf(r), args.target))) return null;
  const relation: Relation = {
    id: args.id,
    projectId: args.claim.projectId,
    articleId: args.claim.articleId,
    type: args.type,
    fromId: args.claim.id,
    toId: 'mentionId' in args.target ? args.target.mentionId : '',
    ...('actorId' in args.target ? { toActorId: args.target.actorId } : {}),
    coder: args.coder,
    createdAt: args.now,
  };
  return { put: [relation], remove: SINGLE_ROLES.has(args.type) ? current : [] };
}

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** The claim category's Position attribute (by name), if the codebook has one. */
export function positionAttribute(category: Category | undefined): AttributeDef | undefined {
  return category?.attributes.find((a) => a.type === 'choice' && (norm(a.name) === 'position' || norm(a.id) === 'position'));
}

/** The claim category's quote type attribute: named Quote type, or Form. */
export function quoteTypeAttribute(category: Category | undefined): AttributeDef | undefined {
  return category?.attributes.find((a) => a.type === 'choice' && ['quote type', 'quotetype', 'form'].some((n) => norm(a.name) === n || norm(a.id) === n));
}

const NUMBER = /^\s*[+\-−–]?\d+\s*$/;

export function parseLevel(option: string): number {
  return Number(option.trim().replace(/^\+/, '').replace(/^[−–]/, '-'));
}

/** The scale a Position attribute declares (numeric options), else −1…+1. */
export function positionScaleOf(attr: AttributeDef | undefined): PositionScale {
  const options = attr?.options ?? [];
  if (options.length < 2 || !options.every((o) => NUMBER.test(o))) return DEFAULT_SCALE;
  const levels = options.map(parseLevel);
  return { min: Math.min(...levels), max: Math.max(...levels) };
}

/**
 * The option a key press chooses on a position attribute: `-` the lowest level, `0` or `=` the
 * middle, `+` the highest; a digit the option of that value (a 1…5 scale); else null.
 */
export function positionOptionForKey(attr: AttributeDef, key: string): string | null {
  const options = attr.options ?? [];
  if (options.length === 0) return null;
  const numeric = options.every((o) => NUMBER.test(o));
  const sorted = numeric ? [...options].sort((a, b) => parseLevel(a) - parseLevel(b)) : options;
  const k = key === '−' ? '-' : key;
  if (k === '-') return sorted[0] ?? null;
  if (k === '+') return sorted[sorted.length - 1] ?? null;
  if (numeric && /^\d$/.test(k)) {
    const hit = options.find((o) => parseLevel(o) === Number(k));
    if (hit !== undefined) return hit;
  }
  if (k === '0' || k === '=') return sorted.length % 2 === 1 ? (sorted[(sorted.length - 1) / 2] ?? null) : null;
  return null;
}

const QUOTE_KEYS: Record<string, QuoteType> = { d: 'direct', i: 'indirect', m: 'mixed' };

/** The option of a quote type attribute a key chooses: d direct, i indirect, m mixed. */
export function quoteTypeOptionForKey(attr: AttributeDef, key: string): string | null {
  const wanted = QUOTE_KEYS[key.toLowerCase()];
  return wanted ? ((attr.options ?? []).find((o) => norm(o) === wanted) ?? null) : null;
}
