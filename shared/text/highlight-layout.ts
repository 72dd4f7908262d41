/**
 * Lays out overlapping highlights for the reader: the text is cut into segments at every
 * annotation boundary, each segment lists the annotations covering it, and each annotation
 * gets a stable "lane" (underline depth) so that nested and crossing spans stay legible.
 */

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Ids of the annotations covering this segment, outermost lane first. */
  ids: string[];
}

/** Greedy interval colouring: lower lanes for earlier (and longer) spans. */
export function assignLanes(spans: readonly Span[]): Map<string, number> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const s of sorted) {
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = s.end;
    lanes.set(s.id, lane);
  }
  return lanes;
}

export function segmentSpans(spans: readonly Span[], lanes: Map<string, number> = assignLanes(spans)): Segment[] {
  const valid = spans.filter((s) => s.end > s.start);
  const cuts = new Set<number>();
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: spans sorted by start enter the active set, leave when their end is reached.
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const active: Span[] = [];
  const segments: Segment[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    while (next < byStart.length && (byStart[next] as Span).start <= from) active.push(byStart[next++] as Span);
    for (let j = active.length - 1; j >= 0; j--) if ((active[j] as Span).end <= from) active.splice(j, 1);
    if (active.length === 0) continue;
    const ids = active
      .slice()
      .sort((a, b) => (lanes.get(a.id) ?? 0) - (lanes.get(b.id) ?? 0))
      .map((s) => s.id);
    segments.push({ start: from, end: to, ids });
  }
  return segments;
}

/** Every span covering offset `at` (a click), innermost (shortest) first. */
export function spansAt<T extends Span>(spans: readonly T[], at: number): T[] {
  return spans.filter((s) => s.start <= at && at < s.end).sort((a, b) => a.end - a.start - (b.end - b.start));
}
