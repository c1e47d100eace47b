/**
 * Due times between the model (ms since the epoch) and the browser's `datetime-local` input
 * (local wall time, "2026-12-05T14:30"), and as written for people (`Intl`, the interface language).
 */

/** The input's value for `ms`, in this computer's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** ms for an input's value; null when it is empty or not a time. */
export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** "Saturday 5 December 2026 at 14:30" / "samedi 5 décembre 2026 à 14:30", with seconds when they are not zero. */
export function formatDue(ms: number, language: string): string {
  const seconds = new Date(ms).getSeconds() !== 0;
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: seconds ? 'medium' : 'short' }).format(new Date(ms));
}
