/**
 * A text cut into segments by one coder's spans, for showing the coders' layers side by side:
 * each segment lists the spans covering it and whether it lies in the focused disagreement.
 * Offsets are UTF-16 (the store's); pure.
 */
export interface LayerSpan {
  id: string;
  start: number;
  end: number;
}

export interface Segment<S extends LayerSpan> {
  start: number;
  end: number;
  spans: S[];
  focus: boolean;
}

export function layerSegments<S extends LayerSpan>(length: number, spans: readonly S[], focus: { start: number; end: number } | null): Segment<S>[] {
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  if (focus) {
    cuts.add(Math.max(0, Math.min(length, focus.start)));
    cuts.add(Math.max(0, Math.min(length, focus.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment<S>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    out.push({ start, end, spans: spans.filter((s) => s.start < end && s.end > start), focus: !!focus && focus.start < end && focus.end > start });
  }
  return out;
}
