/**
 * Coding from search hits: what applying a tag (or linking an actor) to the selected KWIC lines
 * writes. Pure, so the rules — snapping, exact duplicates, linking an unlinked mention in place —
 * are tested without the store; `renderer/src/db/hit-coding.ts` writes the plan in one transaction.
 */
import { snapToWords } from '../text/word-boundaries.ts';

/** A selected concordance line: where its hit lies in its article (UTF-16, half-open). */
export interface SelectedHit {
  articleId: string;
  start: number;
  end: number;
  /** What the line shows and its article's title, to name a skipped duplicate. */
  hit: string;
  title: string;
}

/** An existing annotation, as far as the plan cares. */
export interface ExistingAnnotation {
  id: string;
  articleId: string;
  tagId: string;
  start: number;
  end: number;
  actorId?: string;
}

export interface HitCodingRequest {
  tagId: string;
  /** Link the new (or an existing unlinked) mention to this actor. */
  actorId?: string;
  /** Tags whose annotations are mentions that an actor link may be added to (the actor category's tags). */
  mentionTagIds?: ReadonlySet<string>;
  /** Snap each hit to whole words first (the reader's setting). */
  snap: boolean;
}

export interface HitCodingPlan {
  /** New annotations to add: where, and the actor to link when one was asked for. */
  create: { articleId: string; start: number; end: number; actorId?: string }[];
  /** Unlinked mentions exactly at a hit: the actor link is added to them instead of a new annotation. */
  link: { annotationId: string; actorId: string }[];
  /** Hits already coded exactly so (same span, same tag, same actor): left alone and named. */
  duplicates: SelectedHit[];
}

const key = (articleId: string, start: number, end: number) => `${articleId}\u0000${start}\u0000${end}`;

/**
 * The plan for coding `hits`. `texts` gives each article's text (for snapping); `existing` the
 * annotations of those articles. Two hits that snap to the same span are coded once.
 */
export function planHitCoding(hits: readonly SelectedHit[], texts: (articleId: string) => string | undefined, existing: readonly ExistingAnnotation[], req: HitCodingRequest): HitCodingPlan {
  const bySpan = new Map<string, ExistingAnnotation[]>();
  for (const a of existing) {
    const k = key(a.articleId, a.start, a.end);
    const list = bySpan.get(k);
    if (list) list.push(a);
    else bySpan.set(k, [a]);
  }
  const plan: HitCodingPlan = { create: [], link: [], duplicates: [] };
  const seen = new Set<string>();
  for (const h of hits) {
    const text = texts(h.articleId);
    if (text === undefined) continue;
    const span = req.snap ? snapToWords(text, h.start, h.end) : { start: h.start, end: h.end };
    if (span.start >= span.end) continue;
    const k = key(h.articleId, span.start, span.end);
    if (seen.has(k)) continue;
    seen.add(k);
    const here = bySpan.get(k) ?? [];
    if (here.some((a) => a.tagId === req.tagId && (req.actorId === undefined || a.actorId === req.actorId))) {
      plan.duplicates.push(h);
      continue;
    }
    if (req.actorId !== undefined) {
      const unlinked = here.find((a) => a.actorId === undefined && (a.tagId === req.tagId || req.mentionTagIds?.has(a.tagId)));
      if (unlinked) {
        plan.link.push({ annotationId: unlinked.id, actorId: req.actorId });
        continue;
      }
    }
    plan.create.push({ articleId: h.articleId, start: span.start, end: span.end, ...(req.actorId !== undefined ? { actorId: req.actorId } : {}) });
  }
  return plan;
}

/** The status line after coding: what was made, and which hits were skipped as exact duplicates. */
export function describeHitCoding(plan: HitCodingPlan, target: string): string {
  const parts: string[] = [];
  const n = plan.create.length;
  const l = plan.link.length;
  if (n > 0) parts.push(`${n === 1 ? '1 annotation' : `${n} annotations`} added as ${target}`);
  if (l > 0) parts.push(`${l === 1 ? '1 mention' : `${l} mentions`} linked to ${target}`);
  if (n === 0 && l === 0) parts.push('Nothing added');
  const d = plan.duplicates;
  if (d.length > 0) {
    const named = [...new Set(d.map((h) => (h.title ? `“${h.hit}” in “${h.title}”` : `“${h.hit}”`)))];
    const shown = named.slice(0, 3).join(', ') + (named.length > 3 ? ` and ${named.length - 3} more` : '');
    parts.push(`${d.length === 1 ? '1 hit was' : `${d.length} hits were`} already coded so, skipped: ${shown}`);
  }
  return parts.join('; ') + '.';
}

/** Tags of existing annotations that overlap a hit: what an already-coded line shows. */
export function tagsAtHit(annotations: readonly ExistingAnnotation[], start: number, end: number): string[] {
  const out: string[] = [];
  for (const a of annotations) if (a.start < end && start < a.end && !out.includes(a.tagId)) out.push(a.tagId);
  return out;
}
