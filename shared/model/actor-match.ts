/**
 * Suggestions for "Refers to actor": which registry actors a typed name may mean, best first,
 * and whether the typed text names one of them exactly (so that Enter never creates a second
 * "Lukashenko" by accident).
 */
import type { Actor } from './types.ts';
import { foldForSearch, matchRank } from '../text/search-fold.ts';

export interface ActorSuggestion {
  actor: Actor;
  /** The alias that matched when the name did not (shown so the coder sees why it is offered). */
  alias?: string;
  /** 0 exact, 1 name/alias prefix, 2 prefix of a later word, 3 anywhere inside. */
  rank: number;
}

/** The actor whose name or an alias equals `typed`, ignoring case, diacritics and extra spaces. */
export function exactActor<A extends Actor>(actors: readonly A[], typed: string): A | undefined {
  const key = foldForSearch(typed);
  if (!key) return undefined;
  return actors.find((a) => foldForSearch(a.name) === key) ?? actors.find((a) => a.aliases.some((x) => foldForSearch(x) === key));
}

/** Actors matching `typed` by name or alias, best match first, then by name; all actors for an empty query. */
export function suggestActors(actors: readonly Actor[], typed: string, limit = 50): ActorSuggestion[] {
  const q = foldForSearch(typed);
  const out: ActorSuggestion[] = [];
  for (const actor of actors) {
    const byName = matchRank(foldForSearch(actor.name), q);
    let best: ActorSuggestion | null = byName === null ? null : { actor, rank: byName };
    for (const alias of actor.aliases) {
      const r = matchRank(foldForSearch(alias), q);
      if (r !== null && (best === null || r < best.rank)) best = { actor, alias, rank: r };
    }
    if (best) out.push(best);
  }
  out.sort((a, b) => a.rank - b.rank || a.actor.name.localeCompare(b.actor.name));
  return out.slice(0, limit);
}
