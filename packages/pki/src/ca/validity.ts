/** Certificates are backdated this much to absorb clock skew (step-ca's default). */
export const BACKDATE_MS = 60_000;

/** `date` truncated to whole seconds: X.509 times carry no milliseconds. */
export function toWholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/**
 * `date` plus `months` calendar months in UTC, same time of day; the day of month is clamped to
 * the target month's length (31 January + 1 month = 28 or 29 February).
 */
export function addCalendarMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return result;
}
