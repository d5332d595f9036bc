/** Why a PKI operation was refused; the partner maps each code to an API error. */
export type PkiErrorCode =
  'CSR_MALFORMED' | 'CSR_BAD_SIGNATURE' | 'KEY_REJECTED' | 'CERTIFICATE_MALFORMED';

/** The French sentence shown to users for each code (these messages reach the declarant UI). */
export const PKI_ERROR_MESSAGES: Readonly<Record<PkiErrorCode, string>> = {
  CSR_MALFORMED: 'La demande de certificat (CSR) est illisible.',
  CSR_BAD_SIGNATURE: 'La signature de la demande de certificat est invalide.',
  KEY_REJECTED:
    'Type de clé refusé : ECDSA P-256/P-384 ou RSA 2048, 3072 ou 4096 bits (exposant 65537).',
  CERTIFICATE_MALFORMED: 'Le certificat est illisible ou ne correspond pas à sa clé privée.',
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
