// What the "Signatures" lists and the warning banner say about signatures (pure, tested).
import { generatedKeyTypes } from '@passerelle/contracts';
import type { DeclarantSignature, SignatureOptions, SignatureStatus } from '@passerelle/contracts';
import { formatDate, formatTime } from '../../shared/format';

/** The French label of each status ("Bloquée" is completed with the lock's end). */
export const signatureStatusLabels: Record<SignatureStatus, string> = {
  valid: 'Valide',
  expiring: 'Expire bientôt',
  expired: 'Expirée',
  revoked: 'Révoquée',
  locked: 'Bloquée',
};

/** "Valide", "Expire bientôt", …, "Bloquée jusqu'à 14:30" (Paris time). */
export function signatureStatusText(
  signature: Pick<DeclarantSignature, 'status' | 'lockedUntil'>,
): string {
  const label = signatureStatusLabels[signature.status];
  if (signature.status !== 'locked' || signature.lockedUntil === null) return label;
  return `${label} jusqu’à ${formatTime(signature.lockedUntil)}`;
}

/** The tag colour of a status (a class suffix of styles.css: `tag-<tone>`). */
export function signatureStatusTone(status: SignatureStatus): 'success' | 'warning' | 'muted' {
  if (status === 'valid') return 'success';
  if (status === 'expiring' || status === 'locked') return 'warning';
  return 'muted';
}

/** Whether the holder can still act on it (revoke, change its password, export it). */
export function hasSignatureActions(signature: Pick<DeclarantSignature, 'status'>): boolean {
  return signature.status !== 'revoked' && signature.status !== 'expired';
}

/** Whether it can sign now or once its temporary lock ends. */
export function isUsableSignature(signature: Pick<DeclarantSignature, 'status'>): boolean {
  return (
    signature.status === 'valid' || signature.status === 'expiring' || signature.status === 'locked'
  );
}

/** "12 mois", an option of "Durée de validité". */
export function validityLabel(months: number): string {
  return `${months} mois`;
}

/** Shown when every signature of the user is expired or revoked. */
export const noValidSignatureMessage =
  'Vous n’avez plus de signature valide : ajoutez-en une pour envoyer des déclarations.';

/** "Votre signature n° … expire le …. Ajoutez une nouvelle signature avant cette date." */
export function expiringSignatureMessage(
  signature: Pick<DeclarantSignature, 'serial' | 'notAfter'>,
) {
  return `Votre signature n° ${signature.serial} expire le ${formatDate(signature.notAfter)}. Ajoutez une nouvelle signature avant cette date.`;
}

/**
 * The warning banner's sentences for the user's own signatures: none when they have none yet
 * (the "Signatures" section invites them), "plus de signature valide" when all are expired or
 * revoked, else the expiry of an "Expire bientôt" signature — unless a usable signature already
 * expires after it (the user has renewed).
 */
export function signatureBannerMessages(signatures: readonly DeclarantSignature[]): string[] {
  if (signatures.length === 0) return [];
  const usable = signatures.filter(isUsableSignature);
  if (usable.length === 0) return [noValidSignatureMessage];
  const lastExpiry = Math.max(...usable.map((signature) => Date.parse(signature.notAfter)));
  return usable
    .filter(
      (signature) =>
        signature.status === 'expiring' && Date.parse(signature.notAfter) >= lastExpiry,
    )
    .slice(0, 1)
    .map(expiringSignatureMessage);
}

type GeneratedKeyType = (typeof generatedKeyTypes)[number];

/**
 * The key type to generate: the partner's default when the declarant can generate it, else the
 * first generated type the partner accepts; undefined leaves the contract's default.
 */
export function chooseKeyType(options: SignatureOptions): GeneratedKeyType | undefined {
  const generated: readonly string[] = generatedKeyTypes;
  const accepted = (type: string) =>
    generated.includes(type) && (options.keyTypes.length === 0 || options.keyTypes.includes(type));
  if (accepted(options.defaultKeyType)) return options.defaultKeyType as GeneratedKeyType;
  return generatedKeyTypes.find(accepted);
}
