// What "Suivi des envois" says about a declaration's transmissions (pure, tested).
import { finalTransmissionStatuses, transmissionStatusLabels } from '@passerelle/contracts';
import type {
  DeclarationStatus,
  DepositError,
  Transmission,
  TransmissionStatus,
} from '@passerelle/contracts';
import type { TransmissionFileKind } from '../../api/sending-endpoints';
import { IDENTIFICATION_FORM } from '../declarations/declaration-labels';
import { formatDateTime } from '../../shared/format';

/** "Transmise", "Acceptée", "Rejet syntaxique (CONTRL)"… */
export function transmissionStatusText(status: TransmissionStatus): string {
  return transmissionStatusLabels[status];
}

/** Whether nothing more will happen to it by itself (the page stops asking). */
export function isFinalTransmissionStatus(status: TransmissionStatus): boolean {
  return finalTransmissionStatuses.includes(status);
}

/** Whether the page should keep asking for news: some transmission is not final yet. */
export function awaitsNews(transmissions: readonly Pick<Transmission, 'status'>[]): boolean {
  return transmissions.some((transmission) => !isFinalTransmissionStatus(transmission.status));
}

/** "3f2a9c01…9be0d2e4": a SHA-256 (hex) short enough to read, long enough to compare. */
export function shortHash(hex: string): string {
  return hex.length <= 20 ? hex : `${hex.slice(0, 8)}…${hex.slice(-8)}`;
}

/** "Rejet" blocks the deposit or the form, "Alerte" is information. */
export const severityLabels: Record<DepositError['severity'], string> = {
  rejet: 'Rejet',
  alerte: 'Alerte',
};

/**
 * A form as users read it: the Cerfa spelling (`2033A` → `2033-A`, as packages/tdfc's
 * formDisplayName writes it in messages), F-IDENTIF as "Identification" (as the editor's tab).
 */
export function formName(formId: string): string {
  if (formId === IDENTIFICATION_FORM) return 'Identification';
  const match = /^(\d{4})([A-Z].*)$/.exec(formId);
  return match ? `${match[1]}-${match[2]}` : formId;
}

/** One line of the errors table: Formulaire, Case, Libellé, Message, Gravité. */
export interface ErrorRow {
  form: string;
  cell: string;
  label: string;
  message: string;
  severity: string;
  blocking: boolean;
}

/** The CONTRL/CR errors as table lines, rejections first (in the partner's order otherwise). */
export function errorRows(errors: readonly DepositError[]): ErrorRow[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort(
      (a, b) =>
        Number(a.error.severity !== 'rejet') - Number(b.error.severity !== 'rejet') ||
        a.index - b.index,
    )
    .map(({ error }) => ({
      form: error.form === null ? '—' : formName(error.form),
      cell: error.cell ?? '—',
      label: error.label ?? '—',
      message: error.message,
      severity: severityLabels[error.severity],
      blocking: error.severity === 'rejet',
    }));
}

/** A file kept for a transmission and its button's text. */
export interface TransmissionFile {
  kind: TransmissionFileKind;
  label: string;
}

/** The download buttons a transmission offers: only the files that exist. */
export function transmissionFiles(
  transmission: Pick<Transmission, 'receipt' | 'hasContrl' | 'hasCr'>,
): TransmissionFile[] {
  const files: TransmissionFile[] = [{ kind: 'signed', label: 'Fichier signé (.p7m)' }];
  if (transmission.receipt !== null) files.push({ kind: 'receipt', label: 'Accusé de réception' });
  if (transmission.hasContrl) files.push({ kind: 'contrl', label: 'CONTRL' });
  if (transmission.hasCr) files.push({ kind: 'cr', label: 'Compte rendu' });
  return files;
}

/** "Envoi du 28/11/2025 16:20:05": names an earlier transmission. */
export function transmissionTitle(transmission: Pick<Transmission, 'createdAt'>): string {
  return `Envoi du ${formatDateTime(transmission.createdAt)}`;
}

/**
 * While it waits for delivery: "2 tentatives ; prochaine tentative le 28/11/2025 16:21:00", or
 * null when nothing is pending.
 */
export function attemptsText(
  transmission: Pick<Transmission, 'status' | 'attempts' | 'nextAttemptAt'>,
): string | null {
  if (transmission.attempts === 0) return null;
  const count = `${transmission.attempts} ${transmission.attempts > 1 ? 'tentatives' : 'tentative'}`;
  if (transmission.status !== 'queued' || transmission.nextAttemptAt === null) {
    return `${count} d’envoi.`;
  }
  return `${count} d’envoi ; prochaine tentative le ${formatDateTime(transmission.nextAttemptAt)}.`;
}

/**
 * Why the editor shows the declaration read-only (its status is not one of
 * `editableDeclarationStatuses`): accepted for good, or waiting for the DGFiP's answer.
 */
export function readOnlyNotice(status: DeclarationStatus): string {
  if (status === 'accepted' || status === 'partially_rejected') {
    return 'Cette déclaration a été déposée et traitée par la DGFiP : elle n’est plus modifiable.';
  }
  if (status === 'delivery_failed') {
    return 'L’envoi de cette déclaration a échoué : relancez-le ci-dessous. Elle n’est pas modifiable tant que l’envoi est en cours.';
  }
  return 'Cette déclaration a été envoyée : elle n’est plus modifiable tant que la DGFiP ne l’a pas rejetée.';
}
