// What every end-entity certificate of this CA shares — a person's signature certificate and the
// partner's receipt signer: not a CA, digitalSignature + nonRepudiation, SKI/AKI, the literal
// subject read back after signing. The callers add their purposes (EKU, SAN, CRL point).
import { defaultCrypto } from '../engine'; // first: loads reflect-metadata before x509
import type { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { CA_SIGNING_ALGORITHM, type LoadedCertificateAuthority } from './certificate-authority';
import {
  buildSubjectName,
  checkCertificateSubject,
  type SubjectNames,
} from './certificate-subject';

/** What signEndEntityCertificate needs; `names` were checked with buildSubjectName first. */
export interface EndEntityCertificateParams {
  ca: LoadedCertificateAuthority;
  serialHex: string;
  names: SubjectNames;
  notBefore: Date;
  notAfter: Date;
  publicKey: x509.PublicKey | webcrypto.CryptoKey;
  /** After the key usage: the certificate's purposes (EKU, SAN). */
  purposes: x509.Extension[];
  /** After the key identifiers (the CRL distribution point). */
  trailing?: x509.Extension[];
}

/** Has the CA sign the certificate, then checks its subject (SUBJECT_MISMATCH). */
export async function signEndEntityCertificate(
  params: EndEntityCertificateParams,
  crypto: webcrypto.Crypto = defaultCrypto,
): Promise<x509.X509Certificate> {
  const { ca, publicKey } = params;
  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber: params.serialHex,
      subject: buildSubjectName(params.names),
      issuer: ca.certificate.subjectName,
      notBefore: params.notBefore,
      notAfter: params.notAfter,
      publicKey,
      signingKey: ca.privateKey,
      signingAlgorithm: CA_SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          true,
        ),
        ...params.purposes,
        await x509.SubjectKeyIdentifierExtension.create(publicKey, false, crypto),
        new x509.AuthorityKeyIdentifierExtension(ca.keyIdentifier, false),
        ...(params.trailing ?? []),
      ],
    },
    crypto,
  );
  checkCertificateSubject(certificate.rawData, params.names);
  return certificate;
}
