import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { prepareSetupLink } from './setup.service';
import { ADMIN, STRONG_PASSWORD, startTestApp, type TestApp } from '../testing/test-app';

describe.each(await testDialects())('first-start setup (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  const body = (token: string | undefined, overrides: Record<string, unknown> = {}) => ({
    token,
    firmName: 'Cabinet Dupont',
    ...ADMIN,
    password: STRONG_PASSWORD,
    passwordConfirmation: STRONG_PASSWORD,
    ...overrides,
  });

  it('creates the firm and its administrator with the printed one-time link, once', async () => {
    t = await startTestApp(dialect);
    expect((await t.call('GET', '/api/setup')).json()).toEqual({ needed: true });
    const link = await prepareSetupLink(t.ctx);
    expect(link).toMatch(/^http:\/\/passerelle\.test\/configuration#jeton=[\w-]{43}$/);
    const token = link?.split('#jeton=')[1];

    const created = await t.call('POST', '/api/setup', { body: body(token) });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({
      email: ADMIN.email,
      role: 'administrator',
      status: 'active',
      firm: { name: 'Cabinet Dupont' },
    });
    expect(created.cookies.find((c) => c.name === 'passerelle_session')).toBeDefined();
    expect((await t.call('GET', '/api/setup')).json()).toEqual({ needed: false });
    expect(await prepareSetupLink(t.ctx)).toBeUndefined();

    const again = await t.call('POST', '/api/setup', { body: body(token, { email: 'x@y.fr' }) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SETUP_ALREADY_DONE');
  });

  it('refuses a wrong token, and a token replaced by a newer start', async () => {
    t = await startTestApp(dialect);
    const first = (await prepareSetupLink(t.ctx))?.split('#jeton=')[1];
    await prepareSetupLink(t.ctx); // a restart prints a new link: the old one dies
    const stale = await t.call('POST', '/api/setup', { body: body(first) });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('SETUP_TOKEN_INVALID');
    const wrong = await t.call('POST', '/api/setup', { body: body('not-the-token') });
    expect(wrong.json().code).toBe('SETUP_TOKEN_INVALID');
    expect((await t.call('GET', '/api/setup')).json()).toEqual({ needed: true });
  });

  it('refuses a weak password, a mismatched confirmation and a bad email, naming the field', async () => {
    t = await startTestApp(dialect);
    const token = (await prepareSetupLink(t.ctx))?.split('#jeton=')[1];
    const weak = await t.call('POST', '/api/setup', {
      body: body(token, { password: 'motdepasse123', passwordConfirmation: 'motdepasse123' }),
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    expect(weak.json().message).toContain('trop facile à deviner');

    const short = await t.call('POST', '/api/setup', {
      body: body(token, { password: 'court', passwordConfirmation: 'court' }),
    });
    expect(short.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'password' });
    expect(short.json().message).toContain('au moins 12 caractères');

    const mismatch = await t.call('POST', '/api/setup', {
      body: body(token, { passwordConfirmation: `${STRONG_PASSWORD}x` }),
    });
    expect(mismatch.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'passwordConfirmation',
      message: 'La confirmation ne correspond pas au mot de passe.',
    });

    const email = await t.call('POST', '/api/setup', {
      body: body(token, { email: 'pas-un-email' }),
    });
    expect(email.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'email',
      message: 'Adresse email invalide.',
    });
    // Nothing was created by the refused attempts: the token still works.
    expect((await t.call('POST', '/api/setup', { body: body(token) })).statusCode).toBe(201);
  });
});
