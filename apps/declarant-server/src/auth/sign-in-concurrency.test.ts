import { afterEach, describe, expect, it } from 'vitest';
import {
  atOnce,
  countStatuses,
  testDialects,
  type JsonInjector,
} from '@passerelle/server-kit/testing';
import { ADMIN, STRONG_PASSWORD, startTestApp, type TestApp } from '../testing/test-app';

const WRONG = 'faux mot de passe';

describe.each(await testDialects())('sign-in limits under concurrency (%s)', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  const attempt = (call: JsonInjector, email = ADMIN.email, password = WRONG) =>
    call('POST', '/api/session', { body: { email, password } });

  /** Passwords actually verified: only a verified attempt is audited as `wrong_credentials`. */
  async function passwordsChecked(): Promise<number> {
    const rows = await t.ctx.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'auth.sign_in_failed')
      .execute();
    return rows.filter((r) => JSON.parse(r.details).reason === 'wrong_credentials').length;
  }

  it('verifies exactly 10 of 50 simultaneous wrong passwords on one account; the other 40 get 429', async () => {
    t = await startTestApp(dialect);
    await t.setupAdmin();
    const responses = await atOnce(50, () => attempt(t.call));
    expect({ statuses: countStatuses(responses), checked: await passwordsChecked() }).toEqual({
      statuses: { 401: 10, 429: 40 },
      checked: 10,
    });
    const limited = responses.find((r) => r.statusCode === 429)!;
    expect(limited.json()).toEqual({
      code: 'RATE_LIMITED',
      message: 'Trop de tentatives de connexion. Réessayez plus tard.',
    });
    expect(Number(limited.headers['retry-after'])).toBe(15 * 60);
    // The account stays limited until the window ends, even for the right password.
    expect((await attempt(t.call, ADMIN.email, STRONG_PASSWORD)).statusCode).toBe(429);
  });

  it('verifies exactly the per-address limit of 50 simultaneous attempts on 50 accounts', async () => {
    t = await startTestApp(dialect, { SIGN_IN_MAX_ATTEMPTS_PER_IP: '10' });
    await t.setupAdmin();
    const responses = await atOnce(50, (i) => attempt(t.call, `inconnu${i}@cabinet-test.fr`));
    expect({ statuses: countStatuses(responses), checked: await passwordsChecked() }).toEqual({
      statuses: { 401: 10, 429: 40 },
      checked: 10,
    });
  });

  it.runIf(dialect === 'postgres')(
    'verifies exactly 10 of 25 + 25 simultaneous wrong passwords sent to two instances',
    async () => {
      t = await startTestApp(dialect);
      await t.setupAdmin();
      const other = await t.startInstance();
      const responses = await atOnce(50, (i) => attempt(i % 2 === 0 ? t.call : other.call));
      expect({ statuses: countStatuses(responses), checked: await passwordsChecked() }).toEqual({
        statuses: { 401: 10, 429: 40 },
        checked: 10,
      });
    },
  );
});
