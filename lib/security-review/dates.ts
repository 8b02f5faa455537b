const DAY_MS = 86_400_000;

/** The one strict date check, owned by the config schema (every date in config uses it). */
export { isCalendarDate } from '../config/schema/primitives';

/** Today in UTC as YYYY-MM-DD, the form every expiry check compares against. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
