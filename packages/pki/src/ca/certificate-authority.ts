import { defaultCrypto } from '../engine'; // first: loads reflect-metadata before x509
import type { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { buildSubjectName, checkCertificateSubject } from './certificate-subject';
import { PkiError } from '../pki-error';
import { randomSerialHex } from './serial';
import { addCalendarMonths, BACKDATE_MS, toWholeSeconds } from './validity';
import { encodePem } from '../pem';

/** The CA key: ECDSA on P-256, signing with SHA-256. */
const CA_KEY_ALGORITHM: webcrypto.EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
/** The algorithm the CA signs certificates and CRLs with. */
export const CA_SIGNING_ALGORITHM: webcrypto.EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** A CA ready to sign: its certificate and a non-extractable private key. */
export interface LoadedCertificateAuthority {
  readonly certificate: x509.X509Certificate;
  readonly certificatePem: string;
  readonly privateKey: webcrypto.CryptoKey;
  /** The CA's subject key identifier (hex), copied into every AKI it signs. */
  readonly keyIdentifier: string;
}

/** What to store for a new CA: the PEM certificate and the PKCS#8 private key (to seal). */
export interface CreatedCertificateAuthority {
  certificatePem: string;
  privateKeyPkcs8: Buffer;
}

/**
 * A self-signed CA certificate for `keys`: may sign end-entity certificates and CRLs only
 * (path length 0), with its subject key identifier (the SHA-1 of the key unless given).
 */
export async function signCaCertificate(
  params: {
    serialHex: string;
    name: x509.Name | string;
    notBefore: Date;
    notAfter: Date;
    keys: webcrypto.CryptoKeyPair;
    keyIdentifier?: string;
  },
  crypto: webcrypto.Crypto = defaultCrypto,
): Promise<x509.X509Certificate> {
  const { keys, keyIdentifier } = params;
  return x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: params.serialHex,
      name: params.name,
      notBefore: params.notBefore,
      notAfter: params.notAfter,
      keys,
      signingAlgorithm: CA_SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
          true,
        ),
        keyIdentifier
          ? new x509.SubjectKeyIdentifierExtension(keyIdentifier)
          : await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
}

/**
 * Creates a self-signed ECDSA P-256 CA that may sign end-entity certificates and CRLs only;
 * its subject is CN = commonName, O = organization, C = FR as literal text (see
 * `buildSubjectName`), read back before it is returned.
 */
export async function createCertificateAuthority(
  params: {
    commonName: string;
    organization: string;
    now?: Date;
    validityYears?: number;
  },
  crypto: webcrypto.Crypto = defaultCrypto,
): Promise<CreatedCertificateAuthority> {
  const { commonName, organization, validityYears = 10 } = params;
  if (!Number.isInteger(validityYears) || validityYears < 1 || validityYears > 30) {
    throw new RangeError('validityYears must be an integer between 1 and 30');
  }
  const notBefore = new Date(toWholeSeconds(params.now ?? new Date()).getTime() - BACKDATE_MS);
  const name = buildSubjectName({ commonName, organization }); // refused before any key is made
  const keys = await crypto.subtle.generateKey(CA_KEY_ALGORITHM, true, ['sign', 'verify']);
  const certificate = await signCaCertificate(
    {
      serialHex: randomSerialHex(crypto),
      name,
      notBefore,
      notAfter: addCalendarMonths(notBefore, 12 * validityYears),
      keys,
    },
    crypto,
  );
  checkCertificateSubject(certificate.rawData, { commonName, organization });
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    certificatePem: encodePem(certificate.rawData, 'CERTIFICATE'),
    privateKeyPkcs8: Buffer.from(pkcs8),
  };
}

function parseCaCertificate(pem: string): x509.X509Certificate {
  try {
    return new x509.X509Certificate(pem);
  } catch (cause) {
    throw new PkiError('CERTIFICATE_MALFORMED', { cause });
  }
}

/**
 * Loads a stored CA: imports its key as non-extractable, and checks that the certificate is a
 * CA with a subject key identifier and that the key signs what the certificate verifies
 * (CERTIFICATE_MALFORMED otherwise). The caller may wipe `privateKeyPkcs8` afterwards.
 */
export async function loadCertificateAuthority(
  stored: { certificatePem: string; privateKeyPkcs8: Uint8Array },
  crypto: webcrypto.Crypto = defaultCrypto,
): Promise<LoadedCertificateAuthority> {
  const certificate = parseCaCertificate(stored.certificatePem);
  const basic = certificate.getExtension(x509.BasicConstraintsExtension);
  const ski = certificate.getExtension(x509.SubjectKeyIdentifierExtension);
  if (!basic?.ca || !ski) throw new PkiError('CERTIFICATE_MALFORMED');
  let privateKey: webcrypto.CryptoKey;
  let matches: boolean;
  try {
    privateKey = await crypto.subtle.importKey(
      'pkcs8',
      new Uint8Array(stored.privateKeyPkcs8),
      CA_KEY_ALGORITHM,
      false,
      ['sign'],
    );
    const probe = new TextEncoder().encode('passerelle-ca-key-check');
    const signature = await crypto.subtle.sign(CA_SIGNING_ALGORITHM, privateKey, probe);
    const publicKey = await certificate.publicKey.export(CA_KEY_ALGORITHM, ['verify'], crypto);
    matches = await crypto.subtle.verify(CA_SIGNING_ALGORITHM, publicKey, signature, probe);
  } catch (cause) {
    throw new PkiError('CERTIFICATE_MALFORMED', { cause });
  }
  if (!matches) throw new PkiError('CERTIFICATE_MALFORMED');
  return {
    certificate,
    certificatePem: encodePem(certificate.rawData, 'CERTIFICATE'),
    privateKey,
    keyIdentifier: ski.keyId,
  };
}
