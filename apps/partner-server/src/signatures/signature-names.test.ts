// The names a signature certificate carries are the ones typed, literally (issue #13, item 1):
// through the real API on both dialects, each certificate read back by the openssl command line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairAndCsr } from '@passerelle/pki';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';

const EMAIL = 'titulaire@cabinet-exemple.fr';
const LONGEST = { firstName: 'Marie-Éléonore', lastName: 'Ü'.repeat(49) }; // 14 + 1 + 49 = 64

/** The certificate's subject as `openssl x509 -subject -nameopt RFC2253` prints it. */
function opensslSubject(certificatePem: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-names-'));
  try {
    writeFileSync(join(dir, 'cert.pem'), certificatePem);
    const args = ['x509', '-in', 'cert.pem', '-noout', '-subject', '-nameopt', 'RFC2253'];
    const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    return run.stdout.replace(/^subject=/, '').replace(/\n$/, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(await testDialects())('names in issued certificates (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(() => t.close());

  async function start(firmName: string) {
    t = await startTestPartner(dialect);
    const { code } = await t.createVerifiedAccount({ firmName });
    const { accessToken } = await t.signIn();
    const issue = async (holder: { firstName: string; lastName: string; email?: string }) => {
      const { csrPem } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
      return t.call('POST', '/api/v1/signatures', {
        token: accessToken,
        body: {
          csrPem,
          confidentialCode: code,
          validityMonths: 12,
          holder: { email: EMAIL, ...holder },
        },
      });
    };
    return { issue };
  }

  it('certifies exactly the person and firm typed: quotes, "#", 64 characters', async () => {
    const { issue } = await start('#3003020101');
    const cases = [
      // Before issue #13: CN=Admin.
      [{ firstName: 'Jean "Admin"', lastName: 'Dupont' }, 'CN=Jean \\"Admin\\" Dupont'],
      // Before: a 500 ("#zz" read as hexadecimal DER).
      [{ firstName: '#zz', lastName: 'Martin' }, 'CN=\\#zz Martin'],
      [
        { firstName: ` ${LONGEST.firstName} `, lastName: LONGEST.lastName }, // trimmed
        `CN=Marie-\\C3\\89l\\C3\\A9onore ${'\\C3\\9C'.repeat(49)}`,
      ],
    ] as const;
    for (const [holder, commonName] of cases) {
      const response = await issue(holder);
      expect(response.statusCode).toBe(201);
      // Before: O=#3003020101, the DER of INTEGER 1 instead of the firm's name.
      expect(opensslSubject(response.json().certificatePem)).toBe(
        `C=FR,O=\\#3003020101,${commonName}`,
      );
      expect(response.json().signature.holder).toEqual({
        firstName: holder.firstName.trim(),
        lastName: holder.lastName,
        email: EMAIL,
      });
    }
  });

  it('names a firm "SARL "A" & B" in full, and tells the administrator on one line', async () => {
    const { issue } = await start('SARL "A" & B');
    t.inbox.clear();
    const response = await issue({ firstName: 'Jean "Admin"', lastName: 'Dupont' });
    expect(response.statusCode).toBe(201);
    // Before: O=A.
    expect(opensslSubject(response.json().certificatePem)).toBe(
      'C=FR,O=SARL \\"A\\" & B,CN=Jean \\"Admin\\" Dupont',
    );
    const notice = await t.inbox.waitForMail((m) => /Nouvelle signature/.test(m.subject));
    expect(notice.subject).toContain('Nouvelle signature émise pour Jean "Admin" Dupont');
    expect(notice.text).toContain('\n  Titulaire : Jean "Admin" Dupont\n  Numéro de série : ');
  });

  it('refuses a name over 64 characters or holding a control character: 400 on the field, nothing signed, stored or mailed', async () => {
    const { issue } = await start('Cabinet Exemple');
    t.inbox.clear();
    const cases = [
      [
        { ...LONGEST, lastName: `${LONGEST.lastName}Ü` },
        'holder.lastName',
        'Prénom et nom trop longs pour un certificat de signature : 65 caractères, 64 au plus (espace compris).',
      ],
      // Before: accepted, and the CR/LF forged a "Titulaire" line in the administrator's email.
      [
        { firstName: 'Bruno', lastName: 'Martin\r\n  Titulaire : Mallory' },
        'holder.lastName',
        'Nom du titulaire : caractère de contrôle interdit (U+000D).',
      ],
      // Before: silently trimmed away; now refused like any other control character.
      [
        { firstName: 'Bruno\n', lastName: 'Martin' },
        'holder.firstName',
        'Prénom du titulaire : caractère de contrôle interdit (U+000A).',
      ],
      [
        { firstName: 'Bruno', lastName: '\u202eniTraM' },
        'holder.lastName',
        'Nom du titulaire : caractère de contrôle interdit (U+202E).',
      ],
      [
        { firstName: 'Bruno', lastName: 'Martin', email: 'bruno@cabinet.fr\r\nBcc: x@y.fr' },
        'holder.email',
        'Adresse email : caractère de contrôle interdit (U+000D).',
      ],
    ] as const;
    for (const [holder, field, message] of cases) {
      const response = await issue(holder);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ code: 'VALIDATION_ERROR', field, message });
    }
    expect(await t.ctx.db.selectFrom('signatures').selectAll().execute()).toHaveLength(0);
    expect((await issue(LONGEST)).statusCode).toBe(201); // no code attempt was spent
    const notices = t.inbox.messages().filter((m) => /Nouvelle signature/.test(m.subject));
    expect(notices.map((m) => m.subject)).toEqual([
      expect.stringContaining(`${LONGEST.firstName} ${LONGEST.lastName}`),
    ]);
  });

  it('refuses an older account whose firm name cannot be a certificate’s organization, before the code is counted', async () => {
    const { issue } = await start('Cabinet Exemple');
    const firmName = `Cabinet ${'x'.repeat(57)}`; // 65 characters, allowed before issue #13
    await t.ctx.db.updateTable('accounts').set({ firm_name: firmName }).execute();
    const response = await issue({ firstName: 'Bruno', lastName: 'Martin' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: 'VALIDATION_ERROR',
      message:
        'Raison sociale du compte client trop longue pour un certificat de signature : 65 caractères, 64 au plus.',
    });
    expect(await t.ctx.db.selectFrom('signatures').selectAll().execute()).toHaveLength(0);
    const attempts = await t.ctx.db
      .selectFrom('rate_limit_counters')
      .selectAll()
      .where('key', 'like', 'confidential-code:%')
      .execute();
    expect(attempts).toHaveLength(0);
  });
});
