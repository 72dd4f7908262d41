import { describe, expect, it } from 'vitest';
import { hexToRgb, isHexColor, safeHexColor } from './color.ts';

const HOSTILE = '#000000) {} body {display:none} .topbar::after {content:"please re-enter your password"} ::highlight(x';

describe('the colour rule (#rrggbb only)', () => {
  it('accepts six hex digits after #, in either case', () => {
    expect(isHexColor('#e8a33d')).toBe(true);
    expect(isHexColor('#AA0011')).toBe(true);
  });

  it.each([['orange'], ['#fff'], ['#12345'], ['#1234567'], ['e8a33d'], ['#e8a33d '], [' #e8a33d'], ['#e8a33d\n'], ['rgb(1,2,3)'], [HOSTILE], [''], [null], [42], [{}]])('refuses %j', (value) => {
    expect(isHexColor(value)).toBe(false);
    expect(safeHexColor(value)).toBe('#888888');
  });

  it('normalises to lower case and splits into components', () => {
    expect(safeHexColor('#AA0011')).toBe('#aa0011');
    expect(hexToRgb('#ff8000')).toEqual([255, 128, 0]);
    expect(hexToRgb(HOSTILE)).toEqual([0x88, 0x88, 0x88]);
  });
});
