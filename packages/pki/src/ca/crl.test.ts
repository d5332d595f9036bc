import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type LoadedCertificateAuthority,
} from './certificate-authority';
import { createCrl } from './crl';
import { verifyCsr } from './csr';
import { issueCertificate, type IssuedCertificate } from './issue-certificate';
import { generateKeyPairAndCsr } from '../keys/key-pair';
import { attime, createOpensslFolder, type OpensslFolder } from '../testing/openssl';

const NOW = new Date('2026-03-15T10:20:30Z');
const LATER = new Date('2026-04-01T09:00:00Z');
let openssl: OpensslFolder;
let ca: LoadedCertificateAuthority;
let revoked: IssuedCertificate;
let valid: IssuedCertificate;

async function issue(serialHex: string): Promise<IssuedCertificate> {
  const { publicKey } = await verifyCsr(
    (await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' })).csrPem,
  );
  const holder = { firstName: 'Anne', lastName: 'Durand', email: 'anne@cabinet.fr' };
  return issueCertificate({
    ca,
    csrPublicKey: publicKey,
    holder,
    organization: 'Cabinet',
    validityMonths: 12,
    crlUrl: 'https://partenaire.example/api/v1/crl',
    now: NOW,
    serialHex,
  });
}

beforeAll(async () => {
  openssl = createOpensslFolder();
  ca = await loadCertificateAuthority(
    await createCertificateAuthority({ commonName: 'CA Test', organization: 'P', now: NOW }),
  );
  openssl.write('ca.pem', ca.certificatePem);
  revoked = await issue('7e57000000000000000000000000001f');
  valid = await issue('0c0ffee0000000000000000000000002');
  openssl.write('revoked.pem', revoked.certificatePem);
  openssl.write('valid.pem', valid.certificatePem);
  // The CRL the first two tests read: every reason, one of them our `revoked` certificate.
  const { pem, der } = await createCrl({
    ca,
    revoked: [
      { serialHex: revoked.serialHex, revokedAt: LATER, reason: 'keyCompromise' },
      { serialHex: '01', revokedAt: LATER, reason: 'cessationOfOperation' },
      { serialHex: '02', revokedAt: LATER, reason: 'superseded' },
      { serialHex: '03', revokedAt: LATER, reason: 'unspecified' },
      { serialHex: '04', revokedAt: LATER },
    ],
    crlNumber: 42n,
    thisUpdate: LATER,
  });
  openssl.write('crl.pem', pem);
  openssl.write('crl.der', der);
});
afterAll(() => openssl.remove());

describe('createCrl', () => {
  it('signs a v2 CRL that openssl verifies against the CA, with number, AKI and reasons', () => {
    expect(
      openssl.ok(['crl', '-in', 'crl.pem', '-CAfile', 'ca.pem', '-noout', '-verify']),
    ).toContain('verify OK');
    const text = openssl.ok(['crl', '-in', 'crl.der', '-inform', 'DER', '-noout', '-text']);
    expect(text).toContain('Version 2 (0x1)');
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA256');
    expect(text).toContain('Issuer: CN = CA Test, O = P, C = FR');
    expect(text).toContain('Last Update: Apr  1 09:00:00 2026 GMT');
    expect(text).toContain('Next Update: Apr  8 09:00:00 2026 GMT'); // default: 7 days later
    expect(text).toMatch(/X509v3 CRL Number:\s+42\n/);
    const aki = /Authority Key Identifier:\s+(?:keyid:)?([0-9A-F:]+)/.exec(text)?.[1];
    expect(aki?.replaceAll(':', '').toLowerCase()).toBe(ca.keyIdentifier);
    // One block of text per revoked entry, keyed by its serial as openssl prints it.
    const entries = new Map(
      text
        .split('Serial Number: ')
        .slice(1)
        .map((block) => [block.slice(0, block.indexOf('\n')).trim(), block]),
    );
    expect([...entries.keys()]).toEqual([revoked.serialHex.toUpperCase(), '01', '02', '03', '04']);
    const first = entries.get(revoked.serialHex.toUpperCase());
    expect(first).toContain('Revocation Date: Apr  1 09:00:00 2026 GMT');
    expect(first).toMatch(/CRL Reason Code:\s+Key Compromise\n/);
    expect(entries.get('01')).toMatch(/CRL Reason Code:\s+Cessation Of Operation\n/);
    expect(entries.get('02')).toMatch(/CRL Reason Code:\s+Superseded\n/);
    // "unspecified" is written as no reason code at all (RFC 5280 §5.3.1).
    expect(entries.get('03')).not.toContain('Reason Code');
    expect(entries.get('04')).not.toContain('Reason Code');
  });

  it('makes openssl refuse the revoked certificate and accept the other one', () => {
    const check = ['verify', '-crl_check', '-CAfile', 'ca.pem', '-CRLfile', 'crl.pem'];
    const refused = openssl.run([...check, '-attime', attime(LATER), 'revoked.pem']);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('certificate revoked');
    expect(openssl.ok([...check, '-attime', attime(LATER), 'valid.pem'])).toContain(
      'valid.pem: OK',
    );
  });

  it('signs an empty CRL with an explicit next update, and its number as a number', async () => {
    const nextUpdate = new Date('2026-04-03T09:00:00Z');
    const { pem } = await createCrl({
      ca,
      revoked: [],
      crlNumber: 1,
      thisUpdate: LATER,
      nextUpdate,
    });
    openssl.write('empty.pem', pem);
    expect(
      openssl.ok(['crl', '-in', 'empty.pem', '-CAfile', 'ca.pem', '-noout', '-verify']),
    ).toContain('verify OK');
    const text = openssl.ok(['crl', '-in', 'empty.pem', '-noout', '-text']);
    expect(text).toContain('No Revoked Certificates.');
    expect(text).toContain('Next Update: Apr  3 09:00:00 2026 GMT');
    expect(text).toMatch(/X509v3 CRL Number:\s+1\n/);
    const check = ['verify', '-crl_check', '-CAfile', 'ca.pem', '-CRLfile', 'empty.pem'];
    expect(openssl.ok([...check, '-attime', attime(LATER), 'revoked.pem'])).toContain('OK');
  });

  it('lists 10,000 revoked certificates in a CRL openssl still verifies', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      serialHex: (0x10_0000 + i).toString(16).padStart(6, '0'),
      revokedAt: NOW,
    }));
    many.push({ serialHex: revoked.serialHex, revokedAt: NOW });
    const { pem } = await createCrl({ ca, revoked: many, crlNumber: 2, thisUpdate: LATER });
    openssl.write('many.pem', pem);
    expect(
      openssl.ok(['crl', '-in', 'many.pem', '-CAfile', 'ca.pem', '-noout', '-verify']),
    ).toContain('verify OK');
    const check = ['verify', '-crl_check', '-CAfile', 'ca.pem', '-CRLfile', 'many.pem'];
    expect(openssl.run([...check, '-attime', attime(LATER), 'revoked.pem']).output).toContain(
      'certificate revoked',
    );
  });

  it('writes dates from 2050 on as GeneralizedTime (RFC 5280 §5.1.2.4)', async () => {
    const thisUpdate = new Date('2050-01-02T03:04:05Z');
    const entry = { serialHex: '01', revokedAt: thisUpdate };
    const { der } = await createCrl({ ca, revoked: [entry], crlNumber: 3, thisUpdate });
    openssl.write('y2050.der', der);
    const parsed = openssl.ok(['asn1parse', '-inform', 'DER', '-in', 'y2050.der']);
    expect(parsed.match(/GENERALIZEDTIME\s+:20500102030405Z/g)).toHaveLength(2); // this update, entry
    expect(parsed).toMatch(/GENERALIZEDTIME\s+:20500109030405Z/); // next update
    expect(parsed).not.toContain('UTCTIME');
  });

  it('refuses duplicate or invalid serials, a negative number and an inverted period', async () => {
    const entry = { serialHex: '01', revokedAt: NOW };
    const base = { ca, crlNumber: 1, thisUpdate: LATER };
    await expect(createCrl({ ...base, revoked: [entry, entry] })).rejects.toThrow('duplicate');
    const bad = { serialHex: '80', revokedAt: NOW };
    await expect(createCrl({ ...base, revoked: [bad] })).rejects.toThrow(RangeError);
    await expect(createCrl({ ...base, revoked: [], crlNumber: -1 })).rejects.toThrow(RangeError);
    await expect(createCrl({ ...base, revoked: [], nextUpdate: NOW })).rejects.toThrow(RangeError);
  });
});
