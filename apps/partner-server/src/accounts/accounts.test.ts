import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { ACCOUNT, codeIn, startTestPartner, type TestPartner } from '../testing/test-partner';

describe.each(await testDialects())(
  'partner client accounts and confidential code (%s)',
  (dialect) => {
    let t: TestPartner;
    afterEach(async () => t.close());

    it('emails a verification link, then subscribes and emails a 100-bit code stored only as a keyed hash', async () => {
      t = await startTestPartner(dialect);
      const { code } = await t.createVerifiedAccount();
      expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
      const rows = await t.ctx.db.selectFrom('confidential_codes').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.sent_to).toBe(ACCOUNT.adminEmail);
      expect(JSON.stringify(rows)).not.toContain(code.replace(/-/g, ''));
      expect(t.logs.join('')).not.toContain(code);
      const tokens = await t.signIn();
      const me = (
        await t.call('GET', '/api/v1/accounts/current', { token: tokens.accessToken })
      ).json();
      expect(me.account.subscription).toMatchObject({
        status: 'active',
        codeSentTo: ACCOUNT.adminEmail,
      });
    });

    it('re-issues the code: a new email, and the old code stops working', async () => {
      t = await startTestPartner(dialect);
      const { code: oldCode } = await t.createVerifiedAccount();
      const { accessToken } = await t.signIn();
      t.inbox.clear();
      const reissued = await t.call('POST', '/api/v1/accounts/current/confidential-code', {
        token: accessToken,
      });
      expect(reissued.statusCode).toBe(201);
      const newCode = codeIn(await t.inbox.waitForMail((m) => /code confidentiel/.test(m.subject)));
      expect(newCode).not.toBe(oldCode);
      const current = await t.ctx.db
        .selectFrom('confidential_codes')
        .selectAll()
        .where('replaced_at', 'is', null)
        .execute();
      expect(current).toHaveLength(1);
    });

    it('refuses an invalid SIRET, a weak password and oversized bodies', async () => {
      t = await startTestPartner(dialect);
      const siret = await t.call('POST', '/api/v1/accounts', {
        body: { ...ACCOUNT, siret: '73282932000075' },
      });
      expect(siret.json()).toMatchObject({
        code: 'VALIDATION_ERROR',
        field: 'siret',
        message: expect.stringContaining('SIRET invalide'),
      });
      const laPoste = await t.call('POST', '/api/v1/accounts', {
        body: { ...ACCOUNT, siret: '356 000 000 49832' },
      });
      expect(laPoste.statusCode).toBe(202);
      const weak = await t.call('POST', '/api/v1/accounts', {
        body: {
          ...ACCOUNT,
          adminEmail: 'b@x.fr',
          password: 'Azerty123456!',
          passwordConfirmation: 'Azerty123456!',
        },
      });
      expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
      const huge = await t.call('POST', '/api/v1/accounts', {
        body: { ...ACCOUNT, firmName: 'x'.repeat(70_000) },
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
    });
  },
);
