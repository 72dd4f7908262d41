/**
 * Lone surrogates: UTF-16 code units D800–DFFF without their partner. JavaScript strings (and
 * JSON's \ud83d escapes) can hold them, but no UTF-8 file can: CSV, REFI-QDA and brat exports
 * must write U+FFFD in their place. They are found and reported rather than replaced silently.
 */

export interface LoneSurrogate {
  /** Where, as a path into the JSON value (e.g. `articles[3].text`). */
  path: string;
  /** The unit, as U+XXXX. */
  unit: string;
  /** Its position in the string, in code points (the export's unit). */
  codePoint: number;
}

/** Code-point positions of the lone surrogates in `s` (empty for a well-formed string). */
export function loneSurrogatePositions(s: string): { codePoint: number; unit: number }[] {
  const found: { codePoint: number; unit: number }[] = [];
  if (isWellFormed(s)) return found;
  let cp = 0;
  for (let i = 0; i < s.length; i++, cp++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      found.push({ codePoint: cp, unit: c });
    } else if (c >= 0xdc00 && c <= 0xdfff) found.push({ codePoint: cp, unit: c });
  }
  return found;
}

function isWellFormed(s: string): boolean {
  // String.prototype.isWellFormed (ES2024) is native in Node 20 and Chromium; the regular
  // expression is the fallback. In `u` mode a lone surrogate is matched as a code point of its own.
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(s) : !/\p{Cs}/u.test(s);
}

/**
 * Every lone surrogate in the strings (and object keys) of a JSON value, walked without recursion
 * (a hostile value may be nested far deeper than the call stack). Stops after `limit` findings.
 */
export function findLoneSurrogates(value: unknown, root: string, limit = 100): LoneSurrogate[] {
  const found: LoneSurrogate[] = [];
  if (!hasLoneSurrogate(value)) return found;
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0 && found.length < limit) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      for (const p of loneSurrogatePositions(v)) found.push({ path, unit: `U+${p.unit.toString(16).toUpperCase()}`, codePoint: p.codePoint });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        for (const p of loneSurrogatePositions(k)) found.push({ path: `${path} (the key ${JSON.stringify(k)})`, unit: `U+${p.unit.toString(16).toUpperCase()}`, codePoint: p.codePoint });
        stack.push([(v as Record<string, unknown>)[k], /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`]);
      }
    }
  }
  return found.slice(0, limit);
}

/** The same walk without paths: the common case (nothing found) costs no string building. */
function hasLoneSurrogate(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!isWellFormed(v)) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (typeof v === 'object' && v !== null) {
      for (const k in v) {
        if (!isWellFormed(k)) return true;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return false;
}
