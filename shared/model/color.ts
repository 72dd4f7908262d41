/**
 * The one colour rule: a colour is `#rrggbb`, nothing else. Colours reach the app from datasets,
 * merged files, REFI-QDA codebooks and the codebook form, and end up in styles; accepting only
 * this form means no stored string can ever carry CSS syntax (a `)`, `;` or `}`) into a style.
 */
export const HEX_COLOR_PATTERN = '^#[0-9a-fA-F]{6}$';
const HEX_COLOR = new RegExp(HEX_COLOR_PATTERN);

export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

/** The colour in lower case when it is `#rrggbb`, otherwise `fallback`. */
export function safeHexColor(value: unknown, fallback = '#888888'): string {
  return isHexColor(value) ? value.toLowerCase() : fallback;
}

/** `#rrggbb` as its red, green and blue components (0–255); the colour must be valid. */
export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(safeHexColor(hex).slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
