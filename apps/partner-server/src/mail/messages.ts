import type { PartnerConfig } from '../config';

/** An email ready to send. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** The closing lines of every email: the partner's name and its portal's address. */
export const signature = (config: PartnerConfig) =>
  `\n\n--\n${config.partnerName}\n${config.publicUrl}/portail`;

/** Sends the confidential EDI-TDFC code, the only time it exists in clear outside the server. */
export function confidentialCodeMail(
  config: PartnerConfig,
  to: string,
  firmName: string,
  code: string,
): OutgoingMail {
  return {
    to,
    subject: `Votre code confidentiel EDI-TDFC — ${config.partnerName}`,
    text:
      `Bonjour,\n\nVoici le code confidentiel EDI-TDFC de ${firmName} :\n\n    ${code}\n\n` +
      `Il permet aux personnes de votre cabinet de créer leur signature dans leur logiciel ` +
      `(« Ajouter une signature »). Transmettez-le seulement à ces personnes. Chaque utilisation ` +
      `vous sera signalée par email. Tout nouveau code remplace celui-ci.${signature(config)}`,
  };
}

/** Tells the administrator that a signature was issued with the account's code. */
export function signatureIssuedMail(
  config: PartnerConfig,
  to: string,
  holder: string,
  serial: string,
  notAfter: string,
): OutgoingMail {
  return {
    to,
    subject: `Nouvelle signature émise pour ${holder} — ${config.partnerName}`,
    text:
      `Bonjour,\n\nUne signature a été émise avec votre code confidentiel EDI-TDFC :\n\n` +
      `  Titulaire : ${holder}\n  Numéro de série : ${serial}\n  Valable jusqu’au : ${notAfter}\n\n` +
      `Si vous ne reconnaissez pas cette demande, révoquez cette signature depuis votre espace ` +
      `client et demandez un nouveau code.${signature(config)}`,
  };
}

/** Tells the administrator that a signature was revoked. */
export function signatureRevokedMail(
  config: PartnerConfig,
  to: string,
  holder: string,
  serial: string,
): OutgoingMail {
  return {
    to,
    subject: `Signature révoquée (${holder}) — ${config.partnerName}`,
    text: `Bonjour,\n\nLa signature de ${holder} (numéro de série ${serial}) a été révoquée. Elle ne permet plus d’envoyer de déclarations.${signature(config)}`,
  };
}

/** Warns the administrator that wrong confidential codes blocked signature creation for a while. */
export function codeAttemptsMail(
  config: PartnerConfig,
  to: string,
  count: number,
  minutes: number,
): OutgoingMail {
  return {
    to,
    subject: `Codes confidentiels erronés — ${config.partnerName}`,
    text:
      `Bonjour,\n\n${count} codes confidentiels EDI-TDFC erronés ont été saisis pour votre compte. ` +
      `La création de signatures est suspendue pendant ${minutes} minutes. Si ces essais ne viennent ` +
      `pas de votre cabinet, demandez un nouveau code depuis votre espace client.${signature(config)}`,
  };
}
