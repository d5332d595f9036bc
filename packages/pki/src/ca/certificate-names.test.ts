// Names in certificate subjects are literal text (issue #13, item 1), as the openssl command line
// reads them: RFC 2253 escapes for the characters DN syntax gives a meaning to, and the raw UTF-8
// (`multiline,utf8,-esc_msb,-esc_ctrl` prints values without any escaping) equal to the text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCertificateAuthority,
  loadCertificateAuthority,
  type LoadedCertificateAuthority,
} from './certificate-authority';
import { verifyCsr } from './csr';
import { issueCertificate } from './issue-certificate';
import { generateKeyPairAndCsr } from '../keys/key-pair';
import { issueReceiptSignerCertificate } from './receipt-certificate';
import { codeOf } from '../testing/error-code';
import { createTestCa } from '../testing/cms-fixtures';
import { attime, createOpensslFolder, type OpensslFolder } from '../testing/openssl';

const NOW = new Date('2026-03-15T10:20:30Z');
const EMAIL = 'titulaire@cabinet-exemple.fr';
let openssl: OpensslFolder;
let ca: LoadedCertificateAuthority;
let csrPublicKey: Awaited<ReturnType<typeof verifyCsr>>['publicKey'];

beforeAll(async () => {
  openssl = createOpensslFolder();
  ca = (await createTestCa('CA Test', NOW)).loaded;
  openssl.write('ca.pem', ca.certificatePem);
  csrPublicKey = (await verifyCsr((await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' })).csrPem))
    .publicKey;
});
afterAll(() => openssl.remove());

/** openssl's RFC 2253 subject line and the unescaped CN and O values of a PEM certificate. */
function readSubject(pem: string, file = 'subject.pem') {
  openssl.write(file, pem);
  const rfc2253 = openssl.ok(['x509', '-in', file, '-noout', '-subject', '-nameopt', 'RFC2253']);
  const multiline = openssl.ok([
    'x509',
    ...['-in', file, '-noout', '-subject', '-nameopt', 'multiline,utf8,-esc_msb,-esc_ctrl'],
  ]);
  // Lines are `    commonName                = <value>`; the value runs to the end of the line.
  const value = (field: string) => new RegExp(`^ +${field} += (.*)$`, 'm').exec(multiline)?.[1];
  return {
    rfc2253: rfc2253.replace(/^subject=/, '').replace(/\n$/, ''), // a trailing space counts
    commonName: value('commonName'),
    organization: value('organizationName'),
    country: value('countryName'),
  };
}

async function issueTo(firstName: string, lastName: string, organization: string) {
  return issueCertificate({
    ca,
    csrPublicKey,
    holder: { firstName, lastName, email: EMAIL },
    organization,
    validityMonths: 12,
    crlUrl: 'https://partenaire.example/api/v1/crl',
    now: NOW,
  });
}

const LONG_FIRST = 'Marie-Éléonore'; // 14 characters: with a space and 49 more, exactly 64
const LONG_LAST = 'Ü'.repeat(49);
const LONG_FIRM = `"${'é'.repeat(62)}"`; // 64 characters, 128 bytes of UTF-8

describe('certificate subjects from hostile names', () => {
  it.each([
    // [first name, last name, firm, openssl -nameopt RFC2253]
    ['Jean "Admin"', 'Dupont', 'Cabinet', 'C=FR,O=Cabinet,CN=Jean \\"Admin\\" Dupont'],
    ['Bruno', 'Martin', '#3003020101', 'C=FR,O=\\#3003020101,CN=Bruno Martin'],
    ['#zz', 'Martin', 'Cabinet', 'C=FR,O=Cabinet,CN=\\#zz Martin'],
    ['Bruno', 'Martin', 'SARL "A" & B', 'C=FR,O=SARL \\"A\\" & B,CN=Bruno Martin'],
    ['Marie+Claire', 'Dupont, fils', 'A=B', 'C=FR,O=A=B,CN=Marie\\+Claire Dupont\\, fils'],
    ['Anne;Sophie', 'Durand', 'Audit; Conseil', 'C=FR,O=Audit\\; Conseil,CN=Anne\\;Sophie Durand'],
    [
      'Anne\\Marie',
      'Jean\\0aDupont',
      'C\\,D',
      'C=FR,O=C\\\\\\,D,CN=Anne\\\\Marie Jean\\\\0aDupont',
    ],
    ['<script>', 'Martin', '<b>SARL</b>', 'C=FR,O=\\<b\\>SARL\\</b\\>,CN=\\<script\\> Martin'],
    [' Jean', 'Dupont ', ' Cabinet Exemple ', 'C=FR,O=\\ Cabinet Exemple\\ ,CN=\\ Jean Dupont\\ '],
    [
      'Élodie',
      'Lefèvre-Müller',
      'Associés',
      'C=FR,O=Associ\\C3\\A9s,CN=\\C3\\89lodie Lef\\C3\\A8vre-M\\C3\\BCller',
    ],
    [
      LONG_FIRST,
      LONG_LAST,
      LONG_FIRM,
      `C=FR,O=\\"${'\\C3\\A9'.repeat(62)}\\",CN=Marie-\\C3\\89l\\C3\\A9onore ${'\\C3\\9C'.repeat(49)}`,
    ],
  ])('%j %j of %j reads back literally', async (firstName, lastName, organization, rfc2253) => {
    const issued = await issueTo(firstName, lastName, organization);
    const subject = readSubject(issued.certificatePem);
    expect(subject.rfc2253).toBe(rfc2253);
    expect(subject.commonName).toBe(`${firstName} ${lastName}`);
    expect(subject.organization).toBe(organization);
    expect(subject.country).toBe('FR');
    const verify = ['verify', '-CAfile', 'ca.pem', '-purpose', 'smimesign', '-attime'];
    expect(openssl.ok([...verify, attime(NOW), 'subject.pem'])).toContain('subject.pem: OK');
  });

  it('writes names as UTF8String, the country as PrintableString', async () => {
    const issued = await issueTo('Bruno', 'Martin', 'Cabinet');
    openssl.write('types.pem', issued.certificatePem);
    const parsed = openssl.ok(['asn1parse', '-in', 'types.pem']);
    // The last three attributes of the file are the subject's (the issuer's come first).
    const types = [
      ...parsed.matchAll(/:(commonName|organizationName|countryName)\s*\n.* (\w+) +:(.*)/g),
    ];
    expect(types.slice(-3).map(([, type, tag, value]) => `${type} ${tag} ${value}`)).toEqual([
      'commonName UTF8STRING Bruno Martin',
      'organizationName UTF8STRING Cabinet',
      'countryName PRINTABLESTRING FR',
    ]);
  });

  it.each([
    ['a name longer than 64 characters', LONG_FIRST, `${LONG_LAST}x`, 'Cabinet'],
    ['a firm longer than 64 characters', 'Bruno', 'Martin', `${LONG_FIRM}x`],
    ['an empty firm', 'Bruno', 'Martin', ''],
    ['CR/LF', 'Bruno', 'Martin\r\nTitulaire : Mallory', 'Cabinet'],
    ['a tab', 'Bruno', 'Martin', 'Cabinet\tExemple'],
    ['DEL', 'Bruno\u007f', 'Martin', 'Cabinet'],
    ['NEL (C1)', 'Bruno', 'Martin', 'Cabinet\u0085'],
    ['a line separator', 'Bruno', 'Martin\u2028Mallory', 'Cabinet'],
    ['a right-to-left override', 'Bruno', '\u202eniTraM', 'Cabinet'],
    ['a lone surrogate', 'Bruno\ud800', 'Martin', 'Cabinet'],
  ])('refuses %s before signing anything', async (_case, firstName, lastName, organization) => {
    expect(await codeOf(issueTo(firstName, lastName, organization))).toBe('SUBJECT_INVALID');
  });
});

describe('CA and receipt-signer subjects', () => {
  it('are literal too, and the certificates they sign chain to them', async () => {
    const created = await createCertificateAuthority({
      commonName: 'Partenaire "EDI" #1 — Autorité de certification',
      organization: '#3003020101',
      now: NOW,
    });
    expect(readSubject(created.certificatePem, 'ca2.pem')).toMatchObject({
      commonName: 'Partenaire "EDI" #1 — Autorité de certification',
      organization: '#3003020101',
    });
    const loaded = await loadCertificateAuthority(created);
    const receipt = await issueReceiptSignerCertificate({
      ca: loaded,
      commonName: 'Accusés "de" réception',
      organization: 'SARL "A" & B',
      now: NOW,
      validityMonths: 12,
    });
    const subject = readSubject(receipt.certificatePem, 'receipt.pem');
    expect(subject.rfc2253).toBe(
      'C=FR,O=SARL \\"A\\" & B,CN=Accus\\C3\\A9s \\"de\\" r\\C3\\A9ception',
    );
    const verify = ['verify', '-CAfile', 'ca2.pem', '-purpose', 'any', '-attime', attime(NOW)];
    expect(openssl.ok([...verify, 'receipt.pem'])).toContain('receipt.pem: OK');
  });

  it('refuses a CA or receipt-signer name over 64 characters or with a line feed', async () => {
    const long = `${'Partenaire '.repeat(5)}0123456789`; // 65 characters
    expect(
      await codeOf(createCertificateAuthority({ commonName: long, organization: 'P', now: NOW })),
    ).toBe('SUBJECT_INVALID');
    expect(
      await codeOf(
        issueReceiptSignerCertificate({
          ca,
          commonName: 'Accusés',
          organization: 'Partenaire\nBcc: x',
          now: NOW,
          validityMonths: 12,
        }),
      ),
    ).toBe('SUBJECT_INVALID');
  });
});
