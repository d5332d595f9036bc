// French labels of audit actions, for the "Journal d'audit" page.
import type { AuditAction } from '@passerelle/contracts';

/** One French label per audit action code. */
export const auditActionLabels: Record<AuditAction, string> = {
  'setup.completed': 'Première configuration',
  'auth.sign_in': 'Connexion',
  'auth.sign_in_failed': 'Échec de connexion',
  'auth.sign_out': 'Déconnexion',
  'user.created': 'Création d’un utilisateur',
  'user.activated': 'Activation d’un utilisateur',
  'user.deactivated': 'Désactivation d’un utilisateur',
  'user.password_changed': 'Changement de mot de passe',
  'user.password_change_failed': 'Changement de mot de passe refusé',
  'user.password_reset_link_created': 'Création d’un lien de réinitialisation du mot de passe',
  'client_space.connected': 'Connexion à l’espace client',
  'client_space.connect_failed': 'Échec de connexion à l’espace client',
  'client_space.disconnected': 'Déconnexion de l’espace client',
  'client_space.session_lost': 'Connexion à l’espace client perdue',
  'signature.created': 'Création d’une signature',
  'signature.creation_failed': 'Échec de création d’une signature',
  'signature.revoked': 'Révocation d’une signature',
  'signature.password_changed': 'Changement du mot de passe d’une signature',
  'signature.exported': 'Export d’une signature (.p12)',
  'signature.wrong_password': 'Mot de passe de signature erroné',
  'signature.locked': 'Signature bloquée',
  'signature.expiry_reminder_sent': 'Rappel d’expiration de signature envoyé',
  'dossier.created': 'Création d’un dossier',
  'dossier.updated': 'Modification d’un dossier',
  'exercise.created': 'Ajout d’un exercice',
  'firm.test_mode_changed': 'Changement du mode test du cabinet',
  'firm.siret_changed': 'Changement du SIRET du cabinet',
  'declaration.created': 'Création d’une déclaration',
  'declaration.imported': 'Import de déclarations',
  'campaign.installed': 'Installation d’un pack de campagne',
  'declaration.status_changed': 'Changement de statut d’une déclaration',
  'declarations.sent': 'Envoi de déclarations (signées)',
  'transmission.refused': 'Envoi refusé par le partenaire EDI',
  'transmission.failed': 'Échec d’envoi d’une déclaration',
  'transmission.retried': 'Relance de l’envoi d’une déclaration',
};

/** The French label of an action; an action added later by the server shows as its code. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(auditActionLabels, action)
    ? auditActionLabels[action as AuditAction]
    : action;
}
