import type { PartnerConfig } from '../config';
import { partnerMail, type OutgoingMail } from './messages';

// Emails anyone can have sent to an address without signing in (registration, "Mot de passe
// oublié ?"), and the notice of a password change. They carry fixed French text and a link
// only: nothing typed by the requester (firm, names), so the partner's address cannot be used
// to carry a stranger's words to someone else's mailbox.

/** Asks the owner of an address to confirm it for a new client account. */
export function verificationMail(
  config: PartnerConfig,
  to: string,
  url: string,
  hours: number,
): OutgoingMail {
  return partnerMail(
    config,
    to,
    `Confirmez votre adresse email`,
    `Une demande de création de compte client a été faite avec cette adresse email. ` +
      `Pour activer le compte, ouvrez ce lien (valable ${hours} heures) et saisissez le mot de ` +
      `passe choisi lors de la création :\n\n${url}\n\n` +
      `Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : sans confirmation, ` +
      `la demande est supprimée.`,
  );
}

/** Tells the owner of an existing account that someone tried to register their address again. */
export function accountExistsMail(config: PartnerConfig, to: string): OutgoingMail {
  return partnerMail(
    config,
    to,
    `Votre compte client existe déjà`,
    `Une demande de création de compte client a été faite avec cette adresse email, ` +
      `qui a déjà un compte client : aucun nouveau compte n’a été créé.\n\n` +
      `Pour vous connecter : ${config.publicUrl}/portail/connexion\n` +
      `Mot de passe oublié : ${config.publicUrl}/portail/mot-de-passe-oublie\n\n` +
      `Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.`,
  );
}

/** Sends a one-time link to choose a new password. */
export function passwordResetMail(
  config: PartnerConfig,
  to: string,
  url: string,
  minutes: number,
): OutgoingMail {
  return partnerMail(
    config,
    to,
    `Choisir un nouveau mot de passe`,
    `Une demande de nouveau mot de passe a été faite pour le compte client de cette ` +
      `adresse email. Pour choisir un nouveau mot de passe, ouvrez ce lien (valable ` +
      `${minutes} minutes, une seule fois) :\n\n${url}\n\n` +
      `Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe ` +
      `actuel reste valable.`,
  );
}

/** Tells the owner that the account's password changed, and what to do if it was not them. */
export function passwordChangedMail(
  config: PartnerConfig,
  to: string,
  via: 'change' | 'reset',
): OutgoingMail {
  const how =
    via === 'change'
      ? 'depuis l’espace client, avec l’ancien mot de passe'
      : 'avec un lien « Mot de passe oublié ? » envoyé à cette adresse';
  return partnerMail(
    config,
    to,
    `Mot de passe changé`,
    `Le mot de passe de votre compte client vient d’être changé ${how}. Les autres ` +
      `sessions et les connexions des logiciels (Passerelle…) ont été fermées : reconnectez-les ` +
      `avec le nouveau mot de passe.\n\nSi vous n’êtes pas à l’origine de ce changement, ` +
      `choisissez tout de suite un nouveau mot de passe : ` +
      `${config.publicUrl}/portail/mot-de-passe-oublie`,
  );
}

/**
 * Invites a person to the client space with a one-time link to choose their password. Sent on
 * a signed-in administrator's request, yet kept as minimal as the emails above: fixed text and
 * the link, nothing the administrator typed (names) and no firm name.
 */
export function portalInvitationMail(
  config: PartnerConfig,
  to: string,
  url: string,
  hours: number,
): OutgoingMail {
  return partnerMail(
    config,
    to,
    `Invitation à l’espace client`,
    `L’administrateur d’un compte client vous invite à utiliser l’espace client ` +
      `avec cette adresse email. Pour choisir votre mot de passe, ouvrez ce lien (valable ` +
      `${hours} heures, une seule fois) :\n\n${url}\n\n` +
      `Vous pourrez ensuite connecter votre logiciel (Passerelle…) à l’espace client avec cette ` +
      `adresse et ce mot de passe. Si vous n’attendiez pas cette invitation, ignorez ce ` +
      `message.`,
  );
}
