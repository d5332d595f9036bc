import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type CreatedCertificateAuthority,
} from './certificate-authority';
import { PkiError } from '../pki-error';
import { attime, createOpensslFolder, type OpensslFolder } from '../testing/openssl';

const NOW = new Date('2026-03-15T10:20:30.456Z');
let openssl: OpensslFolder;
let created: CreatedCertificateAuthority;

beforeAll(async () => {
  openssl = createOpensslFolder();
  created = await createCertificateAuthority({
    commonName: 'Partenaire Démo — Autorité de certification',
    organization: 'Partenaire Démo',
    now: NOW,
  });
  openssl.write('ca.pem', created.certificatePem);
  openssl.write('ca.key', created.privateKeyPkcs8);
});
afterAll(() => openssl.remove());

describe('createCertificateAuthority', () => {
  it('makes a self-signed ECDSA P-256 CA limited to signing certificates and CRLs', () => {
    const text = openssl.ok(['x509', '-in', 'ca.pem', '-noout', '-text', '-nameopt', 'utf8']);
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA256');
    expect(text).toContain('NIST CURVE: P-256');
    expect(text).toContain(
      'Subject: CN=Partenaire Démo — Autorité de certification, O=Partenaire Démo, C=FR',
    );
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text).toContain('X509v3 Subject Key Identifier');
    // openssl checks the self-signature against the CA's own key.
    expect(openssl.ok(['verify', '-CAfile', 'ca.pem', '-attime', attime(NOW), 'ca.pem'])).toContain(
      'ca.pem: OK',
    );
  });

  it('is valid from now − 1 minute for 10 years by default, and validityYears changes that', async () => {
    const dates = openssl.ok(['x509', '-in', 'ca.pem', '-noout', '-startdate', '-enddate']);
    expect(dates).toContain('notBefore=Mar 15 10:19:30 2026 GMT');
    expect(dates).toContain('notAfter=Mar 15 10:19:30 2036 GMT');
    const short = await createCertificateAuthority({
      commonName: 'CA',
      organization: 'O',
      now: NOW,
      validityYears: 3,
    });
    const ca = await loadCertificateAuthority(short);
    expect(ca.certificate.notAfter.toISOString()).toBe('2029-03-15T10:19:30.000Z');
  });

  it('returns its private key as unencrypted PKCS#8 that openssl reads and that matches', () => {
    openssl.ok(['pkey', '-inform', 'DER', '-in', 'ca.key', '-pubout', '-out', 'key-pub.pem']);
    openssl.ok(['x509', '-in', 'ca.pem', '-noout', '-pubkey', '-out', 'cert-pub.pem']);
    expect(openssl.read('key-pub.pem')).toBe(openssl.read('cert-pub.pem'));
  });
});

describe('loadCertificateAuthority', () => {
  it('loads the CA with a non-extractable signing key and its key identifier', async () => {
    const ca = await loadCertificateAuthority(created);
    expect(ca.privateKey.extractable).toBe(false);
    expect(ca.privateKey.usages).toEqual(['sign']);
    expect(ca.certificatePem).toBe(created.certificatePem);
    const ski = openssl.ok(['x509', '-in', 'ca.pem', '-noout', '-ext', 'subjectKeyIdentifier']);
    expect(ski.replaceAll(':', '').toLowerCase()).toContain(ca.keyIdentifier);
  });

  it('refuses a private key that is not the certificate’s (CERTIFICATE_MALFORMED)', async () => {
    const other = await createCertificateAuthority({ commonName: 'Autre', organization: 'O' });
    const error = await loadCertificateAuthority({
      certificatePem: created.certificatePem,
      privateKeyPkcs8: other.privateKeyPkcs8,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PkiError);
    expect(error).toMatchObject({ code: 'CERTIFICATE_MALFORMED' });
  });

  it('refuses an unreadable certificate or key, and a certificate that is not a CA', async () => {
    openssl.ok(
      ['req', '-x509', '-new', '-key', 'ca.key', '-keyform', 'DER', '-subj', '/CN=leaf'].concat([
        '-addext',
        'basicConstraints=critical,CA:FALSE',
        '-out',
        'leaf.pem',
      ]),
    );
    const attempts = [
      { certificatePem: 'bonjour', privateKeyPkcs8: created.privateKeyPkcs8 },
      { certificatePem: created.certificatePem, privateKeyPkcs8: Buffer.from('pas une clé') },
      { certificatePem: openssl.read('leaf.pem'), privateKeyPkcs8: created.privateKeyPkcs8 },
    ];
    for (const attempt of attempts) {
      await expect(loadCertificateAuthority(attempt)).rejects.toMatchObject({
        code: 'CERTIFICATE_MALFORMED',
      });
    }
  });
});
