/**
 * XML files (RSS, Atom, other exports) declare their encoding in the prolog
 * (`<?xml version="1.0" encoding="koi8-r"?>`), and XML makes that declaration binding. Byte
 * statistics can mistake one Cyrillic code page for another on short feed items, so a declared
 * legacy code page wins over detection here. Only valid multi-byte UTF-8 overrides it: feeds
 * re-saved as UTF-8 often keep their old prolog, and reading those bytes as KOI8-R would be
 * mojibake everywhere.
 */
import { decodeBytes, decodeWindows1252, type DecodeResult } from './decode.ts';

/** The `encoding` of an XML declaration at the very start of the file (after a BOM), if any. */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  // The prolog is ASCII by definition (UTF-16 files carry a BOM, which decodeBytes handles).
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\ufeff/, '');
  const m = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([\w.:-]+)\s*["'][^>]*\?>/i.exec(head);
  return m?.[1];
}

function canonical(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decodes an XML file honouring its declared encoding (see the module comment). */
export function decodeXmlBytes(bytes: Uint8Array): DecodeResult {
  const declaredRaw = xmlDeclaredEncoding(bytes);
  const declared = declaredRaw ? canonical(declaredRaw) : undefined;
  const detected = decodeBytes(bytes, declaredRaw ? { declaredCharset: declaredRaw } : undefined);
  if ('error' in detected || !declared || declared === 'utf-8' || declared.startsWith('utf-16')) return detected;
  // decodeBytes reports ISO-8859-1 for windows-1252 without 0x80–0x9F bytes: the same decoding.
  const same = detected.encoding === declared || (declared === 'windows-1252' && detected.encoding === 'iso-8859-1');
  if (same || (detected.encoding === 'utf-8' && isValidUtf8(bytes))) return detected;
  const text = declared === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(declared).decode(bytes);
  return { text: text.replace(/^\ufeff/, ''), encoding: declared };
}
