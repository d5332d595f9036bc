import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { ADMIN, STRONG_PASSWORD, startTestApp, type TestApp } from '../testing/test-app';

const MINUTE = 60_000;

describe.each(await testDialects())('sign-in and sessions (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('sets an HttpOnly SameSite=Lax cookie with a new 256-bit id at every sign-in', async () => {
    t = await startTestApp(dialect);
    await t.setupAdmin();
    const first = await t.call('POST', '/api/session', {
      body: { email: ADMIN.email.toUpperCase(), password: STRONG_PASSWORD },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().user.email).toBe(ADMIN.email);
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = first.cookies[0]!;
    expect(Buffer.from(cookie.value, 'base64url').length).toBe(32);
    // Signing in again while holding a session gives another id (no fixation).
    const second = await t.call('POST', '/api/session', {
      cookie: `${cookie.name}=${cookie.value}`,
      body: { email: ADMIN.email, password: STRONG_PASSWORD },
    });
    expect(second.cookies[0]!.value).not.toBe(cookie.value);
    // The database holds only hashes of session ids.
    const rows = await t.ctx.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows.map((r) => r.id_hash)).not.toContain(cookie.value);
  });

  it('uses a Secure __Host- cookie when served over https', async () => {
    t = await startTestApp(dialect, { PUBLIC_URL: 'https://passerelle.test' });
    await t.setupAdmin();
    const response = await t.call('POST', '/api/session', {
      body: { email: ADMIN.email, password: STRONG_PASSWORD },
    });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-passerelle_session=/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/Path=\//);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    t = await startTestApp(dialect);
    await t.setupAdmin();
    const wrong = await t.call('POST', '/api/session', {
      body: { email: ADMIN.email, password: 'pas le bon mot de passe' },
    });
    const unknown = await t.call('POST', '/api/session', {
      body: { email: 'personne@cabinet-test.fr', password: 'pas le bon mot de passe' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Adresse email ou mot de passe incorrect.',
    });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('limits failed sign-ins per account, then lets the owner in after the window', async () => {
    t = await startTestApp(dialect, { SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '3' });
    await t.setupAdmin();
    for (let i = 0; i < 3; i += 1) {
      const r = await t.call('POST', '/api/session', {
        body: { email: ADMIN.email, password: 'faux mot de passe' },
      });
      expect(r.statusCode).toBe(401);
    }
    const limited = await t.call('POST', '/api/session', {
      body: { email: ADMIN.email, password: STRONG_PASSWORD },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    t.clock.advance(15 * MINUTE);
    const after = await t.call('POST', '/api/session', {
      body: { email: ADMIN.email, password: STRONG_PASSWORD },
    });
    expect(after.statusCode).toBe(200);
  });

  it('limits attempts per IP address across accounts', async () => {
    t = await startTestApp(dialect, { SIGN_IN_MAX_ATTEMPTS_PER_IP: '4' });
    await t.setupAdmin();
    for (let i = 0; i < 4; i += 1) {
      await t.call('POST', '/api/session', {
        body: { email: `u${i}@x.fr`, password: 'faux mot de passe' },
      });
    }
    const limited = await t.call('POST', '/api/session', {
      body: { email: ADMIN.email, password: STRONG_PASSWORD },
    });
    expect(limited.statusCode).toBe(429);
  });

  it('signs out server-side: the old cookie no longer works', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    expect((await t.call('GET', '/api/session', { cookie })).statusCode).toBe(200);
    const out = await t.call('DELETE', '/api/session', { cookie });
    expect(out.statusCode).toBe(204);
    const replay = await t.call('GET', '/api/session', { cookie });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('SESSION_EXPIRED');
    expect((await t.call('GET', '/api/session')).json().code).toBe('UNAUTHENTICATED');
  });

  it('ends a session after 30 idle minutes, and after 12 hours whatever the activity', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    t.clock.advance(29 * MINUTE);
    expect((await t.call('GET', '/api/session', { cookie })).statusCode).toBe(200);
    t.clock.advance(29 * MINUTE);
    expect((await t.call('GET', '/api/session', { cookie })).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    const idle = await t.call('GET', '/api/session', { cookie });
    expect(idle.statusCode).toBe(401);
    expect(idle.json().code).toBe('SESSION_EXPIRED');

    const active = await t.signIn(ADMIN.email);
    for (let elapsed = 0; elapsed < 12 * 60; elapsed += 20) {
      t.clock.advance(20 * MINUTE);
      const r = await t.call('GET', '/api/session', { cookie: active });
      if (elapsed + 20 < 12 * 60) expect(r.statusCode).toBe(200);
      else expect(r.json().code).toBe('SESSION_EXPIRED');
    }
  });

  it('refuses a cross-origin or cross-site state-changing request', async () => {
    t = await startTestApp(dialect);
    const cookie = await t.setupAdmin();
    const evil = await t.call('POST', '/api/users', {
      cookie,
      headers: { origin: 'https://evil.example' },
      body: { firstName: 'E', lastName: 'Vil', email: 'evil@example.fr', role: 'administrator' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().code).toBe('CSRF_REJECTED');
    const crossSite = await t.call('DELETE', '/api/session', {
      cookie,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.json().code).toBe('CSRF_REJECTED');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${ADMIN.email}&password=x`,
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const users = await t.call('GET', '/api/users', { cookie });
    expect(users.json().items).toHaveLength(1);
  });

  it('refuses malformed, missing, overlong and invalid input with a precise message', async () => {
    t = await startTestApp(dialect);
    await t.setupAdmin();
    const malformed = await t.call('POST', '/api/session', { body: '{"email": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('INVALID_JSON');
    const missing = await t.call('POST', '/api/session', { body: { email: ADMIN.email } });
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'password' });
    const badEmail = await t.call('POST', '/api/session', {
      body: { email: 'alice', password: 'x' },
    });
    expect(badEmail.json()).toMatchObject({ field: 'email', message: 'Adresse email invalide.' });
    const long = await t.call('POST', '/api/session', {
      body: { email: ADMIN.email, password: 'a'.repeat(129) },
    });
    expect(long.json()).toMatchObject({
      field: 'password',
      message: expect.stringContaining('trop long'),
    });
    const array = await t.call('POST', '/api/session', { body: [] });
    expect(array.statusCode).toBe(400);
    for (const r of [malformed, missing, badEmail, long, array]) {
      expect(r.body).not.toMatch(/at .*\.ts|stack/i);
    }
  });
});
