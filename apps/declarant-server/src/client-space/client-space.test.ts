import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { addKey, sealedKeyId } from '@passerelle/server-kit';
import { testDialects } from '@passerelle/server-kit/testing';
import { resealSecrets } from '../partner/reseal-secrets';
import { ACCOUNT, startTestPartner, type TestPartner } from '@passerelle/partner-server/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

const PORTAL = { email: ACCOUNT.adminEmail, password: ACCOUNT.password };

describe.each(await testDialects())('client-space connection over real HTTP (%s)', (dialect) => {
  let partner: TestPartner | undefined;
  let t: TestApp;
  afterEach(async () => {
    await t.close();
    await partner?.close();
    partner = undefined;
  });

  async function setup(env: Record<string, string> = {}) {
    partner = await startTestPartner(dialect);
    const partnerUrl = await partner.app.listen({ port: 0, host: '127.0.0.1' });
    t = await startTestApp(dialect, { PARTNER_URL: partnerUrl, ...env });
    const admin = await t.setupAdmin();
    await t.createUser(admin, { email: 'bruno@cabinet-test.fr' });
    return { cookie: await t.signIn('bruno@cabinet-test.fr'), partnerUrl };
  }

  it('starts "Non connecté", connects with the portal credentials, stores only a sealed refresh token', async () => {
    const { cookie, partnerUrl } = await setup();
    const before = (await t.call('GET', '/api/me/client-space', { cookie })).json();
    expect(before).toEqual({
      connected: false,
      email: null,
      connectedAt: null,
      reason: 'not_connected',
      portalUrl: `${partnerUrl}/portail`,
    });
    await partner!.createVerifiedAccount();
    const connected = await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
    expect(connected.statusCode).toBe(200);
    expect(connected.json()).toMatchObject({ connected: true, email: PORTAL.email, reason: null });
    expect((await t.call('GET', '/api/me/client-space', { cookie })).json().connected).toBe(true);

    const rows = await t.ctx.db.selectFrom('client_space_connections').selectAll().execute();
    expect(rows[0]!.refresh_token_sealed).toMatch(/^v1\.k1\./);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(PORTAL.password);
    const issued = await partner!.ctx.db
      .selectFrom('refresh_tokens')
      .select('token_hash')
      .execute();
    expect(issued.length).toBeGreaterThan(0);
    // The raw bytes (SQLite file and its write-ahead log; PostgreSQL rows above) hold neither
    // the password nor the refresh token in clear.
    const refreshToken = (await partner!.signIn()).refreshToken;
    if (t.sqliteFile) {
      const bytes = [t.sqliteFile, `${t.sqliteFile}-wal`]
        .map((file) => (existsSync(file) ? readFileSync(file).toString('latin1') : ''))
        .join('');
      expect(bytes).toContain(PORTAL.email);
      expect(bytes).not.toContain(PORTAL.password);
    }
    expect(stored).not.toContain(refreshToken.slice(0, 20));
    const audit = (
      await t.call('GET', '/api/audit-events', {
        cookie: await t.signIn('alice.durand@cabinet-test.fr'),
      })
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain(
      'client_space.connected',
    );
  });

  it('refuses wrong credentials, an unverified account and bad input in French', async () => {
    const { cookie } = await setup();
    await partner!.call('POST', '/api/v1/accounts', { body: ACCOUNT });
    const unverified = await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
    expect(unverified.json().code).toBe('EMAIL_NOT_VERIFIED');
    const wrong = await t.call('POST', '/api/me/client-space', {
      cookie,
      body: { ...PORTAL, password: 'pas le bon' },
    });
    expect(wrong.json()).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Adresse email ou mot de passe incorrect.',
    });
    const empty = await t.call('POST', '/api/me/client-space', {
      cookie,
      body: { email: '', password: '' },
    });
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'email' });
    const malformed = await t.call('POST', '/api/me/client-space', {
      cookie,
      body: { email: 'pas-un-email', password: 'x' },
    });
    expect(malformed.json()).toMatchObject({ field: 'email', message: 'Adresse email invalide.' });
    expect((await t.call('GET', '/api/me/client-space', { cookie })).json().connected).toBe(false);
  });

  it('shows the session revoked on the portal as "Non connecté" with the reason', async () => {
    const { cookie } = await setup();
    await partner!.createVerifiedAccount();
    await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
    const families = await partner!.ctx.db
      .selectFrom('session_families')
      .selectAll()
      .where('kind', '=', 'api')
      .execute();
    await partner!.ctx.db
      .updateTable('session_families')
      .set({ revoked_at: new Date().toISOString(), revoked_reason: 'revoked_on_portal' })
      .where('id', '=', families[0]!.id)
      .execute();
    await partner!.ctx.db
      .deleteFrom('access_tokens')
      .where('family_id', '=', families[0]!.id)
      .execute();
    const status = (await t.call('GET', '/api/me/client-space', { cookie })).json();
    expect(status).toMatchObject({
      connected: false,
      reason: 'session_revoked',
      email: PORTAL.email,
    });
  });

  it('shows the end of the partner session family (90 days) as "Non connecté"; the portal credentials reconnect', async () => {
    const { cookie } = await setup();
    await partner!.createVerifiedAccount();
    await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
    // Only the partner's time moves: the declarant's own session of Bruno stays open.
    const days = (n: number) => partner!.clock.advance(n * 24 * 3_600_000);
    // Used every few weeks, each status check rotating the refresh token: 84 days connected.
    for (let week = 3; week <= 12; week += 3) {
      days(21);
      const status = (await t.call('GET', '/api/me/client-space', { cookie })).json();
      expect(status.connected, `week ${week}`).toBe(true);
    }
    days(7); // 91 days after "Se connecter"
    const ended = (await t.call('GET', '/api/me/client-space', { cookie })).json();
    expect(ended).toMatchObject({
      connected: false,
      reason: 'session_revoked',
      email: PORTAL.email,
    });
    const row = await t.ctx.db
      .selectFrom('client_space_connections')
      .selectAll()
      .executeTakeFirst();
    expect(row).toMatchObject({ lost_reason: 'session_revoked', refresh_token_sealed: '' });
    const again = await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
    expect(again.json()).toMatchObject({ connected: true, reason: null });
  });

  it('shows "Non connecté" with the reason once the portal password changed; the new one reconnects', async () => {
    const { cookie } = await setup();
    await partner!.createVerifiedAccount();
    await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
    const newPassword = 'horloge cerise manteau tranquille';
    const { accessToken } = await partner!.signIn();
    const changed = await partner!.call('POST', '/api/v1/accounts/current/password', {
      token: accessToken,
      body: {
        currentPassword: PORTAL.password,
        password: newPassword,
        passwordConfirmation: newPassword,
      },
    });
    expect(changed.statusCode).toBe(204);
    const status = (await t.call('GET', '/api/me/client-space', { cookie })).json();
    expect(status).toMatchObject({ connected: false, reason: 'session_revoked' });
    const old = await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
    expect(old.json().code).toBe('INVALID_CREDENTIALS');
    const again = await t.call('POST', '/api/me/client-space', {
      cookie,
      body: { ...PORTAL, password: newPassword },
    });
    expect(again.json()).toMatchObject({ connected: true, reason: null });
  });

  it('says an unconfirmed client account expired after 24 hours', async () => {
    const { cookie } = await setup();
    await partner!.call('POST', '/api/v1/accounts', { body: ACCOUNT });
    partner!.clock.advance(24 * 3_600_000);
    const expired = await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
    expect(expired.json().code).toBe('REGISTRATION_EXPIRED');
  });

  it('disconnects: the partner session is revoked and the stored token deleted', async () => {
    const { cookie } = await setup();
    await partner!.createVerifiedAccount();
    await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
    const out = await t.call('DELETE', '/api/me/client-space', { cookie });
    expect(out.json()).toMatchObject({ connected: false, reason: 'not_connected' });
    expect(
      await t.ctx.db.selectFrom('client_space_connections').selectAll().execute(),
    ).toHaveLength(0);
    const live = await partner!.ctx.db
      .selectFrom('session_families')
      .selectAll()
      .where('revoked_at', 'is', null)
      .where('kind', '=', 'api')
      .execute();
    expect(live).toHaveLength(0);
  });

  it('answers quickly and clearly when the partner is unreachable or silent', async () => {
    const silent = createServer(() => undefined); // accepts connections, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as { port: number }).port;
    t = await startTestApp(dialect, {
      PARTNER_URL: `http://127.0.0.1:${port}`,
      PARTNER_TIMEOUT_MS: '300',
    });
    const admin = await t.setupAdmin();
    const timedOut = await t.call('POST', '/api/me/client-space', { cookie: admin, body: PORTAL });
    expect(timedOut.statusCode).toBe(503);
    expect(timedOut.json().code).toBe('PARTNER_UNAVAILABLE');
    silent.close();
  });

  it('sends one connection only when "Se connecter" is clicked twice', async () => {
    const { cookie } = await setup();
    await partner!.createVerifiedAccount();
    const [a, b] = await Promise.all([
      t.call('POST', '/api/me/client-space', { cookie, body: PORTAL }),
      t.call('POST', '/api/me/client-space', { cookie, body: PORTAL }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(
      await t.ctx.db.selectFrom('client_space_connections').selectAll().execute(),
    ).toHaveLength(1);
    const live = await partner!.ctx.db
      .selectFrom('session_families')
      .selectAll()
      .where('kind', '=', 'api')
      .execute();
    expect(live).toHaveLength(1);
  });

  it('survives a master key rotation: secrets re-sealed under the new key, the old one retired', async () => {
    const { cookie } = await setup();
    await partner!.createVerifiedAccount();
    await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
    const rotated = addKey(t.ctx.keyring);
    t.ctx.partner = t.ctx.partner.with({ keyring: rotated });
    expect((await t.call('GET', '/api/me/client-space', { cookie })).json().connected).toBe(true);
    const result = await resealSecrets(t.ctx.db, rotated, new Date());
    expect(result.resealed).toBe(1);
    const row = await t.ctx.db
      .selectFrom('client_space_connections')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(sealedKeyId(row.refresh_token_sealed)).toBe(rotated.currentId);
    // Retire the old key: only the new one is left, and the connection still refreshes.
    const current = rotated.keys.get(rotated.currentId)!;
    const retired = { currentId: rotated.currentId, keys: new Map([[rotated.currentId, current]]) };
    t.ctx.partner = t.ctx.partner.with({ keyring: retired });
    await partner!.ctx.db.deleteFrom('access_tokens').execute(); // force a refresh with the stored token
    expect((await t.call('GET', '/api/me/client-space', { cookie })).json().connected).toBe(true);
  });

  it('lets only active users connect', async () => {
    const { cookie } = await setup();
    await partner!.createVerifiedAccount();
    const admin = await t.signIn('alice.durand@cabinet-test.fr');
    const users = (await t.call('GET', '/api/users', { cookie: admin })).json().items as Array<{
      id: string;
      email: string;
    }>;
    const bruno = users.find((u) => u.email === 'bruno@cabinet-test.fr')!;
    await t.call('PATCH', `/api/users/${bruno.id}/status`, {
      cookie: admin,
      body: { status: 'inactive' },
    });
    const refused = await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ACCOUNT_INACTIVE');
    const again = await t.call('POST', '/api/session', {
      body: { email: 'bruno@cabinet-test.fr', password: 'cheval agrafe batterie correcte' },
    });
    expect(again.json().code).toBe('ACCOUNT_INACTIVE');
    expect(
      await t.ctx.db.selectFrom('client_space_connections').selectAll().execute(),
    ).toHaveLength(0);
  });
});
