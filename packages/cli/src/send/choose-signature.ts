import type { DeclarantSignature } from '@passerelle/contracts';
import { CliError, ExitCode, usageError } from '../exit-codes';
import { formatDateTime, formatDay } from '../format/labels';

/** "Bruno Martin, n° 3fa2…9c01, valable jusqu'au 12/03/2026". */
export function describeSignature(signature: DeclarantSignature): string {
  const serial =
    signature.serial.length > 12
      ? `${signature.serial.slice(0, 4)}…${signature.serial.slice(-4)}`
      : signature.serial;
  return `${signature.holder.firstName} ${signature.holder.lastName}, n° ${serial}, valable jusqu’au ${formatDay(signature.notAfter.slice(0, 10))}`;
}

/**
 * The signature to sign with: the one named (by id or certificate serial), else the user's
 * default one (`isDefault`: the newest usable). A revoked, expired or locked signature is
 * refused here (exit 3) before any password is asked; the server checks again anyway.
 */
export function chooseSignature(
  signatures: readonly DeclarantSignature[],
  wanted: string | undefined,
): DeclarantSignature {
  let signature: DeclarantSignature | undefined;
  if (wanted !== undefined) {
    const key = wanted.trim().toLowerCase().replace(/:/g, '');
    signature = signatures.find(
      (candidate) => candidate.id.toLowerCase() === key || candidate.serial.toLowerCase() === key,
    );
    if (!signature)
      throw usageError(
        signatures.length === 0
          ? `Signature introuvable : « ${wanted} ». Vous n’avez aucune signature.`
          : `Signature introuvable parmi les vôtres : « ${wanted} ». Vos signatures : ${signatures.map((s) => `${s.id} (n° ${s.serial})`).join(', ')}.`,
      );
  } else {
    signature = signatures.find((candidate) => candidate.isDefault);
    if (!signature)
      throw new CliError(
        ExitCode.refused,
        signatures.length === 0
          ? 'Vous n’avez aucune signature : ajoutez-en une dans Passerelle (Compte › Signatures) avant d’envoyer.'
          : 'Aucune de vos signatures n’est utilisable (révoquées, expirées ou bloquées) : ajoutez-en une dans Passerelle, ou attendez la fin du blocage.',
      );
  }
  if (signature.status === 'revoked')
    throw new CliError(
      ExitCode.refused,
      `La signature ${describeSignature(signature)} est révoquée.`,
    );
  if (signature.status === 'expired')
    throw new CliError(
      ExitCode.refused,
      `La signature n° ${signature.serial} a expiré le ${formatDay(signature.notAfter.slice(0, 10))}.`,
    );
  if (signature.status === 'locked')
    throw new CliError(
      ExitCode.refused,
      `La signature n° ${signature.serial} est bloquée après trop de mots de passe erronés${signature.lockedUntil ? ` jusqu’au ${formatDateTime(signature.lockedUntil)}` : ''}.`,
    );
  return signature;
}
