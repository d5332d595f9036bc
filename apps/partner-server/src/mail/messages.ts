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

/**
 * An email of the partner: its subject ends with the partner's name, its text opens with
 * "Bonjour," and closes with the {@link signature}.
 */
export function partnerMail(
  config: PartnerConfig,
  to: string,
  subject: string,
  body: string,
): OutgoingMail {
  return {
    to,
    subject: `${subject} — ${config.partnerName}`,
    text: `Bonjour,\n\n${body}${signature(config)}`,
  };
}

/** Sends the confidential EDI-TDFC code, the only time it exists in clear outside the server. */
export function confidentialCodeMail(
  config: PartnerConfig,
  to: string,
  firmName: string,
  code: string,
): OutgoingMail {
  return partnerMail(
    config,
    to,
    `Votre code confidentiel EDI-TDFC`,
    `Voici le code confidentiel EDI-TDFC de ${firmName} :\n\n    ${code}\n\n` +
      `Il permet aux personnes de votre cabinet de créer leur signature dans leur logiciel ` +
      `(« Ajouter une signature »). Transmettez-le seulement à ces personnes. Chaque utilisation ` +
      `vous sera signalée par email. Tout nouveau code remplace celui-ci.`,
  );
}

/** Tells the administrator that a signature was issued with the account's code. */
export function signatureIssuedMail(
  config: PartnerConfig,
  to: string,
  holder: string,
  serial: string,
  notAfter: string,
): OutgoingMail {
  return partnerMail(
    config,
    to,
    `Nouvelle signature émise pour ${holder}`,
    `Une signature a été émise avec votre code confidentiel EDI-TDFC :\n\n` +
      `  Titulaire : ${holder}\n  Numéro de série : ${serial}\n  Valable jusqu’au : ${notAfter}\n\n` +
      `Si vous ne reconnaissez pas cette demande, révoquez cette signature depuis votre espace ` +
      `client et demandez un nouveau code.`,
  );
}

/** Tells the administrator that a signature was revoked. */
export function signatureRevokedMail(
  config: PartnerConfig,
  to: string,
  holder: string,
  serial: string,
): OutgoingMail {
  return partnerMail(
    config,
    to,
    `Signature révoquée (${holder})`,
    `La signature de ${holder} (numéro de série ${serial}) a été révoquée. Elle ne permet plus d’envoyer de déclarations.`,
  );
}

/** Warns the administrator that wrong confidential codes blocked signature creation for a while. */
export function codeAttemptsMail(
  config: PartnerConfig,
  to: string,
  count: number,
  minutes: number,
): OutgoingMail {
  return partnerMail(
    config,
    to,
    `Codes confidentiels erronés`,
    `${count} codes confidentiels EDI-TDFC erronés ont été saisis pour votre compte. ` +
      `La création de signatures est suspendue pendant ${minutes} minutes. Si ces essais ne viennent ` +
      `pas de votre cabinet, demandez un nouveau code depuis votre espace client.`,
  );
}
