import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { ADMIN, STRONG_PASSWORD, startTestApp, type TestApp } from '../testing/test-app';

const HOUR = 3_600_000;

describe.each(await testDialects())('users management (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('creates a collaborator who chooses a password through the one-time invitation link', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    const created = await t.call('POST', '/api/users', {
      cookie: admin,
      body: {
        firstName: ' Bruno ',
        lastName: 'Martin',
        email: 'Bruno.Martin@Cabinet-Test.fr',
        role: 'collaborator',
      },
    });
    expect(created.statusCode).toBe(201);
    const { user, link } = created.json();
    expect(user).toMatchObject({
      firstName: 'Bruno',
      email: 'bruno.martin@cabinet-test.fr',
      role: 'collaborator',
      status: 'active',
      hasPassword: false,
    });
    expect(JSON.stringify(user)).not.toMatch(/hash/i);
    expect(link.url).toMatch(/^http:\/\/passerelle\.test\/definir-mot-de-passe#jeton=/);
    const token = link.url.split('#jeton=')[1];

    // No password yet: sign-in fails like any wrong password.
    expect(
      (
        await t.call('POST', '/api/session', {
          body: { email: user.email, password: STRONG_PASSWORD },
        })
      ).statusCode,
    ).toBe(401);

    const info = await t.call('POST', '/api/password-tokens/lookup', { body: { token } });
    expect(info.json()).toMatchObject({ purpose: 'invite', email: user.email, firstName: 'Bruno' });
    const weak = await t.call('POST', '/api/password-tokens/use', {
      body: { token, password: 'brunomartin2024', passwordConfirmation: 'brunomartin2024' },
    });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    const used = await t.call('POST', '/api/password-tokens/use', {
      body: { token, password: STRONG_PASSWORD, passwordConfirmation: STRONG_PASSWORD },
    });
    expect(used.statusCode).toBe(204);
    const reused = await t.call('POST', '/api/password-tokens/use', {
      body: { token, password: STRONG_PASSWORD, passwordConfirmation: STRONG_PASSWORD },
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().code).toBe('PASSWORD_TOKEN_INVALID');

    const session = await t.signIn(user.email);
    const me = await t.call('GET', '/api/session', { cookie: session });
    expect(me.json().user).toMatchObject({
      role: 'collaborator',
      status: 'active',
      firm: { name: 'Cabinet Test' },
    });
  });

  it('refuses a duplicate email whatever its case, and bad or missing fields', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    const dup = await t.call('POST', '/api/users', {
      cookie: admin,
      body: {
        firstName: 'A',
        lastName: 'D',
        email: ADMIN.email.toUpperCase(),
        role: 'collaborator',
      },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'EMAIL_TAKEN', field: 'email' });
    const role = await t.call('POST', '/api/users', {
      cookie: admin,
      body: { firstName: 'A', lastName: 'D', email: 'a@d.fr', role: 'superuser' },
    });
    expect(role.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'role' });
    const long = await t.call('POST', '/api/users', {
      cookie: admin,
      body: { firstName: 'A'.repeat(101), lastName: 'D', email: 'a@d.fr', role: 'collaborator' },
    });
    expect(long.json()).toMatchObject({
      field: 'firstName',
      message: 'Prénom trop long (100 caractères au plus).',
    });
    const missing = await t.call('POST', '/api/users', {
      cookie: admin,
      body: { email: 'a@d.fr' },
    });
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'firstName' });
    const badId = await t.call('PATCH', '/api/users/nope/status', {
      cookie: admin,
      body: { status: 'inactive' },
    });
    expect(badId.statusCode).toBe(400);
  });

  it('keeps administrator routes from collaborators (403)', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    const bruno = await t.createUser(admin, { email: 'bruno@cabinet-test.fr' });
    const collab = await t.signIn('bruno@cabinet-test.fr');
    for (const [method, url, body] of [
      ['GET', '/api/users', undefined],
      [
        'POST',
        '/api/users',
        { firstName: 'X', lastName: 'Y', email: 'x@y.fr', role: 'administrator' },
      ],
      ['PATCH', `/api/users/${bruno.id}/status`, { status: 'inactive' }],
      ['POST', `/api/users/${bruno.id}/password-reset`, undefined],
      ['GET', '/api/audit-events', undefined],
    ] as const) {
      const r = await t.call(method, url, { cookie: collab, ...(body ? { body } : {}) });
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().code).toBe('FORBIDDEN');
    }
  });

  it('deactivation stops the user at once and sign-in tells them, reactivation lets them back', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    const bruno = await t.createUser(admin, { email: 'bruno@cabinet-test.fr' });
    const collab = await t.signIn('bruno@cabinet-test.fr');
    const off = await t.call('PATCH', `/api/users/${bruno.id}/status`, {
      cookie: admin,
      body: { status: 'inactive' },
    });
    expect(off.json().user.status).toBe('inactive');
    const refused = await t.call('GET', '/api/session', { cookie: collab });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ACCOUNT_INACTIVE');
    const signIn = await t.call('POST', '/api/session', {
      body: { email: 'bruno@cabinet-test.fr', password: STRONG_PASSWORD },
    });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.json()).toEqual({
      code: 'ACCOUNT_INACTIVE',
      message: 'Votre compte est inactif. Contactez l’administrateur du cabinet.',
    });
    await t.call('PATCH', `/api/users/${bruno.id}/status`, {
      cookie: admin,
      body: { status: 'active' },
    });
    expect(
      (await t.call('GET', '/api/session', { cookie: await t.signIn('bruno@cabinet-test.fr') }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses to deactivate the last active administrator', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    const me = (await t.call('GET', '/api/session', { cookie: admin })).json().user;
    const last = await t.call('PATCH', `/api/users/${me.id}/status`, {
      cookie: admin,
      body: { status: 'inactive' },
    });
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('LAST_ADMIN');
    const other = await t.createUser(admin, {
      email: 'chef@cabinet-test.fr',
      role: 'administrator',
    });
    const ok = await t.call('PATCH', `/api/users/${me.id}/status`, {
      cookie: admin,
      body: { status: 'inactive' },
    });
    expect(ok.statusCode).toBe(200);
    const chef = await t.signIn('chef@cabinet-test.fr');
    const last2 = await t.call('PATCH', `/api/users/${other.id}/status`, {
      cookie: chef,
      body: { status: 'inactive' },
    });
    expect(last2.json().code).toBe('LAST_ADMIN');
  });

  it('resets a password through a one-time link that expires and ends every session', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    const bruno = await t.createUser(admin, { email: 'bruno@cabinet-test.fr' });
    const expired = (
      await t.call('POST', `/api/users/${bruno.id}/password-reset`, { cookie: admin })
    ).json();
    t.clock.advance(25 * HOUR);
    const late = await t.call('POST', '/api/password-tokens/lookup', {
      body: { token: expired.link.url.split('#jeton=')[1] },
    });
    expect(late.statusCode).toBe(410);
    const adminAgain = await t.signIn(ADMIN.email);
    const collab = await t.signIn('bruno@cabinet-test.fr');
    const reset = await t.call('POST', `/api/users/${bruno.id}/password-reset`, {
      cookie: adminAgain,
    });
    expect(reset.statusCode).toBe(201);
    const token = reset.json().link.url.split('#jeton=')[1];
    const newPassword = 'une toute nouvelle phrase secrète';
    const used = await t.call('POST', '/api/password-tokens/use', {
      body: { token, password: newPassword, passwordConfirmation: newPassword },
    });
    expect(used.statusCode).toBe(204);
    expect((await t.call('GET', '/api/session', { cookie: collab })).statusCode).toBe(401);
    expect(
      (
        await t.call('POST', '/api/session', {
          body: { email: 'bruno@cabinet-test.fr', password: newPassword },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('lets every user change their own password, checking the current one', async () => {
    t = await startTestApp(dialect);
    const admin = await t.setupAdmin();
    await t.createUser(admin, { email: 'bruno@cabinet-test.fr' });
    const here = await t.signIn('bruno@cabinet-test.fr');
    const elsewhere = await t.signIn('bruno@cabinet-test.fr');
    const next = 'girafe lumineuse sous la pluie';
    const wrong = await t.call('POST', '/api/me/password', {
      cookie: here,
      body: { currentPassword: 'pas le bon', password: next, passwordConfirmation: next },
    });
    expect(wrong.json()).toMatchObject({
      code: 'WRONG_CURRENT_PASSWORD',
      field: 'currentPassword',
    });
    const weak = await t.call('POST', '/api/me/password', {
      cookie: here,
      body: {
        currentPassword: STRONG_PASSWORD,
        password: 'bruno martin 2025',
        passwordConfirmation: 'bruno martin 2025',
      },
    });
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const ok = await t.call('POST', '/api/me/password', {
      cookie: here,
      body: { currentPassword: STRONG_PASSWORD, password: next, passwordConfirmation: next },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.call('GET', '/api/session', { cookie: here })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/session', { cookie: elsewhere })).statusCode).toBe(401);
    expect(
      (
        await t.call('POST', '/api/session', {
          body: { email: 'bruno@cabinet-test.fr', password: next },
        })
      ).statusCode,
    ).toBe(200);
  });
});
