import {
  declarationStatusLabels,
  transmissionStatusLabels,
  type DeclarationStatus,
  type DeclarationSummary,
  type TransmissionStatus,
} from '@passerelle/contracts';

/** The French label of a declaration's status ("Prête", "Acceptée"…). */
export function declarationStatusLabel(status: DeclarationStatus): string {
  return declarationStatusLabels[status];
}

/** The French label of a transmission's status. */
export function transmissionStatusLabel(status: TransmissionStatus): string {
  return transmissionStatusLabels[status];
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

/** An ISO instant as the person's local date and time: "05/03/2025 14:02". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** An ISO day "2024-12-31" as "31/12/2024" (no time zone involved). */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** "732 829 320": a SIREN as it is printed on French documents. */
export function formatSiren(siren: string): string {
  return /^\d{9}$/.test(siren) ? siren.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3') : siren;
}

/** "Boulangerie Martin (732 829 320)". */
export function dossierLabel(declaration: DeclarationSummary): string {
  return `${declaration.dossierName} (${formatSiren(declaration.siren)})`;
}

/** "du 01/01/2024 au 31/12/2024". */
export function exerciseLabel(declaration: DeclarationSummary): string {
  return `du ${formatDay(declaration.exercise.start)} au ${formatDay(declaration.exercise.end)}`;
}
