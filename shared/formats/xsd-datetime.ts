/**
 * Every valid `xsd:dateTime` made into the one form Glose stores (ISO 8601 in UTC with
 * milliseconds): offsets (`+02:00`), any number of fraction digits (Hypothesis writes
 * microseconds), no time zone (read as UTC, as most tools mean it) and `24:00:00` (the next
 * midnight). Anything else, or a year outside 0001–9999, is null so the caller can say why.
 */

const XSD = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written at [at, at + length) of `value`, known to be digits. */
function digits(value: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + value.charCodeAt(i) - 48;
  return n;
}

/** `value` is already the stored form of a real date and time (checked field by field: an import reads 100,000s of them). */
function isCanonical(value: string): boolean {
  if (!CANONICAL.test(value)) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS[month - 1];
  const day = digits(value, 8, 2);
  return year >= 1 && days !== undefined && day >= 1 && day <= days && digits(value, 11, 2) <= 23 && digits(value, 14, 2) <= 59 && digits(value, 17, 2) <= 59;
}

export function isoFromXsd(value: string): string | null {
  if (isCanonical(value)) return value;
  const m = XSD.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = m[7] ?? '';
  if (year < 1 || month < 1 || month > 12 || day < 1 || minute > 59 || second > 59) return null;
  if (hour > 24 || (hour === 24 && (minute > 0 || second > 0 || /[1-9]/.test(fraction)))) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1) return null; // 31 April, 29 February of a common year
  let offset = 0;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const [h, mm] = zone.slice(1).split(':').map(Number) as [number, number];
    if (mm > 59 || h * 60 + mm > 14 * 60) return null;
    offset = (zone.startsWith('-') ? -1 : 1) * (h * 60 + mm);
  }
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  date.setUTCHours(hour, minute - offset, second, ms);
  const year2 = date.getUTCFullYear();
  return year2 < 1 || year2 > 9999 ? null : date.toISOString();
}
