/**
 * The statements behind one tie of a network (a click on an edge in the network view), by the
 * definitions of build.ts:
 * - two-mode actor — issue: the actor's statements on the issue;
 * - congruence / conflict actor — actor: both actors' positioned statements on the issues where
 *   a pair of their positions has a non-zero similarity (same position for congruence,
 *   different for conflict; on a −1/0/+1 scale a 0 and a +1 tie both ways, by half).
 * `statements` are those the network was built from (its filters applied). Text order kept.
 */
import type { Statement } from '../statements/statement.ts';
import type { NetworkType } from './build.ts';

/** `source` and `target` are node ids of the network (`actor:<id>`, `issue:<id>`). */
export function edgeStatements(type: NetworkType, statements: readonly Statement[], source: string, target: string, scale: { min: number; max: number }): Statement[] {
  const [sourceKind, sourceId] = splitNode(source);
  const [targetKind, targetId] = splitNode(target);
  if (type === 'two-mode') {
    const actor = sourceKind === 'actor' ? sourceId : targetId;
    const issue = sourceKind === 'issue' ? sourceId : targetId;
    return statements.filter((s) => s.claimant === actor && s.issues.includes(issue));
  }
  if (type === 'directed') return statements.filter((s) => s.claimant === sourceId && (s.addressees.includes(targetId) || s.objects.some((o) => o.actor === targetId)));
  if (sourceKind !== 'actor' || targetKind !== 'actor') return [];
  const level = (s: Statement) => (s.position === null ? null : Math.round(s.position));
  const inScale = (p: number | null): p is number => p !== null && p >= scale.min && p <= scale.max;
  // Positions per issue of each actor.
  const positions = (actor: string) => {
    const m = new Map<string, Set<number>>();
    for (const s of statements) {
      const p = level(s);
      if (s.claimant !== actor || !inScale(p)) continue;
      for (const j of s.issues) (m.get(j) ?? m.set(j, new Set()).get(j)!).add(p);
    }
    return m;
  };
  const a = positions(sourceId);
  const b = positions(targetId);
  const range = scale.max - scale.min;
  const similar = (p: number, q: number) => {
    const diff = range === 0 ? 0 : Math.abs(p - q) / range;
    return (type === 'congruence' ? 1 - diff : diff) > 0;
  };
  /** For each tying issue, the positions of each side that take part in a tie. */
  const tied = new Map<string, { a: Set<number>; b: Set<number> }>();
  for (const [j, pa] of a) {
    const pb = b.get(j);
    if (!pb) continue;
    for (const p of pa) {
      for (const q of pb) {
        if (!similar(p, q)) continue;
        const t = tied.get(j) ?? tied.set(j, { a: new Set(), b: new Set() }).get(j)!;
        t.a.add(p);
        t.b.add(q);
      }
    }
  }
  return statements.filter((s) => {
    const p = level(s);
    if (!inScale(p)) return false;
    const side = s.claimant === sourceId ? 'a' : s.claimant === targetId ? 'b' : null;
    return side !== null && s.issues.some((j) => tied.get(j)?.[side].has(p));
  });
}

function splitNode(id: string): [string, string] {
  const at = id.indexOf(':');
  return [id.slice(0, at), id.slice(at + 1)];
}
