import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairAndCsr } from '@passerelle/pki';
import { testDialects } from '@passerelle/server-kit/testing';
import { getPage, signInOnPortal } from '../testing/portal-client';
import type { IssuedTokens } from '../sessions/sessions.service';
import {
  ACCOUNT,
  BRUNO,
  CHLOE,
  PERSON_PASSWORD,
  startTestPartner,
  type TestPartner,
  type TestPerson,
} from '../testing/test-partner';
import { listAuditEvents } from './portal-users.repository';

/** Runs the openssl CLI; returns what it printed on both streams. */
function openssl(args: string[], dir: string): string {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return `${run.status === 0 ? '' : 'FAILED '}${run.stdout}${run.stderr}`;
}

const ADMIN: TestPerson = {
  email: ACCOUNT.adminEmail,
  firstName: ACCOUNT.adminFirstName,
  lastName: ACCOUNT.adminLastName,
};

/** One person's ways in: API tokens, a portal cookie, and a certificate issued through them. */
interface Connected {
  tokens: IssuedTokens;
  cookie: string;
  serial: string;
  certFile: string;
}

describe.each(await testDialects())('revoking a personal portal user (%s)', (dialect) => {
  let t: TestPartner;
  let dir: string;
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Signs `person` in (API and portal) and has a certificate issued to them through that session. */
  async function connect(person: TestPerson, password: string, code: string): Promise<Connected> {
    const tokens = await t.signIn(person.email, password);
    const cookie = await signInOnPortal(t, person.email, password);
    const { csrPem } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    const issued = await t.call('POST', '/api/v1/signatures', {
      token: tokens.accessToken,
      body: { csrPem, confidentialCode: code, validityMonths: 12, holder: person },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const { signature, certificatePem } = issued.json();
    const certFile = `${person.firstName}.pem`;
    writeFileSync(join(dir, certFile), certificatePem);
    return { tokens, cookie, serial: signature.serial, certFile };
  }

  it('issues the signature for the person and records it against them, as openssl reads it', async () => {
    t = await startTestPartner(dialect);
    dir = mkdtempSync(join(tmpdir(), 'passerelle-users-'));
    const { code } = await t.createVerifiedAccount();
    const brunoId = await t.addPortalUser((await t.signIn()).accessToken, BRUNO);
    const bruno = await connect(BRUNO, PERSON_PASSWORD, code);
    const subject = openssl(
      ['x509', '-in', bruno.certFile, '-noout', '-subject', '-ext', 'subjectAltName'],
      dir,
    );
    expect(subject).toMatch(/CN\s*=\s*Bruno Martin/);
    expect(subject).toMatch(/O\s*=\s*Cabinet Exemple/);
    expect(subject).toContain(`email:${BRUNO.email}`);
    const row = await t.ctx.db
      .selectFrom('signatures')
      .selectAll()
      .where('serial', '=', bruno.serial)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ portal_user_id: brunoId, holder_email: BRUNO.email });
    const list = await t.call('GET', '/api/v1/signatures', { token: bruno.tokens.accessToken });
    expect(list.json().items[0]).toMatchObject({ serial: bruno.serial, portalUserId: brunoId });
  });

  it("ends only that person's sessions and refresh tokens and revokes only their certificates (CRL checked with openssl)", async () => {
    t = await startTestPartner(dialect);
    dir = mkdtempSync(join(tmpdir(), 'passerelle-users-'));
    const { code } = await t.createVerifiedAccount();
    const adminToken = (await t.signIn()).accessToken;
    const brunoId = await t.addPortalUser(adminToken, BRUNO);
    await t.addPortalUser(adminToken, CHLOE);
    const admin = await connect(ADMIN, ACCOUNT.password, code);
    const bruno = await connect(BRUNO, PERSON_PASSWORD, code);
    const chloe = await connect(CHLOE, PERSON_PASSWORD, code);
    // A second API connection of Bruno's (another computer).
    const brunoSecond = await t.signIn(BRUNO.email, PERSON_PASSWORD);

    const revoked = await t.call('POST', `/api/v1/accounts/current/users/${brunoId}/revocation`, {
      token: adminToken,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().user).toMatchObject({ status: 'revoked' });
    const again = await t.call('POST', `/api/v1/accounts/current/users/${brunoId}/revocation`, {
      token: adminToken,
    });
    expect(again.json()).toMatchObject({
      code: 'ALREADY_REVOKED',
      message: 'Cet utilisateur est déjà révoqué.',
    });

    // Bruno: every access token, refresh token and portal session ends; sign-in is refused.
    for (const tokens of [bruno.tokens, brunoSecond]) {
      const current = await t.call('GET', '/api/v1/accounts/current', {
        token: tokens.accessToken,
      });
      expect(current.statusCode).toBe(401);
      const refresh = await t.call('POST', '/api/v1/sessions/refresh', {
        body: { refreshToken: tokens.refreshToken },
      });
      expect(refresh.json().code).toBe('REFRESH_TOKEN_INVALID');
    }
    const portal = await getPage(t, '/portail', bruno.cookie);
    expect(portal.headers.location).toBe('/portail/connexion?message=session-expiree');
    const signIn = await t.call('POST', '/api/v1/sessions', {
      body: { email: BRUNO.email, password: PERSON_PASSWORD },
    });
    expect(signIn.json().code).toBe('INVALID_CREDENTIALS');

    // Chloé and the administrator: untouched.
    for (const other of [chloe, admin]) {
      const current = await t.call('GET', '/api/v1/accounts/current', {
        token: other.tokens.accessToken,
      });
      expect(current.statusCode).toBe(200);
      const refresh = await t.call('POST', '/api/v1/sessions/refresh', {
        body: { refreshToken: other.tokens.refreshToken },
      });
      expect(refresh.statusCode).toBe(200);
      expect((await getPage(t, '/portail', other.cookie)).statusCode).toBe(200);
    }
    const statuses = await t.ctx.db
      .selectFrom('signatures')
      .select(['serial', 'revoked_at', 'revocation_reason'])
      .execute();
    const bySerial = new Map(statuses.map((s) => [s.serial, s]));
    expect(bySerial.get(bruno.serial)?.revocation_reason).toBe('cessationOfOperation');
    expect(bySerial.get(chloe.serial)?.revoked_at).toBeNull();
    expect(bySerial.get(admin.serial)?.revoked_at).toBeNull();

    // The published CRL, read by openssl: Bruno's certificate only.
    writeFileSync(join(dir, 'ca.pem'), (await t.call('GET', '/api/v1/ca')).body);
    writeFileSync(join(dir, 'crl.der'), (await t.call('GET', '/api/v1/crl')).rawPayload);
    openssl(['crl', '-inform', 'DER', '-in', 'crl.der', '-out', 'crl.pem'], dir);
    const crlText = openssl(['crl', '-in', 'crl.pem', '-CAfile', 'ca.pem', '-noout', '-text'], dir);
    expect(crlText).toContain('verify OK');
    expect(crlText.toLowerCase().replace(/:/g, '')).toContain(bruno.serial.replace(/^0+/, ''));
    expect(crlText).toContain('Cessation Of Operation');
    // At the test clock's time: the CRL and certificates are dated by it.
    const attime = String(Math.floor(t.clock.now().getTime() / 1000));
    const verify = (file: string) =>
      openssl(
        [
          'verify',
          '-attime',
          attime,
          '-crl_check',
          '-CAfile',
          'ca.pem',
          '-CRLfile',
          'crl.pem',
          file,
        ],
        dir,
      );
    expect(verify(bruno.certFile)).toContain('certificate revoked');
    expect(verify(chloe.certFile)).toContain(`${chloe.certFile}: OK`);
    expect(verify(admin.certFile)).toContain(`${admin.certFile}: OK`);

    const account = await t.ctx.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    const events = await listAuditEvents(t.ctx.db, account.id);
    const revocation = events.find((e) => e.action === 'portal_user.revoked');
    expect(revocation?.subject_user_id).toBe(brunoId);
    expect(JSON.parse(revocation?.details ?? '{}')).toMatchObject({
      sessions: 3,
      revokedSerials: [bruno.serial],
    });
  });

  it("keeps personal users' sessions when the administrator changes the account's password", async () => {
    t = await startTestPartner(dialect);
    dir = mkdtempSync(join(tmpdir(), 'passerelle-users-'));
    await t.createVerifiedAccount();
    const adminTokens = await t.signIn();
    await t.addPortalUser(adminTokens.accessToken, BRUNO);
    const bruno = await t.signIn(BRUNO.email, PERSON_PASSWORD);
    const changed = await t.call('POST', '/api/v1/accounts/current/password', {
      token: adminTokens.accessToken,
      body: {
        currentPassword: ACCOUNT.password,
        password: 'zèbre lampadaire mousson ocre',
        passwordConfirmation: 'zèbre lampadaire mousson ocre',
      },
    });
    expect(changed.statusCode).toBe(204);
    const refresh = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: bruno.refreshToken },
    });
    expect(refresh.statusCode).toBe(200);
    const personal = await t.call('POST', '/api/v1/accounts/current/password', {
      token: refresh.json().accessToken,
      body: {
        currentPassword: PERSON_PASSWORD,
        password: 'zèbre lampadaire mousson ocre',
        passwordConfirmation: 'zèbre lampadaire mousson ocre',
      },
    });
    expect(personal.statusCode).toBe(403);
  });
});
