import { afterEach, describe, expect, it } from 'vitest';
import { atOnce, countStatuses, testDialects } from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';

const person = (i: number) => ({
  email: `personne${i}@cabinet-exemple.fr`,
  firstName: 'Personne',
  lastName: `Numéro ${i}`,
});

describe.each(await testDialects())(
  'personal portal users: limits under concurrency (%s)',
  (dialect) => {
    let t: TestPartner;
    afterEach(async () => t.close());

    async function setup(env: Record<string, string>) {
      t = await startTestPartner(dialect, env);
      await t.createVerifiedAccount();
      return (await t.signIn()).accessToken;
    }

    const invite = (token: string, i: number) =>
      t.call('POST', '/api/v1/accounts/current/users', { token, body: person(i) });

    it('creates exactly the account’s maximum of users from 50 simultaneous invitations', async () => {
      const admin = await setup({
        PORTAL_USERS_PER_ACCOUNT: '10',
        PORTAL_INVITATIONS_PER_HOUR: '100',
      });
      const responses = await atOnce(50, (i) => invite(admin, i));
      expect(countStatuses(responses)).toEqual({ 201: 10, 409: 40 });
      const refused = responses.find((r) => r.statusCode === 409)!;
      expect(refused.json()).toEqual({
        code: 'USER_LIMIT_REACHED',
        message: 'Ce compte client a atteint le nombre maximal d’utilisateurs (10).',
      });
      const rows = await t.ctx.db.selectFrom('portal_users').select('id').execute();
      expect(rows).toHaveLength(10);
      const list = await t.call('GET', '/api/v1/accounts/current/users?limit=4', { token: admin });
      expect(list.json()).toMatchObject({ total: 10 });
      expect(list.json().items).toHaveLength(4);
    });

    it('sends exactly the hour’s invitations of 50 simultaneous ones, the others 429', async () => {
      const admin = await setup({ PORTAL_INVITATIONS_PER_HOUR: '20' });
      const responses = await atOnce(50, (i) => invite(admin, i));
      expect(countStatuses(responses)).toEqual({ 201: 20, 429: 30 });
      const limited = responses.find((r) => r.statusCode === 429)!;
      expect(limited.json().message).toMatch(
        /^Trop d’invitations envoyées depuis une heure \(20 au plus\)\u00a0: réessayez dans (\d+ minutes?|1 heure)\.$/,
      );
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(await t.ctx.db.selectFrom('portal_users').select('id').execute()).toHaveLength(20);
      // The window passes: invitations are accepted again.
      t.clock.advance(3_600_000);
      const admin2 = (await t.signIn()).accessToken;
      expect((await invite(admin2, 99)).statusCode).toBe(201);
    });

    it('makes one invitation of 50 simultaneous ones of the same new address, the last one valid', async () => {
      const admin = await setup({ PORTAL_INVITATIONS_PER_HOUR: '100' });
      const responses = await atOnce(50, () => invite(admin, 7));
      expect(countStatuses(responses)).toEqual({ 201: 50 });
      expect(await t.ctx.db.selectFrom('portal_users').select('id').execute()).toHaveLength(1);
    });
  },
);
