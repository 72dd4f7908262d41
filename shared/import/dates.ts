/**
 * Publication dates as ISO 8601. Sources write dates in many ways; we accept the common ones
 * and never invent precision: a date without a time stays a date (`2024-03-05`).
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // Russian / Ukrainian / Belarusian genitive stems
  янв: 1, фев: 2, мар: 3, апр: 4, мая: 5, май: 5, июн: 6, июл: 7, авг: 8, сен: 9, окт: 10, ноя: 11, дек: 12,
  січ: 1, лют: 2, бер: 3, кві: 4, тра: 5, чер: 6, лип: 7, сер: 8, вер: 9, жов: 10, лис: 11, гру: 12,
  сту: 1, сак: 3, кра: 4, чэр: 6, ліп: 7, жні: 8, кас: 10, ліс: 11, сне: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCDate() === d && date.getUTCMonth() === m - 1;
}

function ymd(y: number, m: number, d: number): string | undefined {
  return validYmd(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

function monthFromName(name: string): number | undefined {
  const n = name.toLowerCase();
  return MONTHS[n.slice(0, 3)] ?? MONTHS[n.slice(0, 4)];
}

/** ISO 8601 form of a date string, or undefined when it cannot be read safely. */
export function toIsoDate(value: string): string | undefined {
  const s = value.trim();
  if (s === '') return undefined;

  // ISO 8601 date or date-time (space separator tolerated), kept with its own offset.
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, zone] = iso;
    const date = ymd(Number(y), Number(mo), Number(d));
    if (!date) return undefined;
    if (h === undefined) return date;
    if (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 59) return undefined;
    let tz = zone?.toUpperCase() ?? '';
    if (/^[+-]\d{4}$/.test(tz)) tz = `${tz.slice(0, 3)}:${tz.slice(3)}`;
    return `${date}T${h}:${mi}:${sec ?? '00'}${frac ?? ''}${tz}`;
  }

  // 05.03.2024 / 05/03/2024 (day first, as written in the region), optional time.
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ ,]+(\d{1,2}):(\d{2}))?$/.exec(s);
  if (dmy) {
    const [, d, mo, y, h, mi] = dmy;
    const date = ymd(Number(y), Number(mo), Number(d));
    if (!date || h === undefined) return date;
    return Number(h) <= 23 && Number(mi) <= 59 ? `${date}T${pad(Number(h))}:${mi}:00` : undefined;
  }

  // "5 March 2024", "5 марта 2024 г.", "March 5, 2024"
  const dayMonth = /^(\d{1,2})\s+(\p{L}+)\.?,?\s+(\d{4})/u.exec(s);
  if (dayMonth) {
    const m = monthFromName(dayMonth[2] ?? '');
    if (m) return ymd(Number(dayMonth[3]), m, Number(dayMonth[1]));
  }
  const monthDay = /^(?:\p{L}+,?\s+)?(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})/u.exec(s);
  if (monthDay) {
    const m = monthFromName(monthDay[1] ?? '');
    if (m) return ymd(Number(monthDay[3]), m, Number(monthDay[2]));
  }

  // RFC 2822 ("Tue, 05 Mar 2024 10:00:00 GMT") and other forms Date understands with a zone.
  if (/\d{4}/.test(s) && /(GMT|UTC|Z|[+-]\d{4})$/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) return new Date(t).toISOString().replace('.000Z', 'Z');
  }
  return undefined;
}
