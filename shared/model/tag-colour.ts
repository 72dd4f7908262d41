/**
 * Colours for new sub-tags: a shade of the parent's colour that can still be told apart from the
 * parent and from the sibling sub-tags in the text (a sub-tag that simply inherited its parent's
 * colour looked exactly like it). Output is always `#rrggbb`, lower case.
 */

import type { Tag } from './types.ts';

interface Hsl {
  h: number;
  s: number;
  l: number;
}

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1] as string;
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

function rgbToHsl([r, g, b]: [number, number, number]): Hsl {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === R ? (G - B) / d + (G < B ? 6 : 0) : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  return { h: h * 60, s, l };
}

function hslToRgb({ h, s, l }: Hsl): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

/** Perceptual distance between two colours (the "redmean" approximation, 0…~765). */
export function colourDistance(a: string, b: string): number {
  const x = parseHex(a);
  const y = parseHex(b);
  if (!x || !y) return 0;
  const rm = (x[0] + y[0]) / 2;
  const [dr, dg, db] = [x[0] - y[0], x[1] - y[1], x[2] - y[2]];
  return Math.sqrt((2 + rm / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rm) / 256) * db * db);
}

/** Two tag colours closer than this are hard to tell apart as text highlights. */
export const DISTINCT_DISTANCE = 60;

/** Lightness and hue steps tried in order: darker and lighter shades first, then hue shifts. */
const STEPS: readonly { dl: number; dh: number }[] = [
  { dl: -0.14, dh: 0 },
  { dl: 0.14, dh: 0 },
  { dl: 0, dh: 24 },
  { dl: 0, dh: -24 },
  { dl: -0.14, dh: 24 },
  { dl: 0.14, dh: -24 },
  { dl: -0.24, dh: 0 },
  { dl: 0.24, dh: 0 },
  { dl: -0.14, dh: -24 },
  { dl: 0.14, dh: 24 },
  { dl: 0, dh: 48 },
  { dl: 0, dh: -48 },
];

/**
 * A colour for a new sub-tag of a tag coloured `parent`, distinct from the parent and from
 * `siblings` (the colours of its future siblings). When every shade is taken, the one farthest
 * from all of them.
 */
export function subTagColour(parent: string, siblings: readonly string[] = []): string {
  const rgb = parseHex(parent) ?? [136, 136, 136];
  const base = rgbToHsl(rgb);
  // A grey parent has no hue to shift: give the shades some saturation of their own.
  const s = base.s < 0.12 ? 0.35 : base.s;
  const taken = [toHex(rgb), ...siblings.filter((c) => parseHex(c)).map((c) => toHex(parseHex(c) as [number, number, number]))];
  let best = { colour: toHex(rgb), score: -1 };
  for (const { dl, dh } of STEPS) {
    // Keep shades readable as highlights: neither near-black nor near-white.
    const l = Math.min(0.8, Math.max(0.25, base.l + dl));
    const colour = toHex(hslToRgb({ h: (base.h + dh + 360) % 360, s, l }));
    const score = Math.min(...taken.map((t) => colourDistance(colour, t)));
    if (score >= DISTINCT_DISTANCE) return colour;
    if (score > best.score) best = { colour, score };
  }
  return best.colour;
}

/**
 * The colour a new tag starts with: a sub-tag a shade of its parent, a top-level tag the
 * category's colour unless another top-level tag of the category already has it.
 */
export function newTagColour(categoryColour: string, parentColour: string | null, siblings: readonly string[]): string {
  if (parentColour !== null) return subTagColour(parentColour, siblings);
  const own = parseHex(categoryColour);
  if (own && siblings.every((s) => colourDistance(s, categoryColour) >= DISTINCT_DISTANCE)) return toHex(own);
  return subTagColour(categoryColour, siblings);
}

/** Colours of the tags that would be a new tag's siblings (same category, same parent). */
export function siblingColours(tags: readonly Pick<Tag, 'categoryId' | 'parentId' | 'color'>[], categoryId: string, parentId: string | null): string[] {
  return tags.filter((t) => t.categoryId === categoryId && t.parentId === parentId).map((t) => t.color);
}
