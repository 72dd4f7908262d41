/**
 * Bytes → text. Order of evidence: byte-order mark; UTF-16 without BOM (NUL-byte pattern);
 * binary rejection; valid UTF-8, or a declared charset that the bytes do not contradict;
 * mostly-UTF-8 with a few invalid sequences (each one U+FFFD, counted for the report); then
 * legacy single-byte code pages ranked by jschardet and by our own plausibility score
 * (jschardet alone misreads short Cyrillic texts).
 */
import jschardet from 'jschardet';
import { implausibleShare, plausibility } from './plausibility.ts';
import { detectSignature, SIGNATURE_NAMES } from './signature.ts';

export type DecodeResult =
  | {
      text: string;
      encoding: string;
      /**
       * Byte sequences that were not valid in an otherwise UTF-8 file: each is one U+FFFD in the
       * text, and the file's report says how many (never a silent switch to a code page).
       */
      invalidSequences?: number;
    }
  | { error: string };

export interface DecodeHint {
  /** Charset declared by the file itself (HTML `<meta charset>`), honoured if the bytes agree. */
  declaredCharset?: string;
}

/** Legacy code pages always tried, whatever the detector says: the press of the region we study. */
const LEGACY_CANDIDATES = ['windows-1251', 'koi8-r', 'koi8-u', 'ibm866', 'iso-8859-5', 'windows-1252'] as const;

// Binary and UTF-16 checks look at a prefix: enough evidence, bounded cost on 100 MB files.
const SAMPLE_BYTES = 64 * 1024;
// Binary: more than this share of the sample being NUL bytes, or control bytes (NUL included).
const MAX_NUL_SHARE = 0.01;
const MAX_CONTROL_SHARE = 0.1;
const MIN_NUL_BASIS = 4096;
// Legacy detection decodes its sample once per candidate: a smaller prefix is plenty.
const LEGACY_SAMPLE_BYTES = 16 * 1024;

// windows-1252's 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ); unassigned bytes
// stay C1 controls as in the WHATWG table.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node 20's TextDecoder decodes windows-1252 as ISO-8859-1 (C1 controls for 0x80–0x9F instead
 * of curly quotes, € and dashes); browsers follow WHATWG. Decoding it ourselves gives the same
 * text everywhere.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK);
    let s = '';
    for (const b of part) s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    out += s;
  }
  return out;
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | undefined {
  if (label === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** WHATWG name of a label TextDecoder accepts, or undefined. */
function canonicalLabel(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

function bomEncoding(bytes: Uint8Array): { label: string; skip: number } | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { label: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { label: 'utf-16be', skip: 2 };
  return undefined;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/** Share of code units that are ordinary text (letters, digits, punctuation, spaces). */
function textualShare(text: string): number {
  if (text.length === 0) return 0;
  const odd = text.match(/[^\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\n\r\t]/gu)?.length ?? 0;
  return 1 - odd / text.length;
}

/**
 * UTF-16 without BOM: one byte of each pair (the high byte) takes very few values in text written
 * in one alphabet (0x00 for ASCII, 0x04 for Cyrillic, 0x20 for typographic punctuation), and NUL
 * bytes sit on that side only. Returns the decoding that reads as text.
 */
function detectUtf16(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES));
  const pairs = sample.length / 2;
  const counts = [new Map<number, number>(), new Map<number, number>()];
  for (let i = 0; i < sample.length; i++) {
    const side = counts[i % 2];
    const b = sample[i] ?? 0;
    if (side) side.set(b, (side.get(b) ?? 0) + 1);
  }
  const nul = counts.map((c) => c.get(0) ?? 0);
  const topShare = (c: Map<number, number>) =>
    [...c.values()].sort((a, b) => b - a).slice(0, 3).reduce((n, v) => n + v, 0) / pairs;
  const candidates: [string, number][] = [
    ['utf-16le', 1],
    ['utf-16be', 0],
  ];
  for (const [label, high] of candidates) {
    const low = 1 - high;
    const highCounts = counts[high];
    if (!highCounts || (nul[high] ?? 0) === 0 || (nul[low] ?? 0) * 10 > (nul[high] ?? 0)) continue;
    if (topShare(highCounts) < 0.9) continue;
    const text = tryDecode(bytes, label, true);
    if (text !== undefined && !text.includes('\0') && textualShare(text.slice(0, 20000)) > 0.95) {
      return { text, encoding: label };
    }
  }
  return undefined;
}

// jschardet's names for encodings we can decode, mapped to WHATWG labels.
function fromDetectorName(name: string | null): string | undefined {
  if (!name) return undefined;
  const n = name.toLowerCase();
  if (n === 'ascii') return 'windows-1252';
  if (n === 'maccyrillic') return 'x-mac-cyrillic';
  return canonicalLabel(n);
}

/** Reported name: WHATWG decodes ISO-8859-1 as windows-1252; call it ISO-8859-1 when no 0x80–0x9F byte is used. */
function reportedName(label: string, bytes: Uint8Array): string {
  if (label !== 'windows-1252') return label;
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) return 'windows-1252';
  return 'iso-8859-1';
}

interface Scored {
  label: string;
  score: number;
}

/** Scores the candidate legacy decodings of `bytes`, best first. */
export function rankLegacyEncodings(bytes: Uint8Array, alsoTry: readonly string[] = []): Scored[] {
  const sample = bytes.subarray(0, LEGACY_SAMPLE_BYTES);
  const detected = jschardet.detectAll(sample);
  const confidence = new Map<string, number>();
  for (const d of detected) {
    const label = fromDetectorName(d.encoding);
    if (label && !confidence.has(label)) confidence.set(label, d.confidence);
  }
  const labels = new Set<string>([...LEGACY_CANDIDATES, ...alsoTry, ...confidence.keys()]);
  labels.delete('utf-8');
  labels.delete('utf-16le');
  labels.delete('utf-16be');
  const ranked: Scored[] = [];
  let order = 0;
  for (const label of labels) {
    const text = tryDecode(sample, label, false);
    if (text === undefined) continue;
    // The detector's confidence breaks near-ties, where our regional candidates are preferred
    // (windows-1252 over windows-1250 for French: both read "décision", only one "Coût");
    // list order breaks exact ties (KOI8-R over KOI8-U for Russian).
    const preferred = (LEGACY_CANDIDATES as readonly string[]).includes(label) ? 0.3 : 0;
    const score = plausibility(text) + 0.5 * (confidence.get(label) ?? 0) + preferred - order++ * 1e-6;
    ranked.push({ label, score });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

/** Length of the valid UTF-8 sequence starting at `i` (1 for ASCII), or 0 if the byte starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Length of the invalid sequence at `i` as the WHATWG decoder counts it (the maximal prefix of a
 * valid sequence, at least one byte): each such sequence becomes one U+FFFD.
 */
function invalidSequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 2;
    if (b0 === 0xe0) lo = 0xa0;
    if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 3;
    if (b0 === 0xf0) lo = 0x90;
    if (b0 === 0xf4) hi = 0x8f;
  } else return 1;
  let k = 1;
  while (k <= need) {
    const b = bytes[i + k];
    if (b === undefined || b < lo || b > hi) break;
    lo = 0x80;
    hi = 0xbf;
    k++;
  }
  return Math.min(k, need);
}

/** Valid multi-byte UTF-8 sequences and invalid sequences in `bytes`. */
function scanUtf8(bytes: Uint8Array): { multi: number; invalid: number } {
  let multi = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) {
      invalid++;
      i += invalidSequenceLength(bytes, i);
    } else {
      if (n > 1) multi++;
      i += n;
    }
  }
  return { multi, invalid };
}

// At most one invalid sequence per this many bytes: "a few" in a UTF-8 file. A legacy file has
// one non-ASCII byte every few words (Cyrillic: nearly every byte).
const SPARSE_INVALID_BYTES = 100;
// Short files are judged as if this long: one broken byte in a 60-byte file is still "a few".
const SPARSE_BASIS_BYTES = 1024;
// A legacy reading is kept for a sparse file only when nearly every non-ASCII place reads as text.
const MAX_IMPLAUSIBLE_SHARE = 0.1;

/**
 * Bytes that are not valid UTF-8, in a file that is not valid UTF-8 as a whole: UTF-8 with a few
 * damaged sequences (each becomes U+FFFD, and is counted), or a legacy single-byte file.
 * Undefined when the file is not mostly UTF-8.
 */
function mostlyUtf8(bytes: Uint8Array): { text: string; encoding: 'utf-8'; invalidSequences: number } | undefined {
  const { multi, invalid } = scanUtf8(bytes);
  const replaced = () => ({ text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' as const, invalidSequences: invalid });
  // More valid multi-byte sequences than broken ones: a UTF-8 file with damage (concatenated
  // sources, a cut-off character). Legacy Cyrillic has hardly any valid sequence by chance.
  if (multi >= invalid) return replaced();
  if (invalid * SPARSE_INVALID_BYTES > Math.max(bytes.length, SPARSE_BASIS_BYTES)) return undefined;
  // Mostly ASCII with a few stray bytes: legacy only if those bytes read as text in the best
  // legacy code page (“quotes”, "café"), broken UTF-8 otherwise ("ÿhe regional", "thatÃ(he").
  const best = rankLegacyEncodings(bytes)[0];
  const legacy = best ? tryDecode(bytes, best.label, false) : undefined;
  if (legacy !== undefined && !legacy.includes('\ufffd') && implausibleShare(legacy) <= MAX_IMPLAUSIBLE_SHARE) return undefined;
  return replaced();
}

/**
 * Binary or text, judged on the whole sample, not on any NUL byte: a batch file of 50,000 lines
 * with a few damaged lines is text with a few bad records (the parsers name them), not a binary
 * file. Binaries have control bytes everywhere (random data: 27 of 256 byte values) or many NULs
 * (executables, databases, UTF-32).
 */
function binaryError(bytes: Uint8Array): string | undefined {
  const sig = detectSignature(bytes);
  if (sig) return `binary file (${SIGNATURE_NAMES[sig]}), not text`;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.length === 0) return undefined;
  let controls = 0;
  let nuls = 0;
  for (const b of sample) {
    if (b === 0) nuls++;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  const manyControls = controls / sample.length > MAX_CONTROL_SHARE;
  // A small file is judged as if it were MIN_NUL_BASIS long: one stray NUL in a short article is not "1 %".
  if (nuls / Math.max(sample.length, MIN_NUL_BASIS) > MAX_NUL_SHARE || (nuls > 0 && manyControls)) return 'binary file (contains NUL bytes), not text';
  if (manyControls) return 'binary file (control bytes), not text';
  return undefined;
}

export function decodeBytes(bytes: Uint8Array, hint?: DecodeHint): DecodeResult {
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = tryDecode(bytes.subarray(bom.skip), bom.label, true);
    if (text !== undefined) return { text, encoding: bom.label };
    // A BOM followed by invalid data: fall through to detection on the rest.
  }

  // UTF-16 without BOM always has NUL bytes in Latin or Cyrillic text; most files have none.
  const utf16 = bytes.subarray(0, SAMPLE_BYTES).indexOf(0) >= 0 ? detectUtf16(bytes) : undefined;
  if (utf16) return utf16;

  const binary = binaryError(bytes);
  if (binary) return { error: binary };

  const utf8 = tryDecode(bytes, 'utf-8', true);
  const declared = hint?.declaredCharset ? canonicalLabel(hint.declaredCharset) : undefined;

  if (declared === 'utf-8' || declared === undefined || !hasNonAscii(bytes)) {
    if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
    // Declared UTF-8 (or nothing) but not valid UTF-8: detect.
  } else if (declared !== 'utf-16le' && declared !== 'utf-16be') {
    // A declared legacy charset is honoured unless valid multi-byte UTF-8 or a clearly better
    // legacy decoding says the declaration is wrong (pages re-saved as UTF-8 keep old meta tags).
    if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
    const ranked = rankLegacyEncodings(bytes, [declared]);
    const declaredScore = ranked.find((r) => r.label === declared)?.score;
    const best = ranked[0];
    const text = tryDecode(bytes, declared, false);
    if (text !== undefined && declaredScore !== undefined && (!best || declaredScore >= best.score - 0.75)) {
      return { text, encoding: reportedName(declared, bytes) };
    }
  }

  const utf8WithDamage = mostlyUtf8(bytes);
  if (utf8WithDamage) return utf8WithDamage;

  const best = rankLegacyEncodings(bytes)[0];
  if (!best) return { error: 'unknown text encoding' };
  const text = tryDecode(bytes, best.label, false);
  if (text === undefined || text.includes('\ufffd')) return { error: 'unknown text encoding' };
  return { text, encoding: reportedName(best.label, bytes) };
}
