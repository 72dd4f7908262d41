import type { EditorView } from '@tiptap/pm/view';
import { assignLanes } from '@shared/text/highlight-layout.ts';
import { hexToRgb, safeHexColor } from '@shared/model/color.ts';
import { offsetToPos } from './reader-doc.ts';

export interface HighlightSpan {
  id: string;
  start: number;
  end: number;
  color: string;
  label: string;
}

export interface HighlightInput {
  spans: HighlightSpan[];
  selectedId: string | null;
  flashId: string | null;
  /** Hits of the find bar (search inside the article), the current one painted stronger. */
  find?: { hits: readonly { start: number; end: number }[]; current: number } | null;
  /** Suggestions not yet accepted (quote suggestions): dashed ghosts, the current one and its speaker stronger. */
  ghosts?: { spans: readonly { start: number; end: number }[]; current: readonly { start: number; end: number }[] } | null;
}

const LANE_PX = 3;
const SELECTED = 'pw-selected';
const FLASH = 'pw-flash';
const FIND = 'pw-find';
const FIND_CURRENT = 'pw-find-current';
const GHOST = 'pw-ghost';
const GHOST_CURRENT = 'pw-ghost-current';

function rgba(hex: string, a: number): string {
  const [r, g, b] = hexToRgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${a})`;
}

/**
 * Paints annotations over the reader with the CSS Custom Highlight API: one highlight per
 * (colour, lane), each a set of ranges computed from the stored offsets. The document's DOM is
 * never touched, so a thousand overlapping annotations cost about what the bare text costs
 * (ProseMirror decorations re-render the text and styled spans: measured 3–8× slower, see
 * README). Backgrounds blend where spans overlap; each lane's underline is thicker and drawn
 * beneath the lanes above it, so nested and crossing spans show as stacked stripes.
 *
 * Colours come from stored tags, which a restored or merged dataset can fill with anything: the
 * style sheet's text is built only from numbers and from names made of a validated `#rrggbb`
 * (hex digits), never from a stored string, so no colour can inject a CSS rule.
 */
export class HighlightPainter {
  private readonly sheet = new CSSStyleSheet();
  private readonly names = new Set<string>();
  /** What each painted group holds ("id:start:end" joined), so unchanged groups are left alone. */
  private readonly signatures = new Map<string, string>();
  private rules = '';

  constructor(private readonly view: EditorView) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  paint(input: HighlightInput): void {
    const lanes = assignLanes(input.spans);
    const groups = new Map<string, { color: string; lane: number; spans: HighlightSpan[] }>();
    for (const span of input.spans) {
      if (span.end <= span.start) continue;
      const lane = lanes.get(span.id) ?? 0;
      const color = safeHexColor(span.color);
      const key = `pw-${color.slice(1)}-${lane}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { color, lane, spans: [] }));
      group.spans.push(span);
    }
    const rules: string[] = [];
    const used = new Set<string>();
    for (const [name, g] of groups) {
      used.add(name);
      rules.push(
        `::highlight(${name}) { background-color: ${rgba(g.color, 0.16)}; text-decoration: underline ${rgba(g.color, 1)} ${LANE_PX * (g.lane + 1)}px; text-decoration-skip-ink: none; text-underline-offset: 2px; }`,
      );
      // Re-registering a highlight makes the browser restyle the text: only touch changed groups.
      const signature = g.spans.map((x) => `${x.id}:${x.start}:${x.end}`).join(',');
      if (this.signatures.get(name) === signature && CSS.highlights.has(name)) continue;
      const highlight = new Highlight(...g.spans.map((x) => this.range(x.start, x.end)));
      highlight.priority = 100 - g.lane;
      CSS.highlights.set(name, highlight);
      this.signatures.set(name, signature);
    }
    const byId = new Map(input.spans.map((x) => [x.id, x]));
    for (const [name, id] of [
      [SELECTED, input.selectedId],
      [FLASH, input.flashId],
    ] as const) {
      const span = id ? byId.get(id) : undefined;
      if (!span || span.end <= span.start) continue;
      used.add(name);
      const signature = `${span.id}:${span.start}:${span.end}`;
      if (this.signatures.get(name) === signature && CSS.highlights.has(name)) continue;
      const highlight = new Highlight(this.range(span.start, span.end));
      highlight.priority = name === FLASH ? 1001 : 1000;
      CSS.highlights.set(name, highlight);
      this.signatures.set(name, signature);
    }
    // Find hits: above every annotation, so a hit inside a tagged passage still shows.
    const find = input.find;
    const findGroups: [string, { start: number; end: number }[], number][] = find
      ? [
          [FIND, find.hits.filter((h) => h.end > h.start), 1002],
          [FIND_CURRENT, [find.hits[find.current]].filter((h): h is { start: number; end: number } => !!h && h.end > h.start), 1003],
        ]
      : [];
    // Ghosts sit below the selection and the find hits: a suggestion is never mistaken for either.
    const ghosts = input.ghosts;
    if (ghosts) findGroups.push([GHOST, ghosts.spans.filter((h) => h.end > h.start), 998], [GHOST_CURRENT, ghosts.current.filter((h) => h.end > h.start), 999]);
    for (const [name, hits, priority] of findGroups) {
      if (hits.length === 0) continue;
      used.add(name);
      const signature = hits.map((h) => `${h.start}:${h.end}`).join(',');
      if (this.signatures.get(name) === signature && CSS.highlights.has(name)) continue;
      const highlight = new Highlight(...hits.map((h) => this.range(h.start, h.end)));
      highlight.priority = priority;
      CSS.highlights.set(name, highlight);
      this.signatures.set(name, signature);
    }
    rules.push(`::highlight(${FIND}) { background-color: rgba(255, 213, 79, 0.6); }`, `::highlight(${FIND_CURRENT}) { background-color: rgba(255, 145, 0, 0.75); }`);
    // Dashed and translucent, unlike any coded annotation (solid underline over a tint).
    rules.push(
      `::highlight(${GHOST}) { background-color: rgba(124, 77, 255, 0.07); text-decoration: underline dashed rgba(124, 77, 255, 0.85) 2px; text-underline-offset: 4px; }`,
      `::highlight(${GHOST_CURRENT}) { background-color: rgba(124, 77, 255, 0.2); text-decoration: underline dashed rgb(94, 53, 177) 3px; text-underline-offset: 4px; }`,
    );
    rules.push(`::highlight(${SELECTED}) { background-color: rgba(31, 35, 40, 0.14); }`, `::highlight(${FLASH}) { background-color: rgba(255, 200, 0, 0.55); }`);
    for (const name of this.names) {
      if (used.has(name)) continue;
      CSS.highlights.delete(name);
      this.signatures.delete(name);
    }
    this.names.clear();
    for (const name of used) this.names.add(name);
    const text = rules.join('\n');
    if (text !== this.rules) {
      this.sheet.replaceSync(text);
      this.rules = text;
    }
  }

  destroy(): void {
    for (const name of this.names) CSS.highlights.delete(name);
    this.names.clear();
    this.signatures.clear();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }

  private range(start: number, end: number): StaticRange {
    const a = this.view.domAtPos(offsetToPos(start));
    const b = this.view.domAtPos(offsetToPos(end));
    return new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
  }
}
