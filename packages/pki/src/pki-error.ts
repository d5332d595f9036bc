/** Why a PKI operation was refused; the partner maps each code to an API error. */
export type PkiErrorCode =
  | 'CSR_MALFORMED'
  | 'CSR_BAD_SIGNATURE'
  | 'KEY_REJECTED'
  | 'CERTIFICATE_MALFORMED'
  | 'SUBJECT_INVALID'
  | 'SUBJECT_MISMATCH'
  | 'WRONG_PASSWORD'
  | 'WRAPPED_KEY_INVALID'
  | 'PROTECTION_TOO_WEAK'
  | 'PKCS12_INVALID'
  | 'CMS_UNREADABLE'
  | 'CMS_SIGNATURE_INVALID'
  | 'CMS_CERTIFICATE_UNTRUSTED'
  | 'CMS_CERTIFICATE_EXPIRED'
  | 'CMS_SELF_CHECK_FAILED';

/** The French sentence shown to users for each code (these messages reach the declarant UI). */
export const PKI_ERROR_MESSAGES: Readonly<Record<PkiErrorCode, string>> = {
  CSR_MALFORMED: 'La demande de certificat (CSR) est illisible.',
  CSR_BAD_SIGNATURE: 'La signature de la demande de certificat est invalide.',
  KEY_REJECTED:
    'Type de clé refusé : ECDSA P-256/P-384 ou RSA 2048, 3072 ou 4096 bits (exposant 65537).',
  CERTIFICATE_MALFORMED: 'Le certificat est illisible ou ne correspond pas à sa clé privée.',
  SUBJECT_INVALID:
    'Nom refusé pour un certificat : 1 à 64 caractères, sans caractère de contrôle (retour à la ligne, tabulation…).',
  // A fault of this software, never of the request: nothing signed is handed out.
  SUBJECT_MISMATCH:
    'Le certificat signé ne nomme pas exactement le titulaire et le cabinet demandés.',
  // Also a tampered wrapped key or PKCS#12: AES-GCM and the PKCS#12 MAC cannot tell them apart.
  WRONG_PASSWORD: 'Mot de passe de la clé incorrect.',
  WRAPPED_KEY_INVALID: 'La clé protégée enregistrée est illisible ou d’un format inconnu.',
  PROTECTION_TOO_WEAK: 'Les paramètres de protection de la clé sont trop faibles.',
  PKCS12_INVALID: 'Le fichier PKCS#12 est illisible ou d’un format non pris en charge.',
  CMS_UNREADABLE: 'Le fichier signé est illisible (CMS SignedData attendu, contenu inclus).',
  CMS_SIGNATURE_INVALID: 'La signature du fichier est invalide ou le contenu a été modifié.',
  CMS_CERTIFICATE_UNTRUSTED:
    'Le certificat du signataire n’est pas émis par une autorité reconnue ou n’autorise pas cette signature.',
  CMS_CERTIFICATE_EXPIRED: 'Le certificat du signataire n’était pas valide à la date de signature.',
  CMS_SELF_CHECK_FAILED: 'La signature qui vient d’être produite ne se vérifie pas.',
};

/** The one error this package throws for refused input; match on `code`, never on the text. */
export class PkiError extends Error {
  override readonly name = 'PkiError';

  constructor(
    readonly code: PkiErrorCode,
    options?: { cause?: unknown },
  ) {
    super(PKI_ERROR_MESSAGES[code], options);
  }
}
