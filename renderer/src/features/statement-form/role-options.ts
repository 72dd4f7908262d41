import type { Actor, Annotation, Relation, Tag } from '@shared/model/types.ts';
import { suggestActors } from '@shared/model/actor-match.ts';
import { foldForSearch, matchRank } from '@shared/text/search-fold.ts';
import { UNKNOWN_ACTOR } from '@shared/statements/statement.ts';
import type { RoleType } from '@shared/statements/roles.ts';
import type { ComboOption } from '../../ui/Combobox.tsx';

export const FROM_SELECTION = 'selection';
export const MENTION = 'mention:';
export const ACTOR = 'actor:';
export const UNKNOWN = 'unknown';

/** Mention categories that may fill a role, best first. */
const ROLE_CATEGORIES: Record<RoleType, readonly string[]> = { claimant: ['actor', 'source'], addressee: ['actor'], about: ['actor'], 'according-to': ['source', 'actor'] };

export function mentionCategory(type: RoleType): string {
  return ROLE_CATEGORIES[type][0] ?? 'actor';
}

/**
 * The type-ahead list of one role field: a new mention from the reader's selection first, then
 * the article's mentions (actor and source annotations) matching what is typed, then actors of the
 * registry (without a span), and for the claimant "Unknown / anonymous".
 */
export function roleOptions(args: {
  type: RoleType;
  query: string;
  selection: { start: number; end: number; quote: string } | null;
  annotations: readonly Annotation[];
  tagById: ReadonlyMap<string, Tag>;
  actors: readonly Actor[];
  claimId: string;
}): ComboOption[] {
  const out: ComboOption[] = [];
  const q = foldForSearch(args.query.trim());
  const categories = ROLE_CATEGORIES[args.type];
  const sel = args.selection;
  // Offered while nothing is typed or the typing fits it, and once only: a coded span is a mention below.
  const selectionFits = sel && (q === '' || matchRank(foldForSearch(sel.quote), q) !== null);
  const selectionCoded = sel && args.annotations.some((a) => a.start === sel.start && a.end === sel.end && categories.includes(args.tagById.get(a.tagId)?.categoryId ?? ''));
  if (sel && selectionFits && !selectionCoded) out.push({ id: FROM_SELECTION, label: `New mention from the selection “${sel.quote}”`, action: true, group: 'Selection' });
  const actorName = new Map(args.actors.map((a) => [a.id, a.name]));
  const mentions = args.annotations
    .filter((a) => a.id !== args.claimId && categories.includes(args.tagById.get(a.tagId)?.categoryId ?? ''))
    .map((a) => {
      const linked = a.actorId ? actorName.get(a.actorId) : undefined;
      const rank = q === '' ? 0 : Math.min(matchRank(foldForSearch(a.quote), q) ?? Infinity, linked ? (matchRank(foldForSearch(linked), q) ?? Infinity) : Infinity);
      return { a, linked, rank };
    })
    .filter((m) => Number.isFinite(m.rank))
    .sort((x, y) => x.rank - y.rank || x.a.start - y.a.start);
  for (const { a, linked } of mentions) {
    const option: ComboOption = { id: MENTION + a.id, label: a.quote, detail: args.tagById.get(a.tagId)?.name ?? '?', group: 'Mentions in this article' };
    if (linked) option.hint = `→ ${linked}`;
    out.push(option);
  }
  for (const { actor, alias } of suggestActors(args.actors, args.query, 20)) {
    const option: ComboOption = { id: ACTOR + actor.id, label: actor.name, group: 'Actors (no span in the text)' };
    if (alias) option.hint = `also “${alias}”`;
    out.push(option);
  }
  if (args.type === 'claimant' && (q === '' || matchRank(foldForSearch('unknown anonymous'), q) !== null)) {
    out.push({ id: UNKNOWN, label: 'Unknown / anonymous', group: 'Nobody named' });
  }
  return out;
}

/** How a role's target reads in the form. */
export function roleTargetLabel(r: Relation, byId: ReadonlyMap<string, Annotation>, actors: readonly Actor[]): string {
  if (r.toId !== '') {
    const m = byId.get(r.toId);
    const linked = m?.actorId ? actors.find((a) => a.id === m.actorId)?.name : undefined;
    return `“${m?.quote ?? '?'}”${linked ? ` → ${linked}` : ''}`;
  }
  if (r.toActorId === UNKNOWN_ACTOR) return 'Unknown / anonymous';
  return `${actors.find((a) => a.id === r.toActorId)?.name ?? '?'} (no span)`;
}
