// Small bridges between a certificate and its private key, on node:crypto (OpenSSL), so that a
// key is never stored, exported or imported next to a certificate that is not its own. The
// certificate is read by the package's one reader (der/certificate.ts).
import { createPrivateKey, createPublicKey, type webcrypto } from 'node:crypto';
import { readCertificatePem } from '../der/certificate';
import { defaultCrypto } from '../engine';

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

/** Serial, validity, subject and issuer of a PEM certificate (CERTIFICATE_MALFORMED if not one). */
export function certificateInfo(pem: string): CertificateInfo {
  const certificate = readCertificatePem(pem);
  return {
    serialHex: certificate.serialHex,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    subject: certificate.subjectText,
    issuer: certificate.issuerText,
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
  const certificateKey = readCertificatePem(certificatePem).publicKey;
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
