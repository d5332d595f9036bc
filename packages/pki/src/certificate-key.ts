// Small bridges between a certificate and its private key, on node:crypto (OpenSSL), so that a
// key is never stored, exported or imported next to a certificate that is not its own.
import { createPrivateKey, createPublicKey, X509Certificate, type webcrypto } from 'node:crypto';
import { defaultCrypto } from './engine';
import { PkiError } from './pki-error';

/** What the declarant shows and checks of a certificate. */
export interface CertificateInfo {
  /** Lower-case hex, as openssl prints it (whole bytes), like `IssuedCertificate.serialHex`. */
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** Node's form: one `TYPE=value` attribute per line, e.g. `CN=Anne Durand\nC=FR`. */
  subject: string;
  issuer: string;
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (cause) {
    throw new PkiError('CERTIFICATE_MALFORMED', { cause });
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Reads OpenSSL's `Mar 15 10:19:30 2026 GMT` (Node 20 has no `validFromDate`); parsed by hand
 * because `Date` parsing of that form is implementation-defined.
 */
function parseOpensslTime(text: string): Date {
  const match = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) GMT$/.exec(text);
  const month = MONTHS.indexOf(match?.[1] ?? '');
  if (!match || month < 0) throw new PkiError('CERTIFICATE_MALFORMED');
  const [, , day, hours, minutes, seconds, year] = match.map(Number);
  return new Date(Date.UTC(year ?? 0, month, day, hours, minutes, seconds));
}

/** Serial, validity, subject and issuer of a PEM certificate (CERTIFICATE_MALFORMED if not one). */
export function certificateInfo(pem: string): CertificateInfo {
  const certificate = parseCertificate(pem);
  return {
    serialHex: certificate.serialNumber.toLowerCase(),
    notBefore: parseOpensslTime(certificate.validFrom),
    notAfter: parseOpensslTime(certificate.validTo),
    subject: certificate.subject,
    issuer: certificate.issuer,
  };
}

/**
 * True when the certificate's public key is the one of `privateKeyPkcs8` (compared as SPKI
 * DER). An unreadable certificate is CERTIFICATE_MALFORMED; an unreadable key simply does not
 * match.
 */
export function certificateMatchesPrivateKey(
  certificatePem: string,
  privateKeyPkcs8: Uint8Array,
): boolean {
  const certificateKey = parseCertificate(certificatePem).publicKey;
  let privateKeyPublic: Buffer;
  try {
    const privateKey = createPrivateKey({
      // A view, not a copy: no extra copy of the key to wipe.
      key: Buffer.from(
        privateKeyPkcs8.buffer,
        privateKeyPkcs8.byteOffset,
        privateKeyPkcs8.byteLength,
      ),
      format: 'der',
      type: 'pkcs8',
    });
    privateKeyPublic = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  } catch {
    return false;
  }
  return certificateKey.export({ type: 'spki', format: 'der' }).equals(privateKeyPublic);
}

/** The PKCS#8 DER of an extractable WebCrypto private key, to wrap or put in a PKCS#12. */
export async function exportPkcs8(
  privateKey: webcrypto.CryptoKey,
  crypto: webcrypto.Crypto = defaultCrypto,
): Promise<Buffer> {
  return Buffer.from(await crypto.subtle.exportKey('pkcs8', privateKey));
}
