import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { ACCOUNT, startTestPartner, type TestPartner } from '@passerelle/partner-server/testing';
import { startTestApp, type TestApp, type TestInstance } from '../testing/test-app';

const PORTAL = { email: ACCOUNT.adminEmail, password: ACCOUNT.password };

describe.each(await testDialects())(
  'one partner session for two declarant instances (%s)',
  (dialect) => {
    let partner: TestPartner;
    let t: TestApp;
    let other: TestInstance;
    let cookie: string;
    afterEach(async () => {
      await t.close();
      await partner.close();
    });

    async function connected() {
      partner = await startTestPartner(dialect);
      const partnerUrl = await partner.app.listen({ port: 0, host: '127.0.0.1' });
      t = await startTestApp(dialect, { PARTNER_URL: partnerUrl });
      other = await t.startInstance();
      cookie = await t.setupAdmin();
      await partner.createVerifiedAccount();
      const connect = await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
      expect(connect.json()).toMatchObject({ connected: true });
    }
    const refreshTokensIssued = async () =>
      (await partner.ctx.db.selectFrom('refresh_tokens').select('token_hash').execute()).length;

    it('uses the access token one instance fetched on the other, without a rotation', async () => {
      await connected();
      const issued = await refreshTokensIssued();
      const policy = await other.ctx.partner.asUser(
        (await t.ctx.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id,
        (calls) => calls.getDepositPolicy(),
      );
      expect(policy.environment).toBe('production');
      expect(await refreshTokensIssued()).toBe(issued);
      const stored = await t.ctx.db
        .selectFrom('client_space_connections')
        .select('access_token_sealed')
        .executeTakeFirstOrThrow();
      expect(stored.access_token_sealed).toMatch(/^v1\.k1\./);
    });

    it('rotates the refresh token once at a time under N simultaneous probes on both instances', async () => {
      await connected();
      // The partner forgets the access tokens: the probes find the stored one dead and must rotate
      // the refresh token; two instances presenting the same one would revoke the whole session.
      await partner.ctx.db.deleteFrom('access_tokens').execute();
      const probes = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? other.call : t.call)('GET', '/api/me/client-space', { cookie }),
        ),
      );
      expect(probes.map((probe) => probe.json().connected)).toEqual(Array(8).fill(true));
      const families = await partner.ctx.db
        .selectFrom('session_families')
        .select(['revoked_at', 'revoked_reason'])
        .where('kind', '=', 'api')
        .execute();
      expect(families).toEqual([{ revoked_at: null, revoked_reason: null }]);
      expect(await t.ctx.db.selectFrom('leases').selectAll().execute()).toEqual([]);
    });
  },
);
