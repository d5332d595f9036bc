import type { DeclarantConfig } from '../config';

/** An email ready to send. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

const footer = (config: DeclarantConfig) => `\n\n--\nPasserelle\n${config.publicUrl}/compte`;

const frenchDate = (iso: string) =>
  new Date(iso).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });
const frenchTime = (iso: string) =>
  new Date(iso).toLocaleTimeString('fr-FR', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
  });

/** Tells the holder that too many wrong passwords locked their signature for a while. */
export function signatureLockedMail(
  config: DeclarantConfig,
  to: string,
  serial: string,
  failures: number,
  lockedUntil: string,
): OutgoingMail {
  return {
    to,
    subject: 'Votre signature est bloquée temporairement — Passerelle',
    text:
      `Bonjour,\n\n${failures} mots de passe erronés ont été saisis pour votre signature n° ${serial}. ` +
      `Elle est bloquée jusqu’à ${frenchTime(lockedUntil)} (heure de Paris) le ${frenchDate(lockedUntil)}.\n\n` +
      `Si ce n’était pas vous, prévenez l’administrateur de votre cabinet : il peut révoquer ` +
      `la signature.${footer(config)}`,
  };
}

/** Reminds the holder that their signature expires soon. */
export function signatureExpiryMail(
  config: DeclarantConfig,
  to: string,
  serial: string,
  notAfter: string,
  daysLeft: number,
): OutgoingMail {
  return {
    to,
    subject: `Votre signature expire dans ${daysLeft} jour${daysLeft > 1 ? 's' : ''} — Passerelle`,
    text:
      `Bonjour,\n\nVotre signature n° ${serial} expire le ${frenchDate(notAfter)}. Après cette date, ` +
      `elle ne permettra plus d’envoyer de déclarations.\n\nPour continuer sans interruption, ` +
      `créez dès maintenant une nouvelle signature dans « Compte utilisateur » → « Ajouter une ` +
      `signature » (le code confidentiel EDI-TDFC est celui reçu par l’administrateur).${footer(config)}`,
  };
}

/** Tells the sender the DGFiP's answer to a declaration they sent (if they asked for it). */
export function sendingResultMail(
  config: DeclarantConfig,
  result: {
    to: string;
    declarationId: string;
    dossier: string;
    exerciseEnd: string;
    status: string;
    rejections: number;
    alerts: number;
  },
): OutgoingMail {
  const details =
    result.rejections + result.alerts === 0
      ? ''
      : `\nLe compte rendu compte ${result.rejections} rejet(s) et ${result.alerts} alerte(s), ` +
        `détaillés sur la page de la déclaration.`;
  return {
    to: result.to,
    subject: `Déclaration ${result.status.toLowerCase()} — ${result.dossier} — Passerelle`,
    text:
      `Bonjour,\n\nLa déclaration de ${result.dossier} pour l’exercice clos le ` +
      `${frenchDate(result.exerciseEnd)} que vous avez envoyée est « ${result.status} ».` +
      `${details}\n\n${config.publicUrl}/declarations/${result.declarationId}` +
      `\n\nVous pouvez ne plus recevoir ces messages depuis « Compte utilisateur ».${footer(config)}`,
  };
}
