import { describe, expect, it } from 'vitest';
import { defaultCrypto } from '../engine';
import * as x509 from '@peculiar/x509';
import { buildSubjectName, checkCertificateSubject } from './certificate-subject';
import { syncCodeOf } from '../testing/error-code';

const NAMES = { commonName: 'Jean "Admin" Dupont', organization: '#3003020101' };

/** A self-signed certificate whose subject is exactly `name`, however it was built. */
async function certificateNamed(name: x509.Name | x509.JsonNameParams): Promise<ArrayBuffer> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await defaultCrypto.subtle.generateKey(algorithm, false, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    { serialNumber: '01', name: name instanceof x509.Name ? name : new x509.Name(name), keys },
    defaultCrypto,
  );
  return certificate.rawData;
}

describe('checkCertificateSubject', () => {
  it('accepts the subject buildSubjectName made from the same texts', async () => {
    const der = await certificateNamed(buildSubjectName(NAMES));
    expect(() => checkCertificateSubject(der, NAMES)).not.toThrow();
  });

  it.each<[string, x509.JsonNameParams]>([
    // What the string form made of these texts before issue #13: CN=Admin, O = DER INTEGER 1.
    [
      'the texts read as RFC 4514 values',
      [{ CN: [NAMES.commonName] }, { O: [NAMES.organization] }, { C: ['FR'] }],
    ],
    [
      'another holder',
      [
        { CN: [{ utf8String: 'Jean Dupont' }] },
        { O: [{ utf8String: NAMES.organization }] },
        { C: [{ printableString: 'FR' }] },
      ],
    ],
    [
      'the same text as PrintableString',
      [
        { CN: [{ utf8String: NAMES.commonName }] },
        { O: [{ printableString: 'Cabinet' }] },
        { C: [{ printableString: 'FR' }] },
      ],
    ],
    [
      'CN and O in one multi-valued RDN',
      [
        { CN: [{ utf8String: NAMES.commonName }], O: [{ utf8String: NAMES.organization }] },
        { C: [{ printableString: 'FR' }] },
      ],
    ],
    [
      'one more attribute',
      [
        { CN: [{ utf8String: NAMES.commonName }] },
        { O: [{ utf8String: NAMES.organization }] },
        { OU: [{ utf8String: 'Direction' }] },
        { C: [{ printableString: 'FR' }] },
      ],
    ],
    [
      'another country',
      [
        { CN: [{ utf8String: NAMES.commonName }] },
        { O: [{ utf8String: NAMES.organization }] },
        { C: [{ printableString: 'BE' }] },
      ],
    ],
  ])('refuses a certificate naming %s (SUBJECT_MISMATCH)', async (_case, name) => {
    const der = await certificateNamed(name);
    expect(syncCodeOf(() => checkCertificateSubject(der, NAMES))).toBe('SUBJECT_MISMATCH');
  });

  it('refuses bytes that are not a certificate', () => {
    const garbage = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]).buffer;
    expect(syncCodeOf(() => checkCertificateSubject(garbage, NAMES))).toBe('SUBJECT_MISMATCH');
  });
});
