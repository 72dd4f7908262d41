import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.ts';

const text = 'The council voted to rebuild the pier.\n\n“It is time,” the mayor said — again.';

describe('contentHash', () => {
  it('is a stable 16-digit hex string', () => {
    expect(contentHash(text)).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash(text)).toBe(contentHash(text));
  });

  it('matches near-identical copies (case, white space, quote and dash styles, NFC/NFD)', () => {
    const copy = ' THE council  voted to rebuild the pier.\r\n"It is time," the mayor said - again. ';
    expect(contentHash(copy)).toBe(contentHash(text));
    expect(contentHash('Café'.normalize('NFD'))).toBe(contentHash('café'));
  });

  it('differs for different texts, including a one-word change', () => {
    expect(contentHash(text.replace('pier', 'bridge'))).not.toBe(contentHash(text));
    const hashes = new Set(Array.from({ length: 2000 }, (_, i) => contentHash(`Article number ${i}`)));
    expect(hashes.size).toBe(2000);
  });
});
