import { afterEach, describe, expect, it } from 'vitest';
import {
  atOnce,
  countStatuses,
  testDialects,
  type JsonInjector,
} from '@passerelle/server-kit/testing';
import { postForm } from '../testing/portal-client';
import {
  ACCOUNT,
  STRONG_PASSWORD,
  startTestPartner,
  type TestPartner,
} from '../testing/test-partner';

const WRONG = { email: ACCOUNT.adminEmail, password: 'mauvais mot de passe' };

// A 401 is only ever answered once the password has been verified: counting the 401s counts the
// Argon2id checks that ran.
describe.each(await testDialects())('partner sign-in limits under concurrency (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  const apiAttempt = (call: JsonInjector) => call('POST', '/api/v1/sessions', { body: WRONG });

  it('verifies exactly 10 of 50 simultaneous wrong passwords on the API; the other 40 get 429', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const responses = await atOnce(50, () => apiAttempt(t.call));
    expect(countStatuses(responses)).toEqual({ 401: 10, 429: 40 });
    const limited = responses.find((r) => r.statusCode === 429)!;
    expect(limited.json()).toEqual({
      code: 'RATE_LIMITED',
      message: 'Trop de tentatives. Réessayez plus tard.',
    });
    expect(Number(limited.headers['retry-after'])).toBe(15 * 60);
    const right = await t.call('POST', '/api/v1/sessions', {
      body: { email: ACCOUNT.adminEmail, password: STRONG_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
  });

  it('counts the portal form and the API against one limit: 10 of 25 + 25 verified', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const responses = await atOnce(50, (i) =>
      i % 2 === 0 ? apiAttempt(t.call) : postForm(t, '/portail/connexion', WRONG),
    );
    expect(countStatuses(responses)).toEqual({ 401: 10, 429: 40 });
    const page = responses.find((r) => r.statusCode === 429 && r.body.startsWith('<!'));
    expect(page?.body).toContain('Trop de tentatives. Réessayez plus tard.');
  });

  it.runIf(dialect === 'postgres')(
    'verifies exactly 10 of 25 + 25 simultaneous wrong passwords sent to two instances',
    async () => {
      t = await startTestPartner(dialect);
      await t.createVerifiedAccount();
      const other = await t.startInstance();
      const responses = await atOnce(50, (i) => apiAttempt(i % 2 === 0 ? t.call : other.call));
      expect(countStatuses(responses)).toEqual({ 401: 10, 429: 40 });
    },
  );
});
