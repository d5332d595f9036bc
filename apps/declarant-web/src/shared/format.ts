// Dates as French users read them, in Paris time.

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Europe/Paris',
});

const dayAndTime = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});

/** "28/11/2025 16:20:05" (Europe/Paris); the input unchanged when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** "28 novembre 2025 à 16:20" (Europe/Paris), for link expiries. */
export function formatLongDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dayAndTime.format(date);
}

const dateOnly = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});

const timeOnly = new Intl.DateTimeFormat('fr-FR', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});

/** "28/11/2025" (Europe/Paris); the input unchanged when it is not a date. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

/** "16:20" (Europe/Paris, 24-hour); the input unchanged when it is not a date. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeOnly.format(date);
}

const numbers = new Intl.NumberFormat('fr-FR');

/** "1 234 déclarations", "1 déclaration", "0 déclaration" (French: 0 and 1 take the singular). */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${numbers.format(count)} ${count > 1 ? plural : singular}`;
}

/** "1 234" with French grouping. */
export function formatNumber(count: number): string {
  return numbers.format(count);
}
