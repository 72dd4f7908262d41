import { describe, expect, it } from 'vitest';
import { colourDistance, DISTINCT_DISTANCE, newTagColour, subTagColour } from './tag-colour.ts';

const HEX = /^#[0-9a-f]{6}$/;

describe('subTagColour', () => {
  it('gives a sub-tag a shade distinct from its parent, as #rrggbb', () => {
    for (const parent of ['#e8a33d', '#3d8be8', '#4caf6e', '#000000', '#ffffff', '#888888', '#F0F']) {
      const c = subTagColour(parent);
      expect(c).toMatch(HEX);
      expect(colourDistance(c, parent)).toBeGreaterThanOrEqual(DISTINCT_DISTANCE);
    }
  });

  it('keeps each new sibling distinct from the parent and the siblings before it', () => {
    const parent = '#e8a33d';
    const siblings: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = subTagColour(parent, siblings);
      for (const other of [parent, ...siblings]) expect(colourDistance(c, other)).toBeGreaterThanOrEqual(DISTINCT_DISTANCE);
      siblings.push(c);
    }
    expect(new Set(siblings).size).toBe(5);
  });

  it('stays #rrggbb for a colour it cannot read', () => {
    expect(subTagColour('red')).toMatch(HEX);
    expect(subTagColour('#e8a33d', ['not a colour'])).toMatch(HEX);
  });
});

describe('newTagColour', () => {
  it('gives the first top-level tag the category colour, later ones and sub-tags their own shade', () => {
    expect(newTagColour('#E8A33D', null, [])).toBe('#e8a33d');
    expect(colourDistance(newTagColour('#e8a33d', null, ['#e8a33d']), '#e8a33d')).toBeGreaterThanOrEqual(DISTINCT_DISTANCE);
    expect(colourDistance(newTagColour('#e8a33d', '#e8a33d', []), '#e8a33d')).toBeGreaterThanOrEqual(DISTINCT_DISTANCE);
  });
});
