// What a signature certificate says about its holder: CN = "Prénom Nom", O = the client
// account's firm name (raison sociale). The partner's CA writes them, the declarant sends them.

/**
 * X.520's upper bound on a commonName and an organizationName (RFC 5280 appendix A:
 * ub-common-name = ub-organization-name = 64), in characters. Longer names are refused where they
 * are typed, never cut: a certificate must name exactly the person and the firm.
 */
export const CERTIFICATE_NAME_MAX_LENGTH = 64;

/** The commonName of a person's signature certificate: first name, one space, last name. */
export function certificateHolderName(firstName: string, lastName: string): string {
  return `${firstName} ${lastName}`;
}

/** Length in characters (code points, as a UTF8String's characters are counted). */
export function characterCount(value: string): number {
  return [...value].length;
}

/** The French refusal of a first and last name too long for a certificate, or undefined. */
export function holderNameTooLongMessage(firstName: string, lastName: string): string | undefined {
  const length = characterCount(certificateHolderName(firstName, lastName));
  return length <= CERTIFICATE_NAME_MAX_LENGTH
    ? undefined
    : `Prénom et nom trop longs pour un certificat de signature : ${length} caractères, ` +
        `${CERTIFICATE_NAME_MAX_LENGTH} au plus (espace compris).`;
}
