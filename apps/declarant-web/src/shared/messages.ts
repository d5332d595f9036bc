// French sentences shown to the user for every API error code.
import type { ErrorCode } from '@passerelle/contracts';

/**
 * One French sentence per error code. The codes of `serverMessageCodes` (errors.ts) prefer the
 * server's message, which holds details this map cannot know (remaining attempts, lock end).
 */
export const messages: Record<ErrorCode, string> = {
  VALIDATION_ERROR: 'Certaines informations saisies ne sont pas valides.',
  INVALID_JSON: 'La requête envoyée au serveur est illisible. Rechargez la page et réessayez.',
  UNSUPPORTED_MEDIA_TYPE:
    'La requête envoyée au serveur a un format non pris en charge. Rechargez la page et réessayez.',
  PAYLOAD_TOO_LARGE: 'Les informations envoyées sont trop volumineuses.',
  UNAUTHENTICATED: 'Connectez-vous pour continuer.',
  SESSION_EXPIRED: 'Votre session a expiré, reconnectez-vous.',
  INVALID_CREDENTIALS: 'Adresse email ou mot de passe incorrect.',
  ACCOUNT_INACTIVE: 'Votre compte est inactif. Contactez l’administrateur du cabinet.',
  FORBIDDEN: 'Vous n’avez pas les droits nécessaires pour cette action.',
  CSRF_REJECTED:
    'La requête a été refusée car elle ne provient pas de l’application. Rechargez la page et réessayez.',
  HOST_NOT_ALLOWED:
    'Cette adresse n’est pas celle de Passerelle : ouvrez l’adresse habituelle de l’application.',
  NOT_FOUND: 'L’élément demandé est introuvable.',
  EMAIL_TAKEN: 'Cette adresse email est déjà utilisée.',
  USER_LIMIT_REACHED: 'Le nombre maximal d’utilisateurs est atteint.',
  LAST_ADMIN: 'Impossible de désactiver le dernier administrateur actif.',
  SETUP_ALREADY_DONE: 'La première configuration de Passerelle a déjà été faite.',
  SETUP_TOKEN_INVALID:
    'Ce lien de configuration n’est pas valide. Utilisez le lien affiché dans le terminal du serveur au démarrage.',
  PASSWORD_TOKEN_INVALID:
    'Ce lien n’est plus valide. Demandez un nouveau lien à votre administrateur.',
  WEAK_PASSWORD: 'Ce mot de passe est trop faible. Choisissez-en un plus long et moins courant.',
  WRONG_CURRENT_PASSWORD: 'Le mot de passe actuel est incorrect.',
  RATE_LIMITED: 'Trop de tentatives. Réessayez plus tard.',
  LINK_INVALID: 'Ce lien n’est plus valide.',
  EMAIL_NOT_VERIFIED:
    'L’adresse email du compte client n’est pas encore confirmée : ouvrez le lien reçu par email.',
  REGISTRATION_EXPIRED:
    'L’inscription du compte client a expiré faute de confirmation : créez le compte à nouveau sur l’espace client.',
  REFRESH_TOKEN_INVALID: 'La connexion à l’espace client a expiré ou a été révoquée.',
  CONFIDENTIAL_CODE_INVALID: 'Code confidentiel EDI-TDFC incorrect.',
  NOT_SUBSCRIBED: 'Le compte client n’est pas encore abonné à EDI-TDFC.',
  CSR_INVALID: 'La demande de certificat est invalide.',
  KEY_REJECTED: 'Le type de clé est refusé par le partenaire EDI.',
  VALIDITY_NOT_ALLOWED: 'Cette durée de validité n’est pas proposée par le partenaire EDI.',
  ALREADY_REVOKED: 'Cette signature est déjà révoquée.',
  PARTNER_UNAVAILABLE: 'Le partenaire EDI ne répond pas. Réessayez dans quelques instants.',
  CLIENT_SPACE_NOT_CONNECTED: 'Connectez-vous d’abord à l’espace client (Compte utilisateur).',
  CONFIDENTIAL_CODE_LOCKED:
    'Trop de codes confidentiels erronés : la saisie du code est bloquée pour le moment. Réessayez plus tard.',
  SIGNATURE_IN_PROGRESS: 'Une création de signature est déjà en cours.',
  WRONG_SIGNATURE_PASSWORD: 'Mot de passe de la signature incorrect.',
  SIGNATURE_LOCKED: 'Signature bloquée après trop de mots de passe erronés. Réessayez plus tard.',
  SIGNATURE_REVOKED: 'Cette signature est révoquée : elle ne peut plus être utilisée.',
  SIGNATURE_EXPIRED: 'Cette signature a expiré : elle ne peut plus être utilisée.',
  SIREN_TAKEN: 'Un dossier existe déjà pour ce SIREN.',
  EXERCISE_OVERLAP: 'Cet exercice chevauche un exercice existant du dossier.',
  DECLARATION_CHANGED:
    'La déclaration a été modifiée entre-temps : rechargez-la avant de continuer.',
  PACK_INVALID: 'Pack de campagne refusé : rien n’a été installé.',
  IMPORT_INVALID: 'Le fichier importé n’est pas valide : aucune déclaration n’a été créée.',
  IMPORT_TOO_LARGE:
    'Le fichier contient trop de déclarations pour un seul import : découpez-le. Aucune déclaration n’a été créée.',
  FIRM_SIRET_MISSING:
    'Renseignez d’abord le SIRET du cabinet (Paramètres du cabinet) : il est écrit dans chaque fichier EDI.',
  INTERCHANGE_INVALID: 'Le fichier EDI de cette déclaration n’a pas pu être écrit.',
  DECLARATION_NOT_READY: 'Cette déclaration n’est pas prête à l’envoi.',
  DECLARATION_LOCKED:
    'Cette déclaration a été envoyée : elle ne peut plus être modifiée tant que la DGFiP ne l’a pas rejetée.',
  TEST_MODE_MISMATCH:
    'Le mode test du cabinet ne correspond pas à l’environnement du partenaire EDI.',
  TRANSMISSION_NOT_RETRYABLE: 'Seul un envoi en échec peut être relancé.',
  RECEIPT_INVALID: 'L’accusé de réception du partenaire EDI n’a pas pu être vérifié.',
  IDEMPOTENCY_KEY_MISSING: 'En-tête Idempotency-Key obligatoire.',
  IDEMPOTENCY_KEY_REUSED: 'Cet identifiant de transmission a déjà servi pour un autre fichier.',
  DEPOSIT_UNREADABLE: 'Contrôle de lisibilité : le fichier signé est illisible.',
  DEPOSIT_SEAL_INVALID: 'Contrôle de sécurisation : la signature du fichier est invalide.',
  DEPOSIT_CERTIFICATE_UNKNOWN:
    'Contrôle de sécurisation : le certificat n’a pas été délivré par ce partenaire.',
  DEPOSIT_CERTIFICATE_EXPIRED:
    'Contrôle de sécurisation : le certificat n’était pas valide au moment de la signature.',
  DEPOSIT_CERTIFICATE_REVOKED: 'Contrôle de sécurisation : le certificat a été révoqué.',
  DEPOSIT_CERTIFICATE_FOREIGN:
    'Contrôle de sécurisation : le certificat appartient à un autre compte client.',
  DEPOSIT_DUPLICATE: 'Ce fichier EDI a déjà été déposé chez le partenaire EDI.',
  INTERNAL: 'Une erreur est survenue sur le serveur. Réessayez dans quelques instants.',
};

/** Shown when the server cannot be reached at all. */
export const networkErrorMessage =
  'Impossible de joindre le serveur Passerelle. Vérifiez votre connexion et réessayez.';

/** Shown when the server answers something the contracts do not describe. */
export const unexpectedResponseMessage =
  'Réponse inattendue du serveur. Rechargez la page et réessayez.';

/** Shown to a collaborator on an administrator-only page. */
export const adminOnlyMessage = 'Réservé aux administrateurs.';

/** "Trop de tentatives. Réessayez dans N minutes." from a Retry-After given in seconds. */
export function rateLimitedMessage(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined || !(retryAfterSeconds > 0)) return messages.RATE_LIMITED;
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Trop de tentatives. Réessayez dans ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
