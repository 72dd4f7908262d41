/**
 * Statements from a version-1 dataset, i.e. from what the app stores today: claim annotations and
 * the generic relations `claimant`, `according-to` and `about` between annotations, plus actor
 * links on mentions. The mapping (documented in docs/networks.md):
 *
 * - every annotation of category `claim` is a statement;
 * - claimant: the target of the claim's first `claimant` relation → the actor linked to that
 *   mention; an unlinked mention counts as an actor of its own, keyed by its lower-cased text
 *   (`mention:<text>`), so an uncoded registry does not lose the claim; no relation → unknown;
 * - source: the target of the first `according-to` relation;
 * - `about` → a mention linked to an actor, or in the actor/source categories: an object actor;
 *   any other span (e.g. a topic tag): an issue;
 * - a relation typed `addressee` → an addressee (the app has no such type yet; datasets may);
 * - issues: the `about` issues, plus the claim's own tag unless it is the category's generic
 *   top-level tag (a tag named like its category, e.g. "Claim"): coders express the issue by
 *   tagging "Claim › Grain deal";
 * - position: a claim attribute named `position` (a number), else `stance`
 *   (supports → scale max, opposes → scale min, neutral → midpoint); the scale is the Position
 *   attribute's numeric options when the codebook has them (`scaleFromCodebook`), else −1…+1;
 * - quote type: a claim attribute named `quote type` / `quoteType` / `form` with a value
 *   direct / indirect / mixed.
 *
 * Version 2 adds: `about` relations may carry the object's own `position`; `roles` name a
 * claimant, addressee, object or source without a span (an actor of the registry, or `unknown`
 * for an anonymous claimant). A role counts where a relation of the same type would.
 */
import type { DatasetAnnotation, DatasetArticle, DatasetHeader, DatasetRole } from '../dataset/dataset.ts';
import {
  DEFAULT_SCALE,
  UNKNOWN_ACTOR,
  type ActorInfo,
  type IssueInfo,
  type PositionScale,
  type QuoteType,
  type Statement,
  type StatementSet,
} from './statement.ts';

const ACTOR_CATEGORIES = new Set(['actor', 'source']);
const SUPPORT = new Set(['supports', 'support', 'for', 'pro', 'positive', 'agree', 'agrees', 'yes', '+']);
const OPPOSE = new Set(['opposes', 'oppose', 'against', 'contra', 'negative', 'disagree', 'disagrees', 'no', '-', '−']);
const NEUTRAL = new Set(['neutral', 'ambivalent', 'mixed', 'none', '0']);

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** Reads a position from an attribute value; null when it is not one. */
export function parsePosition(value: unknown, scale: PositionScale = DEFAULT_SCALE): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  // Numbers before norm(), which turns "-" into a space (so "-1" was once read as no position).
  const n = value.trim().replace(/^\+/, '').replace(/^[−–]/, '-');
  if (/^-?\d+(\.\d+)?$/.test(n)) return Number(n);
  // A lone "-" would norm() to a space: look it up as typed.
  const v = n === '-' ? n : norm(value);
  if (SUPPORT.has(v)) return scale.max;
  if (OPPOSE.has(v)) return scale.min;
  if (NEUTRAL.has(v)) return (scale.min + scale.max) / 2;
  return null;
}

function parseQuoteType(value: unknown): QuoteType | null {
  if (typeof value !== 'string') return null;
  const v = norm(value);
  return v === 'direct' || v === 'indirect' || v === 'mixed' ? v : null;
}

/**
 * The position scale a codebook declares: the claim attribute named Position as a choice whose
 * options are all numbers ("-1", "0", "+1"; "1" … "5"). Null when there is none.
 */
export function scaleFromCodebook(header: Pick<DatasetHeader, 'codebook'>): PositionScale | null {
  const attr = header.codebook.categories.find((c) => c.id === 'claim')?.attributes.find((a) => norm(a.name) === 'position' || norm(a.id) === 'position');
  if (!attr || attr.type !== 'choice' || !attr.options?.length) return null;
  // Numbers only: stance words would read as the default scale's ends.
  if (!attr.options.every((o) => /^\s*[+\-−–]?\d+\s*$/.test(o))) return null;
  const nums = attr.options.map((o) => parsePosition(o) as number);
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  return min < max ? { min, max } : null;
}

export interface StatementBuilder {
  add(article: DatasetArticle): void;
  result(): StatementSet;
}

/** Feed articles one at a time (a dataset file may be too large to hold as one object). */
export function statementBuilder(header: DatasetHeader, opts: { scale?: PositionScale } = {}): StatementBuilder {
  const scale = opts.scale ?? scaleFromCodebook(header) ?? DEFAULT_SCALE;
  const actors = new Map<string, ActorInfo>(header.actors.map((a) => [a.id, { id: a.id, name: a.name, kind: a.type }]));
  const issues = new Map<string, IssueInfo>();
  const statements: Statement[] = [];
  const categoryNames = new Map(header.codebook.categories.map((c) => [c.id, norm(c.name)]));
  const tags = new Map(header.codebook.tags.map((t) => [t.id, t]));
  // Attribute ids of the claim category by meaning (ids are generated; names are what coders see).
  const claimAttrs = header.codebook.categories.find((c) => c.id === 'claim')?.attributes ?? [];
  const attrId = (...names: string[]) => claimAttrs.find((a) => names.includes(norm(a.name)) || names.includes(norm(a.id)))?.id;
  const positionAttr = attrId('position');
  const stanceAttr = attrId('stance');
  const quoteTypeAttr = attrId('quote type', 'quotetype', 'form');

  function claimTagIsIssue(a: DatasetAnnotation): boolean {
    const tag = tags.get(a.tag);
    if (!tag) return false;
    return tag.parent !== null || norm(tag.name) !== categoryNames.get(tag.category);
  }

  /** An actor key for a mention: its linked actor, or the mention's own text. */
  function mentionActor(m: DatasetAnnotation): string {
    if (m.actor) return m.actor;
    const key = `mention:${norm(m.quote)}`;
    if (!actors.has(key)) actors.set(key, { id: key, name: m.quote.trim(), kind: null });
    return key;
  }

  function addIssue(id: string, name: string): string {
    if (!issues.has(id)) issues.set(id, { id, name });
    return id;
  }

  return {
    add(article) {
      const byId = new Map(article.annotations.map((a) => [a.id, a]));
      const out = new Map<string, DatasetAnnotation[]>();
      for (const r of article.relations) {
        const to = byId.get(r.to);
        if (!to) continue;
        const key = `${r.from}\u0000${r.type}`;
        const list = out.get(key);
        if (list) list.push(to);
        else out.set(key, [to]);
      }
      const targets = (id: string, type: string) => out.get(`${id}\u0000${type}`) ?? [];
      const objectPosition = new Map<string, number>();
      for (const r of article.relations) if (r.type === 'about' && typeof r.position === 'number') objectPosition.set(`${r.from}\u0000${r.to}`, r.position);
      const roles = new Map<string, DatasetRole[]>();
      for (const r of article.roles ?? []) {
        const key = `${r.from}\u0000${r.type}`;
        roles.set(key, [...(roles.get(key) ?? []), r]);
      }
      const spanless = (id: string, type: string) => roles.get(`${id}\u0000${type}`) ?? [];
      for (const a of article.annotations) {
        if (a.category !== 'claim') continue;
        const claimantMention = targets(a.id, 'claimant')[0] ?? null;
        const claimantRole = claimantMention ? undefined : spanless(a.id, 'claimant')[0];
        const sourceMention = targets(a.id, 'according-to')[0] ?? null;
        const sourceRole = sourceMention ? undefined : spanless(a.id, 'according-to').find((r) => r.actor !== UNKNOWN_ACTOR);
        const issueIds: string[] = [];
        const objects: Statement['objects'] = [];
        for (const t of targets(a.id, 'about')) {
          if (t.actor || ACTOR_CATEGORIES.has(t.category)) objects.push({ actor: mentionActor(t), position: objectPosition.get(`${a.id}\u0000${t.id}`) ?? null });
          else issueIds.push(addIssue(t.tag, t.tagName));
        }
        for (const r of spanless(a.id, 'about')) if (r.actor !== UNKNOWN_ACTOR) objects.push({ actor: r.actor, position: r.position ?? null });
        if (claimTagIsIssue(a)) issueIds.unshift(addIssue(a.tag, a.tagName));
        const rawPosition = positionAttr !== undefined ? a.attributes[positionAttr] : undefined;
        const position = parsePosition(rawPosition, scale) ?? (stanceAttr !== undefined ? parsePosition(a.attributes[stanceAttr], scale) : null);
        statements.push({
          id: a.id,
          articleId: article.id,
          outlet: article.meta.outlet ?? null,
          date: article.meta.publishedAt ?? null,
          claimant: claimantMention ? mentionActor(claimantMention) : claimantRole ? claimantRole.actor : UNKNOWN_ACTOR,
          claimantMention: claimantMention?.id ?? null,
          addressees: [...new Set([...targets(a.id, 'addressee').map(mentionActor), ...spanless(a.id, 'addressee').filter((r) => r.actor !== UNKNOWN_ACTOR).map((r) => r.actor)])],
          objects,
          source: sourceMention
            ? {
                actor: sourceMention.actor,
                annotation: sourceMention.id,
                label: (sourceMention.actor ? actors.get(sourceMention.actor)?.name : undefined) ?? sourceMention.quote,
              }
            : sourceRole
              ? { actor: sourceRole.actor, annotation: null, label: actors.get(sourceRole.actor)?.name ?? sourceRole.actor }
              : null,
          issues: [...new Set(issueIds)],
          position,
          quoteType: quoteTypeAttr !== undefined ? parseQuoteType(a.attributes[quoteTypeAttr]) : null,
          quote: a.quote,
          coder: a.coder,
        });
      }
    },
    result() {
      return { statements, actors, issues, scale };
    },
  };
}

export function statementsFromDataset(header: DatasetHeader, articles: Iterable<DatasetArticle>, opts: { scale?: PositionScale } = {}): StatementSet {
  const b = statementBuilder(header, opts);
  for (const a of articles) b.add(a);
  return b.result();
}
