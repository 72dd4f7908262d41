/**
 * Rule-based quote and attribution suggestions for English, Russian and Ukrainian: where a text
 * reports what someone said, propose the claim, its claimant (the speaker) and its source (the
 * outlet or document it is reported through). Suggestions only: the coder accepts or rejects each.
 *
 * The rules (docs/networks.md, "Quote and attribution suggestions"; measured on the hand-coded
 * articles of fixtures/quote-articles.ts by bench/parts/quotes.ts):
 * 1. Direct speech: text in quotation marks (“…”, «…», „…“, "…") of at least three words, with a
 *    speaker next to it — after it (`“…,” X said`, `«…», — сказал X`, `“…,” said X`) or before it
 *    (`X said: “…”`, `X заявил: «…»`). A quotation after `X said the document “…”` is a mixed
 *    quote: the claim starts after the verb. Quotation marks without a speaker (scare quotes,
 *    titles, party names) are not suggested.
 * 2. Dash-introduced speech: a paragraph opening with a dash, `— …, — отметила X.`
 * 3. Attribution phrases: `According to X, …`, `По словам X, …`, `По её словам, …`,
 *    `За даними X, …`, `Як повідомляє X, …`; also inside (`Y, за словами X, …`) or at the end
 *    (`…, according to X.`). "According to", "по данным", "согласно", "за даними", "как сообщает",
 *    "як повідомляє" give a source; "по словам", "за словами", "как заявил" give a claimant.
 * 4. Reported speech: a reporting verb followed by `that` / `, что` / `, що`
 *    (`X said on Tuesday that …`, `X заявил, что …`, `X заявив, що …`), in English also `X said …`
 *    at the start of a sentence; after the claim: `…, X said.`, `…, сообщила X.`; and
 *    `…, adding that …` (the same speaker).
 * The speaker is the noun phrase next to the verb: before it, back to the nearest punctuation or
 * dash (at most six words); after it, up to a preposition or punctuation (at most seven words).
 * A speaker that is a news outlet ("the news portal Onet", "агентство Укрінформ") is a source.
 *
 * Offsets are UTF-16 code units into the text (as the app stores annotations). Pure.
 */

export interface Span {
  start: number;
  end: number;
}

export type SuggestedQuoteType = 'direct' | 'indirect' | 'mixed';

export interface QuoteSuggestion {
  claim: Span;
  claimant: Span | null;
  source: Span | null;
  quoteType: SuggestedQuoteType;
  /** Which rule proposed it (shown to the coder as the reason). */
  rule: 'quote' | 'dash' | 'attribution' | 'reported';
}

type Lang = 'en' | 'ru' | 'uk';

/** Past-tense stems take -л/-ла/-ли (ru) or -в/-ла/-ли (uk). */
const RU_PAST = ['заяви', 'сказа', 'отмети', 'сообщи', 'подчеркну', 'добави', 'поясни', 'уточни', 'призна', 'предупреди', 'написа', 'рассказа', 'ответи', 'завери', 'объясни', 'напомни'];
const RU_PRESENT = ['утверждает', 'утверждают', 'считает', 'считают', 'заявляет', 'заявляют', 'говорит', 'говорят', 'сообщает', 'сообщают', 'полагает', 'полагают', 'отмечает', 'отмечают', 'подчеркивает', 'подчёркивает', 'пишет', 'пишут'];
const UK_PAST = ['заяви', 'сказа', 'зазначи', 'повідоми', 'наголоси', 'дода', 'підкресли', 'поясни', 'уточни', 'визна', 'попереди', 'написа', 'розпові', 'відпові', 'запевни', 'нагада'];
const UK_PRESENT = ['каже', 'кажуть', 'вважає', 'вважають', 'заявляє', 'заявляють', 'повідомляє', 'повідомляють', 'стверджує', 'стверджують', 'наголошує', 'зазначає', 'пише', 'пишуть'];
const EN_VERBS = [
  'said', 'says', 'told', 'tells', 'announced', 'stated', 'added', 'noted', 'claimed', 'argued', 'warned', 'insisted', 'wrote', 'reported', 'confirmed',
  'denied', 'stressed', 'explained', 'replied', 'answered', 'declared', 'admitted', 'believes', 'believe', 'thinks', 'think', 'tweeted',
];

const VERBS: Record<Lang, Set<string>> = {
  en: new Set(EN_VERBS),
  ru: new Set([...RU_PAST.flatMap((s) => [`${s}л`, `${s}ла`, `${s}ли`]), ...RU_PRESENT]),
  uk: new Set([...UK_PAST.flatMap((s) => [`${s}в`, `${s}ла`, `${s}ли`]), ...UK_PRESENT]),
};

/** Attribution phrases opening a clause; `source` when they name where it was reported rather than who said it. */
const ATTRIBUTIONS: { phrase: string; role: 'claimant' | 'source' }[] = [
  { phrase: 'according to', role: 'source' },
  { phrase: 'по словам', role: 'claimant' },
  { phrase: 'по данным', role: 'source' },
  { phrase: 'согласно данным', role: 'source' },
  { phrase: 'согласно', role: 'source' },
  { phrase: 'как сообщает', role: 'source' },
  { phrase: 'как сообщают', role: 'source' },
  { phrase: 'как пишет', role: 'source' },
  { phrase: 'как сообщил', role: 'claimant' },
  { phrase: 'как сообщила', role: 'claimant' },
  { phrase: 'как заявил', role: 'claimant' },
  { phrase: 'как заявила', role: 'claimant' },
  { phrase: 'как отметил', role: 'claimant' },
  { phrase: 'как отметила', role: 'claimant' },
  { phrase: 'за словами', role: 'claimant' },
  { phrase: 'за даними', role: 'source' },
  { phrase: 'згідно з даними', role: 'source' },
  { phrase: 'як повідомляє', role: 'source' },
  { phrase: 'як повідомляють', role: 'source' },
  { phrase: 'як пише', role: 'source' },
  { phrase: 'як повідомив', role: 'claimant' },
  { phrase: 'як повідомила', role: 'claimant' },
  { phrase: 'як заявив', role: 'claimant' },
  { phrase: 'як заявила', role: 'claimant' },
  { phrase: 'як зазначив', role: 'claimant' },
  { phrase: 'як зазначила', role: 'claimant' },
];
/** "По её словам", "За його словами": the pronoun is the claimant. */
const PRONOUN_ATTRIBUTION = /^(?:по|за)\s+(её|его|их|її|його|їхніми|їх)\s+словам(?:и)?\s*,\s*/iu;

/** Words that end a speaker found after the verb ("сказал он на совещании", "said the ministry in a statement"). */
const STOP_AFTER = new Set([
  'in', 'at', 'on', 'after', 'during', 'to', 'for', 'with', 'before', 'from', 'speaking', 'adding', 'while',
  'в', 'во', 'на', 'после', 'у', 'с', 'со', 'для', 'перед', 'во', 'при', 'журналистам', 'добавив',
  'з', 'із', 'зі', 'після', 'під', 'перед', 'для', 'при', 'журналістам', 'додавши',
]);
/** Adverbs dropped from the end of a speaker before the verb ("Він також сказав"). */
const ADVERBS = new Set(['also', 'later', 'earlier', 'then', 'again', 'также', 'тоже', 'ранее', 'позже', 'ещё', 'еще', 'вчера', 'сегодня', 'також', 'раніше', 'пізніше', 'вчора', 'сьогодні', 'ще']);
/** A speaker phrase starting with one of these names an outlet: a source, not a claimant. */
const MEDIA_HEADS = new Set([
  'agency', 'portal', 'newspaper', 'outlet', 'channel', 'broadcaster', 'website', 'reuters', 'ap', 'afp', 'tass', 'belta', 'bbc',
  'агентство', 'агентства', 'издание', 'газета', 'телеканал', 'портал', 'сайт', 'тасс', 'риа', 'белта', 'интерфакс',
  'агенція', 'агентство', 'видання', 'телеканал', 'укрінформ', 'укрінформу',
]);

const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:['’ʼ\-‐][\p{L}\p{M}\p{N}]+)*/gu;

interface Word {
  start: number;
  end: number;
  lower: string;
}

/** Every word of the text being read, found once per `suggestQuotes` call; `words` slices it. */
let current: { text: string; list: Word[] } | null = null;

function allWords(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
  return out;
}

/** The words lying wholly inside [from, to). */
function words(text: string, from: number, to: number): Word[] {
  if (current?.text !== text) current = { text, list: allWords(text) };
  const list = current.list;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < list.length && list[end]!.end <= to) end++;
  return list.slice(lo, end);
}

/** Characters that end a speaker phrase. */
const BOUNDARY = /[,;:—–()«»“”„"!?.\n]/u;

function hasBoundary(text: string, from: number, to: number): boolean {
  return BOUNDARY.test(text.slice(from, to));
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s,;:.!?—–»”]/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:.!?…—–]/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

function isMedia(text: string, span: Span): boolean {
  const ws = words(text, span.start, span.end).filter((w) => !['the', 'a', 'an', 'state', 'news', 'online'].includes(w.lower));
  return ws.length > 0 && MEDIA_HEADS.has(ws[0]!.lower);
}

/** The speaker before position `at` (a verb's start): the words back to punctuation, at most six. */
function speakerBefore(text: string, lineStart: number, at: number): Span | null {
  const ws = words(text, Math.max(lineStart, at - 200), at);
  const picked: Word[] = [];
  for (let i = ws.length - 1; i >= 0 && picked.length < 6; i--) {
    const w = ws[i]!;
    const next = picked[0]?.start ?? at;
    if (hasBoundary(text, w.end, next)) break;
    picked.unshift(w);
  }
  while (picked.length > 0 && ADVERBS.has(picked[picked.length - 1]!.lower)) picked.pop();
  if (picked.length === 0) return null;
  return { start: picked[0]!.start, end: picked[picked.length - 1]!.end };
}

/** The speaker after position `from` (a verb's end): words up to a preposition or punctuation, at most seven. */
function speakerAfter(text: string, from: number, lineEnd: number): Span | null {
  const ws = words(text, from, Math.min(lineEnd, from + 200));
  const picked: Word[] = [];
  for (const w of ws) {
    const prev = picked[picked.length - 1]?.end ?? from;
    if (hasBoundary(text, prev, w.start) || STOP_AFTER.has(w.lower) || picked.length >= 7) break;
    picked.push(w);
  }
  if (picked.length === 0) return null;
  return { start: picked[0]!.start, end: picked[picked.length - 1]!.end };
}

function langsFor(language: string | null | undefined): Lang[] {
  const l = (language ?? '').toLowerCase().slice(0, 2);
  return l === 'en' || l === 'ru' || l === 'uk' ? [l] : ['en', 'ru', 'uk'];
}

interface Segment {
  /** The quotation marks' positions: open at `open`, close at `close` (exclusive ends of the content). */
  open: number;
  close: number;
}

const PAIRS: Record<string, string[]> = { '“': ['”'], '«': ['»'], '„': ['“', '”'], '"': ['"'] };

/** Quoted segments of a paragraph, outermost only («…„…“…» is one). */
function quotedSegments(text: string, from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    const closers = PAIRS[ch];
    if (!closers) {
      i++;
      continue;
    }
    let depth = 0;
    let j = i + 1;
    for (; j < to; j++) {
      const c = text[j]!;
      if (ch === '«' && c === '«') depth++;
      else if (closers.includes(c)) {
        if (depth === 0) break;
        depth--;
      }
    }
    if (j >= to) {
      i++;
      continue;
    }
    out.push({ open: i, close: j });
    i = j + 1;
  }
  return out;
}

/** Sentences of a paragraph: ends at . ! ? … (and closing marks) before a capital, dash or opening mark; never inside quotation marks. */
function sentences(text: string, from: number, to: number, quotes: Segment[]): Span[] {
  const out: Span[] = [];
  let start = from;
  let qi = 0;
  const inQuote = (i: number) => {
    while (qi < quotes.length && quotes[qi]!.close < i) qi++;
    return qi < quotes.length && i > quotes[qi]!.open && i < quotes[qi]!.close;
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (!/[.!?…]/u.test(c) || inQuote(i)) continue;
    let j = i + 1;
    while (j < to && /[.!?…”»"“]/u.test(text[j]!)) j++;
    if (j >= to) break;
    if (!/\s/u.test(text[j]!)) continue;
    let k = j;
    while (k < to && /\s/u.test(text[k]!)) k++;
    if (k >= to || !/[\p{Lu}«“„"—–\d]/u.test(text[k]!)) continue;
    // An initial ("S. Tsikhanouskaya", "А. Г. Лукашенко") does not end a sentence.
    if (c === '.' && i - 1 >= from && /\p{Lu}/u.test(text[i - 1]!) && (i - 2 < from || !/\p{L}/u.test(text[i - 2]!))) continue;
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < to) out.push({ start, end: to });
  return out;
}

function findVerb(text: string, ws: readonly Word[], langs: readonly Lang[]): number {
  return ws.findIndex((w) => langs.some((l) => VERBS[l].has(w.lower)));
}

function speakerRole(text: string, span: Span | null): { claimant: Span | null; source: Span | null } {
  if (span && isMedia(text, span)) return { claimant: null, source: span };
  return { claimant: span, source: null };
}

/** Quote and attribution suggestions for a text, in text order, claims never overlapping. */
export function suggestQuotes(text: string, language?: string | null): QuoteSuggestion[] {
  const langs = langsFor(language);
  const found: QuoteSuggestion[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd > lineStart) paragraph(text, lineStart, lineEnd, langs, found);
    lineStart = lineEnd + 1;
  }
  // Where rules overlap, quotation marks know the claim's bounds best, then attribution phrases.
  const rank = { quote: 0, dash: 0, attribution: 1, reported: 2 };
  found.sort((a, b) => rank[a.rule] - rank[b.rule] || a.claim.start - b.claim.start);
  const out: QuoteSuggestion[] = [];
  for (const s of found) {
    if (out.some((o) => s.claim.start < o.claim.end && o.claim.start < s.claim.end)) continue;
    out.push(s);
  }
  return out.sort((a, b) => a.claim.start - b.claim.start);
}

function paragraph(text: string, from: number, to: number, langs: readonly Lang[], out: QuoteSuggestion[]): void {
  const quotes = quotedSegments(text, from, to);
  const spans = sentences(text, from, to, quotes);
  const sentenceOf = (i: number) => spans.find((s) => i >= s.start && i < s.end) ?? { start: from, end: to };

  // 2. Dash-introduced speech: "— Мы не отступим, — заявил министр."
  const dash = /^[—–]\s*/u.exec(text.slice(from, to));
  if (dash) {
    const body = from + dash[0].length;
    const rest = text.slice(body, to);
    const m = /[,!?.…]?\s+[—–]\s+/u.exec(rest);
    if (m) {
      const after = body + m.index + m[0].length;
      const ws = words(text, after, to);
      if (ws[0] && langs.some((l) => VERBS[l].has(ws[0]!.lower))) {
        const claim = trimSpan(text, body, body + m.index);
        if (claim) out.push({ claim, ...speakerRole(text, speakerAfter(text, ws[0].end, to)), quoteType: 'direct', rule: 'dash' });
      }
    }
  }

  // 1. Quotations with a speaker next to them.
  for (const q of quotes) {
    const content = trimSpan(text, q.open + 1, q.close);
    if (!content || words(text, content.start, content.end).length < 3) continue;
    const sentence = sentenceOf(q.open);
    // After: “…,” X said / said X; «…», — сказал X. Not when the sentence ended with the
    // quotation (“… humanely.” The portal reported …; «…». Он не уточнил …).
    const afterStart = q.close + 1;
    const ended = /[.!?…]$/u.test(text.slice(q.open + 1, q.close).trimEnd()) || /^[.!?…]/u.test(text.slice(afterStart, to));
    const nextSentence = ended && /^[.!?…]?\s+\p{Lu}/u.test(text.slice(afterStart, to));
    const tail = /^[\s,.!?]*[—–]?\s*/u.exec(text.slice(afterStart, to))![0];
    const tailWords = words(text, afterStart + tail.length, to).slice(0, 8);
    const vAfter = findVerb(text, tailWords, langs);
    if (!nextSentence && vAfter >= 0 && !hasBoundary(text, afterStart + tail.length, tailWords[vAfter]!.start)) {
      const verb = tailWords[vAfter]!;
      const speaker = vAfter === 0 ? speakerAfter(text, verb.end, to) : { start: tailWords[0]!.start, end: tailWords[vAfter - 1]!.end };
      if (speaker) {
        out.push({ claim: content, ...speakerRole(text, speaker), quoteType: 'direct', rule: 'quote' });
        continue;
      }
    }
    // Before: X said: “…” / X said the document “…”.
    const head = words(text, sentence.start, q.open);
    let vBefore = -1;
    for (let i = head.length - 1; i >= 0 && i >= head.length - 9; i--) {
      if (langs.some((l) => VERBS[l].has(head[i]!.lower))) {
        vBefore = i;
        break;
      }
    }
    if (vBefore < 0) continue;
    const verb = head[vBefore]!;
    const speaker = speakerBefore(text, sentence.start, verb.start);
    if (!speaker) continue;
    const gap = text.slice(verb.end, q.open);
    if (/:\s*$/u.test(gap) || gap.trim() === '') {
      out.push({ claim: content, ...speakerRole(text, speaker), quoteType: 'direct', rule: 'quote' });
    } else if (!/[.!?;]/u.test(gap)) {
      const gapWords = head.slice(vBefore + 1);
      const first = gapWords[0] && ['that', 'что', 'що'].includes(gapWords[0].lower) ? gapWords[1] : gapWords[0];
      const claim = first ? trimSpan(text, first.start, content.end) : null;
      if (claim) out.push({ claim, ...speakerRole(text, speaker), quoteType: 'mixed', rule: 'quote' });
    }
  }

  // 3 and 4, sentence by sentence.
  for (const s of spans) {
    reported(text, s, langs, out);
    adding(text, s, out);
  }
}

/** A dateline ("Minsk — ") before the first words of a sentence. */
const DATELINE = /^\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?\s+[—–]\s+/u;

function reported(text: string, s: Span, langs: readonly Lang[], out: QuoteSuggestion[]): void {
  const raw = text.slice(s.start, s.end);
  const dl = DATELINE.exec(raw);
  const start = s.start + (dl ? dl[0].length : 0);
  const sentence = text.slice(start, s.end);
  const lower = sentence.toLowerCase();
  const end = trimSpan(text, start, s.end)?.end ?? s.end;

  // 3a. "По её словам, …", "За його словами, …".
  const pron = PRONOUN_ATTRIBUTION.exec(sentence);
  if (pron) {
    const p = start + pron.index + pron[0].toLowerCase().indexOf(pron[1]!.toLowerCase());
    const claim = trimSpan(text, start + pron[0].length, end);
    if (claim) out.push({ claim, claimant: { start: p, end: p + pron[1]!.length }, source: null, quoteType: 'indirect', rule: 'attribution' });
    return;
  }
  // 3b. "According to X, …" at the start.
  for (const a of ATTRIBUTIONS) {
    if (!lower.startsWith(a.phrase + ' ')) continue;
    const comma = sentence.indexOf(', ', a.phrase.length);
    if (comma < 0) break;
    const who = trimSpan(text, start + a.phrase.length, start + comma);
    const claim = trimSpan(text, start + comma + 2, end);
    if (who && claim) out.push({ claim, claimant: a.role === 'claimant' ? who : null, source: a.role === 'source' ? who : null, quoteType: 'indirect', rule: 'attribution' });
    return;
  }
  // 3c. Inside: "Y, according to X, Z" / at the end: "Y, according to X."
  for (const a of ATTRIBUTIONS) {
    const at = lower.indexOf(`, ${a.phrase} `);
    if (at <= 0) continue;
    const whoStart = start + at + 2 + a.phrase.length;
    const close = sentence.indexOf(', ', at + 2 + a.phrase.length);
    const whoEnd = close < 0 ? end : start + close;
    const who = trimSpan(text, whoStart, whoEnd);
    if (!who) continue;
    const claim = close < 0 ? trimSpan(text, start, start + at) : trimSpan(text, start, end);
    if (!claim) continue;
    // "The Kremlin, according to TASS, welcomed …": the subject before the insertion speaks.
    const subject = close >= 0 && a.role === 'source' ? trimSpan(text, start, start + at) : null;
    const claimant = a.role === 'claimant' ? who : subject && words(text, subject.start, subject.end).length <= 5 ? subject : null;
    out.push({ claim, claimant, source: a.role === 'source' ? who : null, quoteType: 'indirect', rule: 'attribution' });
    return;
  }

  const ws = words(text, start, end);
  // 4a. "X said (on Tuesday) that …", "X заявил, что …", "X заявив журналістам, що …".
  for (let i = 0; i < ws.length; i++) {
    if (!langs.some((l) => VERBS[l].has(ws[i]!.lower))) continue;
    for (let k = i + 1; k <= Math.min(i + 5, ws.length - 1); k++) {
      const w = ws[k]!;
      const between = text.slice(ws[k - 1]!.end, w.start);
      const isThat = (w.lower === 'that' && !/[.;:!?]/u.test(between)) || ((w.lower === 'что' || w.lower === 'що') && /,\s*$/u.test(between));
      if (!isThat) {
        if (/[.;:!?]/u.test(between) || (between.includes(',') && k > i + 1)) break;
        continue;
      }
      const speaker = speakerBefore(text, start, ws[i]!.start);
      const claim = trimSpan(text, w.end, end);
      if (speaker && claim) {
        out.push({ claim, ...speakerRole(text, speaker), quoteType: 'indirect', rule: 'reported' });
      }
      return;
    }
  }
  // 4b. "…, X said (in a statement)." / "…, said X." / "…, сообщила X."
  const lastComma = sentence.lastIndexOf(', ');
  if (lastComma > 0) {
    const tailStart = start + lastComma + 2;
    const tail = words(text, tailStart, end);
    const v = findVerb(text, tail.slice(0, 8), langs);
    if (v >= 0) {
      const speaker = v === 0 ? speakerAfter(text, tail[0]!.end, end) : { start: tail[0]!.start, end: tail[v - 1]!.end };
      const claim = trimSpan(text, start, start + lastComma);
      if (speaker && claim && words(text, claim.start, claim.end).length >= 3 && !/[“”«»"]/u.test(text.slice(claim.end, tailStart))) {
        out.push({ claim, ...speakerRole(text, speaker), quoteType: 'indirect', rule: 'reported' });
        return;
      }
    }
  }
  // 4c. English without "that", at the start of a sentence: "Officials said the project would cost …".
  if (langs.includes('en')) {
    const v = ws.slice(0, 7).findIndex((w) => w.lower === 'said' || w.lower === 'says');
    if (v > 0 && !hasBoundary(text, ws[0]!.start, ws[v]!.start) && ws.length - v > 3) {
      const claim = trimSpan(text, ws[v + 1]!.start, end);
      const speaker = { start: ws[0]!.start, end: ws[v - 1]!.end };
      if (claim && !/[“”«»"]/u.test(text.slice(claim.start, claim.end))) out.push({ claim, ...speakerRole(text, speaker), quoteType: 'indirect', rule: 'reported' });
    }
  }
}

/** "…, adding that …" / "…, добавив, что …" / "…, додавши, що …": one more claim by the speaker of the sentence. */
function adding(text: string, s: Span, out: QuoteSuggestion[]): void {
  const m = /,\s+(?:adding that|добавив,\s*что|добавила,\s*что|додавши,\s*що)\s+/iu.exec(text.slice(s.start, s.end));
  if (!m) return;
  const at = s.start + m.index;
  const before = out.filter((o) => o.claim.start >= s.start && o.claim.start < at && o.claimant);
  const speaker = before[before.length - 1];
  const claim = trimSpan(text, at + m[0].length, s.end);
  if (!speaker || !claim) return;
  if (speaker.claim.end > at) speaker.claim.end = at;
  out.push({ claim, claimant: speaker.claimant, source: null, quoteType: 'indirect', rule: 'reported' });
}
