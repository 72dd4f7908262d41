/**
 * Hash of an article's normalised text, for duplicate detection within a project. Copies that
 * differ only in case, white space, typographic quotes/dashes or Unicode normal form hash alike.
 */

/** The form of a text that duplicate detection compares. */
export function normaliseForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/ё/g, 'е')
    .replace(/(?:\s|\u200b|\u200c|\u200d|\u2060|\ufeff)+/g, ' ')
    .trim();
}

/**
 * cyrb53-style 64-bit hash (two 32-bit lanes) of the normalised text, as 16 hex digits.
 * Synchronous on purpose: it runs per article inside the import worker, where awaiting
 * SubtleCrypto for 10,000 articles costs more than hashing.
 */
export function contentHash(text: string): string {
  const s = normaliseForHash(text);
  let h1 = 0xdeadbeef ^ s.length;
  let h2 = 0x41c6ce57 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
