// Dates of an exercise and the millésime its forms belong to.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an existing calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * The millésime of the forms for an exercise ending on `end` (ISO date): the DGFiP publishes the
 * forms of year Y for the exercises closed from 31 December Y-1 to 30 December Y, so a
 * 31/12/2024 closing files the 2025 forms (`25`) and a 30/06/2025 closing too.
 */
export function millesimeOfExercise(end: string): string {
  const [year, month, day] = end.split('-').map(Number) as [number, number, number];
  const formsYear = month === 12 && day === 31 ? year + 1 : year;
  return String(formsYear % 100).padStart(2, '0');
}

/** Longest exercise accepted without a warning, in months (a first exercise may run long). */
export const MAX_EXERCISE_MONTHS = 24;

/** True when the exercise lasts more than `months` months (both ends included). */
export function exerciseLongerThan(start: string, end: string, months: number): boolean {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  // Last day allowed: start + months − 1 day (01/01/2024 + 24 months → 31/12/2025).
  const limit = new Date(Date.UTC(year, month - 1 + months, day - 1));
  return Date.parse(`${end}T00:00:00Z`) > limit.getTime();
}
