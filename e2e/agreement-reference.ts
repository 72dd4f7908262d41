/**
 * Agreement figures computed in the tests themselves, independently of the app's
 * shared/analysis/agreement (issue #10: "values computed independently in the test"): the
 * textbook formulas written out directly, by brute force where the app is clever —
 *  - tokens: runs of letters, digits and inner apostrophes or hyphens, counted in code points;
 *  - a coder's value at a token: the tags of their spans overlapping it ("+"-joined, sorted), or
 *    "none"; null where the coder did not code the article;
 *  - Cohen's κ over tokens both coders coded; Krippendorff's nominal α from pair counts
 *    (D_o over the ordered pairs within units, D_e over all pairs of the pooled values);
 *  - uα (Krippendorff 2004, §12.4) for one value on the articles laid end to end, every pair of
 *    segments compared (no sweep), D_e summed over every (unit, gap) pair.
 */
export interface RefSpan {
  articleId: string;
  coder: string;
  /** Code points, half-open. */
  start: number;
  end: number;
  tag: string;
}

export interface RefArticle {
  id: string;
  text: string;
  /** Coders who coded it. */
  coders: readonly string[];
}

const cps = (text: string) => Array.from(text);

function tokens(text: string): [number, number][] {
  const chars = cps(text);
  const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}\p{N}_]/u.test(c);
  const out: [number, number][] = [];
  let i = 0;
  while (i < chars.length) {
    if (!word(chars[i])) {
      i++;
      continue;
    }
    let j = i;
    while (word(chars[j]) || (/['’\-.]/.test(chars[j] ?? '') && word(chars[j - 1]) && word(chars[j + 1]))) j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

/** Units × coders: one row per token of every article. */
export function tokenTable(articles: readonly RefArticle[], coders: readonly string[], spans: readonly RefSpan[]): (string | null)[][] {
  return articles.flatMap((a) =>
    tokens(a.text).map(([s, e]) =>
      coders.map((c) => {
        if (!a.coders.includes(c)) return null;
        const tags = [...new Set(spans.filter((x) => x.articleId === a.id && x.coder === c && x.start < e && s < x.end).map((x) => x.tag))].sort();
        return tags.length === 0 ? 'none' : tags.join('+');
      }),
    ),
  );
}

export function cohenKappaRef(rows: readonly (string | null)[][]): number {
  const both = rows.filter((r) => r[0] !== null && r[1] !== null);
  const n = both.length;
  const po = both.filter((r) => r[0] === r[1]).length / n;
  const values = [...new Set(both.flat())];
  const pe = values.reduce((s, v) => s + (both.filter((r) => r[0] === v).length / n) * (both.filter((r) => r[1] === v).length / n), 0);
  return (po - pe) / (1 - pe);
}

export function nominalAlphaRef(rows: readonly (string | null)[][]): number {
  let disagreeing = 0;
  let n = 0;
  const pooled: string[] = [];
  for (const r of rows) {
    const vals = r.filter((v): v is string => v !== null);
    const m = vals.length;
    if (m < 2) continue;
    n += m;
    pooled.push(...vals);
    let d = 0;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j && vals[i] !== vals[j]) d++;
    disagreeing += d / (m - 1);
  }
  let expectedPairs = 0;
  for (let i = 0; i < pooled.length; i++) for (let j = 0; j < pooled.length; j++) if (i !== j && pooled[i] !== pooled[j]) expectedPairs++;
  return 1 - (n - 1) * (disagreeing / expectedPairs);
}

/** uα of two or more coders for spans all of one value, over the articles every coder coded. */
export function unitizingAlphaRef(articles: readonly RefArticle[], coders: readonly string[], spans: readonly RefSpan[]): number {
  const m = coders.length;
  const pooled: { coder: string; start: number; end: number }[] = [];
  let L = 0;
  for (const a of articles) {
    if (!coders.every((c) => a.coders.includes(c))) continue;
    for (const s of spans) if (s.articleId === a.id && s.start < s.end) pooled.push({ coder: s.coder, start: s.start + L, end: s.end + L });
    L += cps(a.text).length;
  }
  // Each coder's units (overlaps joined) and gaps.
  const segs = coders.map((c) => {
    const units = pooled.filter((s) => s.coder === c).sort((x, y) => x.start - y.start);
    const joined: { start: number; end: number }[] = [];
    for (const u of units) {
      const last = joined[joined.length - 1];
      if (last && u.start < last.end) last.end = Math.max(last.end, u.end);
      else joined.push({ ...u });
    }
    const out: { start: number; end: number; unit: boolean }[] = [];
    let pos = 0;
    for (const u of joined) {
      if (u.start > pos) out.push({ start: pos, end: u.start, unit: false });
      out.push({ ...u, unit: true });
      pos = u.end;
    }
    if (pos < L) out.push({ start: pos, end: L, unit: false });
    return out;
  });
  let sum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      for (const g of segs[i]!) {
        for (const h of segs[j]!) {
          if (!(g.start < h.end && h.start < g.end)) continue;
          if (g.unit && h.unit) sum += (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
          else if (g.unit && h.start <= g.start && g.end <= h.end) sum += (g.end - g.start) ** 2;
          else if (h.unit && g.start <= h.start && h.end <= g.end) sum += (h.end - h.start) ** 2;
        }
      }
    }
  }
  const Do = (2 * sum) / (m * (m - 1) * L * L);
  const units = segs.flat().filter((s) => s.unit).map((s) => s.end - s.start);
  const gaps = segs.flat().filter((s) => !s.unit).map((s) => s.end - s.start);
  const N = units.length;
  let num = 0;
  for (const l of units) {
    num += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3;
    for (const g of gaps) if (g >= l) num += l * l * (g - l + 1);
  }
  const De = ((2 / L) * num) / (m * L * (m * L - 1) - units.reduce((s, l) => s + l * (l - 1), 0));
  return 1 - Do / De;
}
