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
      `Elle est bloquée jusqu'à ${frenchTime(lockedUntil)} (heure de Paris) le ${frenchDate(lockedUntil)}.\n\n` +
      `Si ce n'était pas vous, prévenez l'administrateur de votre cabinet : il peut révoquer ` +
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
      `elle ne permettra plus d'envoyer de déclarations.\n\nPour continuer sans interruption, ` +
      `créez dès maintenant une nouvelle signature dans « Compte utilisateur » → « Ajouter une ` +
      `signature » (le code confidentiel EDI-TDFC est celui reçu par l'administrateur).${footer(config)}`,
  };
}
