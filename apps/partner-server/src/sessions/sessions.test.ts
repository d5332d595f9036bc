import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import {
  ACCOUNT,
  STRONG_PASSWORD,
  startTestPartner,
  type TestPartner,
} from '../testing/test-partner';

const DAY = 24 * 3_600_000;

describe.each(await testDialects())('partner API sessions (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  it('refuses an account whose email is not verified yet, then signs in once verified', async () => {
    t = await startTestPartner(dialect);
    await t.call('POST', '/api/v1/accounts', { body: ACCOUNT });
    const early = await t.call('POST', '/api/v1/sessions', {
      body: { email: ACCOUNT.adminEmail, password: STRONG_PASSWORD },
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('EMAIL_NOT_VERIFIED');
    await t.close();

    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const session = await t.call('POST', '/api/v1/sessions', {
      body: { email: ACCOUNT.adminEmail.toUpperCase(), password: STRONG_PASSWORD },
    });
    expect(session.statusCode).toBe(201);
    const body = session.json();
    expect(body.account).toMatchObject({
      firmName: 'Cabinet Exemple',
      emailVerified: true,
      subscription: { status: 'active' },
    });
    expect(Buffer.from(body.accessToken, 'base64url')).toHaveLength(32);
    const me = await t.call('GET', '/api/v1/accounts/current', { token: body.accessToken });
    expect(me.json().account.adminEmail).toBe(ACCOUNT.adminEmail);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const wrong = await t.call('POST', '/api/v1/sessions', {
      body: { email: ACCOUNT.adminEmail, password: 'mauvais mot de passe' },
    });
    const unknown = await t.call('POST', '/api/v1/sessions', {
      body: { email: 'personne@x.fr', password: 'mauvais mot de passe' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json()).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Adresse email ou mot de passe incorrect.',
    });
  });

  it('rotates refresh tokens; a reused one revokes the whole family', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const first = await t.signIn();
    const second = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(second.statusCode).toBe(200);
    const rotated = second.json();
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect(
      (await t.call('GET', '/api/v1/accounts/current', { token: rotated.accessToken })).statusCode,
    ).toBe(200);

    const replay = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('REFRESH_TOKEN_INVALID');
    // The thief's replay killed the legitimate branch too.
    expect(
      (await t.call('GET', '/api/v1/accounts/current', { token: rotated.accessToken })).statusCode,
    ).toBe(401);
    const legit = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: rotated.refreshToken },
    });
    expect(legit.json().code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('expires access tokens quickly and refresh tokens after their lifetime; sign-out revokes', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const tokens = await t.signIn();
    t.clock.advance(11 * 60_000);
    const expired = await t.call('GET', '/api/v1/accounts/current', { token: tokens.accessToken });
    expect(expired.json().code).toBe('SESSION_EXPIRED');
    const refreshed = (
      await t.call('POST', '/api/v1/sessions/refresh', {
        body: { refreshToken: tokens.refreshToken },
      })
    ).json();
    const out = await t.call('DELETE', '/api/v1/sessions/current', {
      token: refreshed.accessToken,
    });
    expect(out.statusCode).toBe(204);
    expect(
      (await t.call('GET', '/api/v1/accounts/current', { token: refreshed.accessToken }))
        .statusCode,
    ).toBe(401);
    const after = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: refreshed.refreshToken },
    });
    expect(after.json().code).toBe('REFRESH_TOKEN_INVALID');

    const other = await t.signIn();
    t.clock.advance(31 * 24 * 3_600_000);
    const old = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: other.refreshToken },
    });
    expect(old.json().code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('ends an API session family 90 days after sign-in, however often it is refreshed', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const signedInAt = t.clock.now().getTime();
    const end = new Date(signedInAt + 90 * DAY).toISOString();
    let tokens = await t.signIn();
    // The end is written in the family's row, for every instance and restart to enforce.
    const family = await t.ctx.db.selectFrom('session_families').selectAll().executeTakeFirst();
    expect(family?.expires_at).toBe(end);
    // The declarant refreshes well within 30 days, again and again: 80 days of use.
    for (let day = 20; day <= 80; day += 20) {
      t.clock.advance(20 * DAY);
      const refreshed = await t.call('POST', '/api/v1/sessions/refresh', {
        body: { refreshToken: tokens.refreshToken },
      });
      expect(refreshed.statusCode, `day ${day}`).toBe(200);
      tokens = refreshed.json();
    }
    // No token outlives its family: the last refresh token ends with it, not 30 days later.
    expect(tokens.refreshTokenExpiresAt).toBe(end);
    t.clock.advance(10 * DAY - 5 * 60_000); // 5 minutes before the end
    const last = (
      await t.call('POST', '/api/v1/sessions/refresh', {
        body: { refreshToken: tokens.refreshToken },
      })
    ).json();
    expect(last.accessTokenExpiresAt).toBe(end);
    t.clock.advance(5 * 60_000);
    const over = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: last.refreshToken },
    });
    expect(over.statusCode).toBe(401);
    expect(over.json()).toEqual({
      code: 'REFRESH_TOKEN_INVALID',
      message: 'Session expirée ou révoquée : reconnectez-vous à l’espace client.',
    });
    const access = await t.call('GET', '/api/v1/accounts/current', { token: last.accessToken });
    expect(access.json().code).toBe('SESSION_EXPIRED');
    // A new sign-in (the portal credentials again) opens a new family of 90 days.
    const again = await t.signIn();
    expect(
      (await t.call('GET', '/api/v1/accounts/current', { token: again.accessToken })).statusCode,
    ).toBe(200);
  });

  it('takes the family lifetime from API_SESSION_ABSOLUTE_DAYS', async () => {
    t = await startTestPartner(dialect, { API_SESSION_ABSOLUTE_DAYS: '7' });
    await t.createVerifiedAccount();
    const tokens = await t.signIn();
    expect(tokens.refreshTokenExpiresAt).toBe(
      new Date(t.clock.now().getTime() + 7 * DAY).toISOString(),
    );
    t.clock.advance(7 * DAY);
    const over = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: tokens.refreshToken },
    });
    expect(over.json().code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('stores only hashes of tokens', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const tokens = await t.signIn();
    const access = await t.ctx.db.selectFrom('access_tokens').select('token_hash').execute();
    const refresh = await t.ctx.db.selectFrom('refresh_tokens').select('token_hash').execute();
    const stored = JSON.stringify([access, refresh]);
    expect(stored).not.toContain(tokens.accessToken);
    expect(stored).not.toContain(tokens.refreshToken);
  });
});
