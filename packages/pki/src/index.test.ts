import { describe, expect, it } from 'vitest';
import * as pki from './index';

describe('@passerelle/pki entry point', () => {
  it('exports the public API, and installing the crypto engine again is harmless', async () => {
    pki.installCryptoEngine();
    pki.installCryptoEngine();
    const ca = await pki.loadCertificateAuthority(
      await pki.createCertificateAuthority({ commonName: 'CA', organization: 'O' }),
    );
    const { csrPem } = await pki.generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    const csr = await pki.verifyCsr(csrPem);
    const issued = await pki.issueCertificate({
      ca,
      csrPublicKey: csr.publicKey,
      holder: { firstName: 'Anne', lastName: 'Durand', email: 'anne@cabinet.fr' },
      organization: 'Cabinet',
      validityMonths: 12,
      crlUrl: 'https://partenaire.example/api/v1/crl',
    });
    const crl = await pki.createCrl({
      ca,
      revoked: [{ serialHex: issued.serialHex, revokedAt: new Date() }],
      crlNumber: 1,
    });
    expect(crl.pem).toMatch(/^-----BEGIN X509 CRL-----\n/);
    expect(pki.ACCEPTED_KEY_TYPES).toContain(csr.keyType);
    expect(new pki.PkiError('CSR_MALFORMED')).toBeInstanceOf(Error);
  });

  it('exports the signature-key helpers (key wrapping, PKCS#12, certificate/key checks)', () => {
    const functions = [
      pki.deriveWrappingKey,
      pki.wrapPrivateKey,
      pki.unwrapPrivateKey,
      pki.wrappedKeyParams,
      pki.exportPkcs12,
      pki.readPkcs12,
      pki.certificateMatchesPrivateKey,
      pki.exportPkcs8,
      pki.certificateInfo,
    ];
    for (const exported of functions) expect(exported).toBeTypeOf('function');
    expect(pki.DEFAULT_KEY_WRAP_PARAMS).toEqual({
      memoryKib: 65536,
      iterations: 3,
      parallelism: 1,
    });
    expect(Object.isFrozen(pki.DEFAULT_KEY_WRAP_PARAMS)).toBe(true);
    expect(pki.DEFAULT_PKCS12_ITERATIONS).toBe(600_000);
  });
});
