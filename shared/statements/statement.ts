/**
 * A statement (Political Claims Analysis / Discourse Network Analyzer): one claim with its roles.
 * This is the input of every analysis (networks, event list, later the statements table and
 * charts). It is deliberately independent of storage: today it is built from the dataset's
 * annotations and relations (`from-dataset.ts`); a later dataset version with typed roles maps
 * to the same shape.
 */

/** The claimant when nobody is named, or the speaker could not be identified. */
export const UNKNOWN_ACTOR = 'unknown';

export type QuoteType = 'direct' | 'indirect' | 'mixed';

/** An object actor: whom the claim is about, with the claimant's position towards that actor. */
export interface StatementObject {
  /** Actor id (of the registry) or a derived key (see `ActorInfo`). */
  actor: string;
  /** Position on the codebook scale, or null when not coded. */
  position: number | null;
}

/** The source a claim is reported through ("according to Reuters"). */
export interface StatementSource {
  /** Actor id the source mention is linked to, or null for an unlinked mention. */
  actor: string | null;
  /** The source mention's annotation id, or null when the source has no span in the text. */
  annotation: string | null;
  /** What the text says (the mention's quote, or the actor's name). */
  label: string;
}

export interface Statement {
  /** The claim annotation's id: a statement is one claim. */
  id: string;
  articleId: string;
  /** The article's outlet (meta.outlet), or null. */
  outlet: string | null;
  /** The article's publication date as stored (ISO 8601, date or date-time), or null. */
  date: string | null;
  /** Actor id, or `UNKNOWN_ACTOR`. Exactly one per statement. */
  claimant: string;
  /** The claimant's mention (annotation id) when the claimant has a span in the text. */
  claimantMention: string | null;
  /** Actors the claim is addressed to (who is asked to act), actor ids. */
  addressees: string[];
  /** Actors the claim is about, each with its own position. */
  objects: StatementObject[];
  source: StatementSource | null;
  /** Issue (concept) ids; the names are in `StatementSet.issues`. Empty: no issue coded. */
  issues: string[];
  /** The claimant's position on the issue(s), on the codebook scale (default −1 / 0 / +1), or null. */
  position: number | null;
  quoteType: QuoteType | null;
  /** The claim's text as coded. */
  quote: string;
  coder: string;
}

export interface ActorInfo {
  id: string;
  name: string;
  /** person / organisation / …, when the registry says. */
  kind: string | null;
}

export interface IssueInfo {
  id: string;
  name: string;
}

/** A position scale: integer levels from `min` to `max` (DNA's qualifier levels K). */
export interface PositionScale {
  min: number;
  max: number;
}

export const DEFAULT_SCALE: PositionScale = { min: -1, max: 1 };

/** Statements with the names their ids refer to. */
export interface StatementSet {
  statements: Statement[];
  actors: Map<string, ActorInfo>;
  issues: Map<string, IssueInfo>;
  scale: PositionScale;
}

export function actorName(set: Pick<StatementSet, 'actors'>, id: string): string {
  if (id === UNKNOWN_ACTOR) return 'unknown';
  return set.actors.get(id)?.name ?? id;
}

export function issueName(set: Pick<StatementSet, 'issues'>, id: string): string {
  return set.issues.get(id)?.name ?? id;
}
