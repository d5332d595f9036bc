import { EdifactError } from './edifact-error';
import type { Composite } from './segment';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * S004 date/time of preparation for UNB/UNG: `['YYMMDD', 'HHMM']` (syntax version 1–3) or
 * `['CCYYMMDD', 'HHMM']` (version 4), as wall-clock time in `timeZone` (default Europe/Paris,
 * the DGFiP's; pass 'UTC' for reproducible output).
 */
export function formatDateTime(
  date: Date,
  options: { readonly version?: string; readonly timeZone?: string } = {},
): Composite {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new EdifactError('INPUT_INVALID', 'date de préparation invalide');
  }
  const timeZone = options.timeZone ?? 'Europe/Paris';
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  const year = String(parts.year).padStart(4, '0');
  const day = `${options.version === '4' ? year : year.slice(2)}${parts.month}${parts.day}`;
  return [day, `${parts.hour}${parts.minute}`];
}
