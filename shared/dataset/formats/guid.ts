/**
 * Deterministic GUIDs for formats that require them (REFI-QDA): a record whose id already is a
 * UUID keeps it; any other key (ids like `claim`, coder names, derived objects such as a coding)
 * gets a stable GUID from a 128-bit hash, so re-exporting a project gives the same GUIDs and a
 * QDA tool can recognise what it imported before.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function lane(s: string, seed: number): number {
  let h = seed ^ s.length;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x9e3779b1 + seed * 2);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Upper-case GUID (8-4-4-4-12) for `key`, in the name-based (version 5 style) layout. */
export function guidFor(key: string): string {
  if (UUID.test(key)) return key.toUpperCase();
  const hex = [0x1234567, 0x2345678, 0x3456789, 0x456789a].map((seed) => lane(key, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const g = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return g.toUpperCase();
}
