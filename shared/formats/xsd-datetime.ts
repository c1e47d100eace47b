/**
 * Every valid `xsd:dateTime` made into the one form Glose stores (ISO 8601 in UTC with
 * milliseconds): offsets (`+02:00`), any number of fraction digits (Hypothesis writes
 * microseconds), no time zone (read as UTC, as most tools mean it) and `24:00:00` (the next
 * midnight). Anything else, or a year outside 0001–9999, is null so the caller can say why.
 */

const XSD = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isoFromXsd(value: string): string | null {
  if (CANONICAL.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime()) && date.toISOString() === value) return value; // already in the stored form
  }
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
