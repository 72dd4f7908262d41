/**
 * Author sanity: bylines scraped from pages carry what sits next to the name ("by Lucas
 * Nolan22 Dec 2016651": a date and a comment count run into it) or are no name at all
 * ("April 28, 2019 at 6:01 am Updated…"). Keep the name part, or nothing.
 */
import { normaliseInline } from '../text/normalise.ts';

const LEADING_BY = /^(by|by:|written by|posted by|por|par|von|di|door|автор:?|авторка:?|аўтар:?|текст:?)\s+/iu;

// Month words that precede a day number: cut with the date they belong to.
const MONTH =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember)\.?$/iu;

// Words of a date/time stamp, never of a name.
const STAMP_WORD = /^(updated|update|published|posted|modified|last|on|at|am|pm|a\.m\.|p\.m\.|et|edt|est|gmt|utc|обновлено|опубликовано|оновлено|опубліковано|em|el|le|am|um|atualizado|actualizado|mis à jour|aktualisiert)[,.:]?$/iu;

const SEPARATORS = /\s*(?:[|•·\n]|\s[-–—]\s)\s*/u;
const MAX_WORDS = 10;

/** The name part of one byline segment, or '' when the segment is a date or a stamp. */
function namePart(segment: string): string {
  const digit = segment.search(/\d/u);
  const words = (digit >= 0 ? segment.slice(0, digit) : segment).split(/\s+/u).filter((w) => w !== '');
  // Starting with a stamp word ("Updated 5 min ago") or a month ("April 28, 2019"): no name here.
  if (words.length > 0 && (STAMP_WORD.test(words[0] ?? '') || (MONTH.test(words[0] ?? '') && digit >= 0 && words.length === 1))) return '';
  while (words.length > 0 && (MONTH.test(words.at(-1) ?? '') || STAMP_WORD.test(words.at(-1) ?? '')) && digit >= 0) words.pop();
  return words.join(' ').replace(/[\s,;:]+$/u, '');
}

export interface AuthorCheck {
  /** The name(s), or undefined when nothing in the byline is a name. */
  author: string | undefined;
  /** True when more than white space or a leading "by" was removed (the raw value is worth keeping). */
  changed: boolean;
}

export function cleanAuthor(raw: string): AuthorCheck {
  const s = normaliseInline(raw);
  const unprefixed = s.replace(LEADING_BY, '');
  const names = unprefixed
    .split(SEPARATORS)
    .map((part) => namePart(part.replace(LEADING_BY, '')))
    .filter((p) => /\p{L}{2}/u.test(p) && p.split(' ').length <= MAX_WORDS);
  const author = names.length > 0 ? [...new Set(names)].join(', ') : undefined;
  return { author, changed: author !== unprefixed };
}
