import { afterEach, describe, expect, it } from 'vitest';
import { atOnce, countStatuses, testDialects } from '@passerelle/server-kit/testing';
import {
  ACCOUNT,
  STRONG_PASSWORD,
  startTestPartner,
  verificationTokenIn,
  waitForMails,
  type TestPartner,
} from '../testing/test-partner';

const HOUR = 3_600_000;
const ATTACKER_PASSWORD = 'parapluie gravier fenouil lointain';
const BY_ATTACKER = {
  ...ACCOUNT,
  firmName: 'Cabinet Pirate',
  password: ATTACKER_PASSWORD,
  passwordConfirmation: ATTACKER_PASSWORD,
};
const isConfirmation = (m: { subject: string }) => /Confirmez/.test(m.subject);

describe.each(await testDialects())('unconfirmed accounts (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  const verify = (token: string, password?: string) =>
    t.call('POST', '/api/v1/accounts/verification', {
      body: password === undefined ? { token } : { token, password },
    });
  const signIn = (password: string) =>
    t.call('POST', '/api/v1/sessions', { body: { email: ACCOUNT.adminEmail, password } });

  it('confirms an address only with the registration’s password: the owner cannot activate a stranger’s account', async () => {
    t = await startTestPartner(dialect);
    await t.call('POST', '/api/v1/accounts', { body: BY_ATTACKER });
    const token = verificationTokenIn(await t.inbox.waitForMail(isConfirmation));
    // The mailbox's owner opens the link: without the stranger's password nothing is confirmed.
    expect((await verify(token)).json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'password',
    });
    const guess = await verify(token, STRONG_PASSWORD);
    expect(guess.statusCode).toBe(401);
    expect(guess.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'password' });
    const [account] = await t.ctx.db.selectFrom('accounts').selectAll().execute();
    expect(account!.email_verified_at).toBeNull();
    expect((await signIn(ATTACKER_PASSWORD)).json().code).toBe('EMAIL_NOT_VERIFIED');
    // The registrant, who knows it, confirms with the same link (a wrong try did not spend it).
    expect((await verify(token, ATTACKER_PASSWORD)).statusCode).toBe(200);
  });

  it('lets a new registration replace an unconfirmed one: the first link and password die', async () => {
    t = await startTestPartner(dialect);
    await t.call('POST', '/api/v1/accounts', { body: BY_ATTACKER });
    const first = verificationTokenIn(await t.inbox.waitForMail(isConfirmation));
    const owners = await t.call('POST', '/api/v1/accounts', { body: ACCOUNT });
    expect(owners.statusCode).toBe(202);
    const [, second] = await waitForMails(t.inbox, isConfirmation, 2);
    const dead = await verify(first, ATTACKER_PASSWORD);
    expect([dead.statusCode, dead.json().code]).toEqual([410, 'LINK_INVALID']);
    expect((await verify(verificationTokenIn(second!), STRONG_PASSWORD)).statusCode).toBe(200);
    expect((await signIn(ATTACKER_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(STRONG_PASSWORD)).statusCode).toBe(201);
    const accounts = await t.ctx.db.selectFrom('accounts').select('firm_name').execute();
    expect(accounts).toEqual([{ firm_name: ACCOUNT.firmName }]);
  });

  it('expires an unconfirmed account after 24 hours: dead link, sign-in says so, then purged', async () => {
    t = await startTestPartner(dialect);
    await t.call('POST', '/api/v1/accounts', { body: ACCOUNT });
    const expiring = verificationTokenIn(await t.inbox.waitForMail(isConfirmation));
    t.clock.advance(HOUR);
    const other = { ...ACCOUNT, adminEmail: 'bruno@autre-cabinet.fr' };
    await t.call('POST', '/api/v1/accounts', { body: other });
    const [, fresh] = await waitForMails(t.inbox, isConfirmation, 2);
    t.clock.advance(23 * HOUR);

    const dead = await verify(expiring, STRONG_PASSWORD);
    expect([dead.statusCode, dead.json().code]).toEqual([410, 'LINK_INVALID']);
    const expired = await signIn(STRONG_PASSWORD);
    expect([expired.statusCode, expired.json()]).toEqual([
      403,
      {
        code: 'REGISTRATION_EXPIRED',
        message:
          'Cette inscription a expiré : l’adresse email n’a pas été confirmée à temps. Créez le compte client à nouveau.',
      },
    ]);
    // The account registered an hour later still has an hour.
    expect((await verify(verificationTokenIn(fresh!), STRONG_PASSWORD)).statusCode).toBe(200);
    // The next registration purges expired accounts, links included.
    await t.call('POST', '/api/v1/accounts', {
      body: { ...ACCOUNT, adminEmail: 'chloe@troisieme.fr' },
    });
    const emails = await t.ctx.db.selectFrom('accounts').select('admin_email').execute();
    expect(emails.map((a) => a.admin_email).sort()).toEqual([
      'bruno@autre-cabinet.fr',
      'chloe@troisieme.fr',
    ]);
    expect(await t.ctx.db.selectFrom('email_verifications').selectAll().execute()).toHaveLength(2);
  });

  it('checks 10 of 20 simultaneous wrong passwords on a confirmation link (the sign-in limits)', async () => {
    t = await startTestPartner(dialect);
    await t.call('POST', '/api/v1/accounts', { body: BY_ATTACKER });
    const token = verificationTokenIn(await t.inbox.waitForMail(isConfirmation));
    const responses = await atOnce(20, () => verify(token, STRONG_PASSWORD));
    expect(countStatuses(responses)).toEqual({ 401: 10, 429: 10 });
  });
});
