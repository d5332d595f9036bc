import { afterEach, describe, expect, it } from 'vitest';
import { atOnce, countStatuses, testDialects } from '@passerelle/server-kit/testing';
import { ADMIN, STRONG_PASSWORD, startTestApp, type TestApp } from '../testing/test-app';

const NEXT = 'girafe lumineuse sous la pluie';

describe.each(await testDialects())(
  'current-password check under the sign-in limits (%s)',
  (dialect) => {
    let t: TestApp;
    afterEach(async () => t.close());

    const change = (cookie: string, currentPassword: string) =>
      t.call('POST', '/api/me/password', {
        cookie,
        body: { currentPassword, password: NEXT, passwordConfirmation: NEXT },
      });

    /** Current passwords actually verified: only a verified one is audited as wrong. */
    async function passwordsChecked(): Promise<number> {
      const rows = await t.ctx.db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'user.password_change_failed')
        .execute();
      return rows.filter((r) => JSON.parse(r.details).reason === 'wrong_current_password').length;
    }

    it('verifies exactly 10 of 50 simultaneous wrong current passwords from a signed-in session', async () => {
      t = await startTestApp(dialect);
      const cookie = await t.setupAdmin();
      const responses = await atOnce(50, () => change(cookie, 'pas le bon mot de passe'));
      expect({ statuses: countStatuses(responses), checked: await passwordsChecked() }).toEqual({
        statuses: { 400: 10, 429: 40 },
        checked: 10,
      });
      expect(responses.find((r) => r.statusCode === 429)!.json().code).toBe('RATE_LIMITED');
      // The same account counter as sign-in: the right password is refused until the window ends,
      // here and at the sign-in form.
      expect((await change(cookie, STRONG_PASSWORD)).statusCode).toBe(429);
      const signIn = await t.call('POST', '/api/session', {
        body: { email: ADMIN.email, password: STRONG_PASSWORD },
      });
      expect(signIn.statusCode).toBe(429);
      t.clock.advance(15 * 60_000 + 1000);
      expect((await change(cookie, STRONG_PASSWORD)).statusCode).toBe(204);
    });
  },
);
