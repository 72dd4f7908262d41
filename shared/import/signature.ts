/** Recognises file formats by their first bytes ("magic numbers"), before any text decoding. */

export type Signature =
  | 'pdf'
  | 'zip'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'bmp'
  | 'tiff'
  | 'gzip'
  | 'rar'
  | '7z'
  | 'ole'
  | 'mp3'
  | 'mp4'
  | 'elf'
  | 'exe'
  | 'rtf';

const SIGNATURES: readonly [Signature, readonly number[], number?][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]], // empty archive
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['webp', [0x57, 0x45, 0x42, 0x50], 8], // RIFF....WEBP
  ['bmp', [0x42, 0x4d]],
  ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
  ['gzip', [0x1f, 0x8b]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // legacy .doc/.xls
  ['mp3', [0x49, 0x44, 0x33]],
  ['mp4', [0x66, 0x74, 0x79, 0x70], 4],
  ['elf', [0x7f, 0x45, 0x4c, 0x46]],
  ['exe', [0x4d, 0x5a, 0x90, 0x00]],
  ['rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]], // {\rtf — text, but markup: parsed by parsers/rtf.ts
];

export function detectSignature(bytes: Uint8Array): Signature | undefined {
  for (const [name, magic, offset = 0] of SIGNATURES) {
    if (bytes.length < offset + magic.length) continue;
    if (magic.every((b, i) => bytes[offset + i] === b)) {
      // "BM" is also how plain text may start ("BMW …"): require the BMP header's size field to match.
      if (name === 'bmp' && !looksLikeBmp(bytes)) continue;
      return name;
    }
  }
  return undefined;
}

function looksLikeBmp(bytes: Uint8Array): boolean {
  if (bytes.length < 6) return false;
  const size = (bytes[2] ?? 0) | ((bytes[3] ?? 0) << 8) | ((bytes[4] ?? 0) << 16) | ((bytes[5] ?? 0) << 24);
  return size === bytes.length;
}

/** A human name for a signature, for problem messages. */
export const SIGNATURE_NAMES: Record<Signature, string> = {
  pdf: 'PDF document',
  zip: 'ZIP archive',
  png: 'PNG image',
  jpeg: 'JPEG image',
  gif: 'GIF image',
  webp: 'WebP image',
  bmp: 'BMP image',
  tiff: 'TIFF image',
  gzip: 'gzip archive',
  rar: 'RAR archive',
  '7z': '7-Zip archive',
  ole: 'legacy Office document (.doc/.xls); save it as .docx',
  mp3: 'MP3 audio',
  mp4: 'MP4 video',
  elf: 'executable program',
  exe: 'Windows program',
  rtf: 'RTF document',
};
