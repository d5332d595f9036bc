// The signer of the pki benches: a throw-away CA, and a certificate it issues to Anne Durand
// (no partner, no database).
import {
  createCertificateAuthority,
  generateKeyPairAndCsr,
  issueCertificate,
  loadCertificateAuthority,
  verifyCsr,
  type GeneratedKeyType,
} from '@passerelle/pki';

/** A CA created and loaded in memory ("Bench CA"), and its certificate to trust. */
export async function benchCertificateAuthority() {
  const stored = await createCertificateAuthority({
    commonName: 'Bench CA',
    organization: 'Bench',
  });
  return { ca: await loadCertificateAuthority(stored), caPem: stored.certificatePem };
}

/** A key pair of `keyType` and its certificate, issued by `ca` for 24 months. */
export async function issueBenchCertificate(
  ca: Awaited<ReturnType<typeof benchCertificateAuthority>>['ca'],
  keyType: GeneratedKeyType = 'ECDSA-P256',
) {
  const { csrPem, privateKey } = await generateKeyPairAndCsr({ keyType });
  const { certificatePem } = await issueCertificate({
    ca,
    csrPublicKey: (await verifyCsr(csrPem)).publicKey,
    holder: { firstName: 'Anne', lastName: 'Durand', email: 'anne.durand@cabinet.fr' },
    organization: 'Cabinet Durand',
    validityMonths: 24,
    crlUrl: 'https://partenaire.example/api/v1/crl',
  });
  return { certificatePem, privateKey };
}
