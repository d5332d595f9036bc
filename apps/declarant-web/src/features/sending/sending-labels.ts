// What the "Envoyer" dialog and the progress bar say (pure, tested).
import type { DeclarantSignature, SendingProgress } from '@passerelle/contracts';
import { formatDate } from '../../shared/format';
import { signatureStatusText } from '../signatures/signature-labels';

const plural = (count: number, one: string, many: string) => (count > 1 ? many : one);

/** "Envoyer 1 déclaration" / "Envoyer 3 déclarations": the dialog's title. */
export function sendDialogTitle(count: number): string {
  return `Envoyer ${count} ${plural(count, 'déclaration', 'déclarations')}`;
}

/** "Aucune déclaration sélectionnée" / "2 déclarations sélectionnées". */
export function selectionText(count: number): string {
  if (count === 0) return 'Aucune déclaration sélectionnée';
  return `${count} ${plural(count, 'déclaration sélectionnée', 'déclarations sélectionnées')}`;
}

/** Whether a signature can sign now: a locked, expired or revoked one cannot. */
export function canSignWith(signature: Pick<DeclarantSignature, 'status'>): boolean {
  return signature.status === 'valid' || signature.status === 'expiring';
}

/**
 * The signature proposed first: the server's default (the newest usable) when it can sign now,
 * else the first one that can; '' when none can.
 */
export function defaultSigningSignatureId(
  signatures: readonly Pick<DeclarantSignature, 'id' | 'status' | 'isDefault'>[],
): string {
  const usable = signatures.filter(canSignWith);
  return (usable.find((signature) => signature.isDefault) ?? usable[0])?.id ?? '';
}

/**
 * A serial short enough for the dialog's list ("5a0db425…f90e"): a person holds a few
 * signatures, and these 12 hex digits tell them apart; the full serial is on "Compte utilisateur".
 */
export function shortSerial(serial: string): string {
  return serial.length <= 14 ? serial : `${serial.slice(0, 8)}…${serial.slice(-4)}`;
}

/**
 * "n° 5a0db425…f90e — Valide, expire le 12/03/2027"; "… — Bloquée jusqu'à 14:30";
 * "… — Révoquée".
 */
export function signatureChoiceText(
  signature: Pick<DeclarantSignature, 'serial' | 'status' | 'lockedUntil' | 'notAfter'>,
): string {
  const status = signatureStatusText(signature);
  const expiry = canSignWith(signature) ? `, expire le ${formatDate(signature.notAfter)}` : '';
  return `n° ${shortSerial(signature.serial)} — ${status}${expiry}`;
}

/** Shown in the dialog when the client space is not connected (sending needs it). */
export const clientSpaceWarning =
  'Votre espace client est « Non connecté » : l’envoi sera refusé tant que vous ne vous y êtes pas reconnecté.';

/** The text under the progress bar: "12 / 40 transmises — 3 acceptées — 1 rejetée". */
export function progressText(
  progress: Pick<SendingProgress, 'total' | 'transmitted' | 'accepted' | 'rejected' | 'failed'>,
): string {
  const { total, transmitted, accepted, rejected, failed } = progress;
  const parts = [
    `${transmitted} / ${total} ${plural(total, 'transmise', 'transmises')}`,
    `${accepted} ${plural(accepted, 'acceptée', 'acceptées')}`,
    `${rejected} ${plural(rejected, 'rejetée', 'rejetées')}`,
  ];
  // Failed: delivery given up ("Relancer" on the declaration) or refused by the partner.
  if (failed > 0) parts.push(`${failed} en échec`);
  return parts.join(' — ');
}

/**
 * The bar's value out of `total`: the declarations the batch is done with for now (delivered, or
 * final without delivery: failed, refused); `total` once every transmission is final.
 */
export function progressValue(
  progress: Pick<SendingProgress, 'total' | 'transmitted' | 'finished' | 'failed' | 'done'>,
): number {
  if (progress.done) return progress.total;
  const handled = Math.max(progress.transmitted + progress.failed, progress.finished);
  return Math.min(progress.total, Math.max(0, handled));
}

/** The sentence shown once the batch is over. */
export function sendingDoneText(
  progress: Pick<SendingProgress, 'total' | 'accepted' | 'rejected' | 'failed'>,
): string {
  const others = progress.total - progress.accepted - progress.rejected - progress.failed;
  const parts = [
    `${progress.accepted} ${plural(progress.accepted, 'acceptée', 'acceptées')}`,
    `${progress.rejected} ${plural(progress.rejected, 'rejetée', 'rejetées')}`,
  ];
  if (progress.failed > 0) parts.push(`${progress.failed} en échec`);
  if (others > 0) parts.push(`${others} sans résultat`);
  const text = `Envoi terminé : ${parts.join(', ')}.`;
  return progress.failed > 0 || progress.rejected > 0
    ? `${text} Ouvrez chaque déclaration concernée pour en voir la raison.`
    : text;
}
