import { afterEach, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD, ADMIN, startTestApp, type TestApp } from '../testing/test-app';

describe('logs', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('never contain passwords, session cookies or one-time link tokens', async () => {
    t = await startTestApp('sqlite', { LOG_LEVEL: 'trace' });
    const admin = await t.setupAdmin();
    const created = await t.call('POST', '/api/users', {
      cookie: admin,
      body: {
        firstName: 'Bruno',
        lastName: 'Martin',
        email: 'bruno@cabinet-test.fr',
        role: 'collaborator',
      },
    });
    const token = created.json().link.url.split('#jeton=')[1] as string;
    await t.call('POST', '/api/password-tokens/use?token=' + token, {
      body: { token, password: STRONG_PASSWORD, passwordConfirmation: STRONG_PASSWORD },
    });
    await t.call('POST', '/api/session', {
      body: { email: ADMIN.email, password: 'un faux mot de passe' },
    });
    // A careless log call with secrets in it is redacted too.
    t.ctx.logger.info(
      {
        password: 'secret-1',
        body: { token: 'secret-2' },
        req: { headers: { cookie: 'secret-3' } },
      },
      'careless',
    );

    const text = t.logs.join('');
    expect(text).toContain('incoming request');
    expect(text).toContain('[secret]');
    for (const secret of [
      STRONG_PASSWORD,
      'un faux mot de passe',
      token,
      admin.split('=')[1]!,
      'secret-1',
      'secret-2',
      'secret-3',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
