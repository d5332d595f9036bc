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
const isConfirmation = (m: { subject: string }) => /Confirmez/.test(m.subject);
const registration = (i: number) => ({ ...ACCOUNT, adminEmail: `cabinet${i}@exemple.fr` });

describe.each(await testDialects())('registration limits (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  const register = (body: object, remoteAddress?: string) =>
    t.call('POST', '/api/v1/accounts', { body, ...(remoteAddress ? { remoteAddress } : {}) });

  it('creates 5 accounts and sends 5 emails for 20 simultaneous registrations from one IP address', async () => {
    t = await startTestPartner(dialect);
    const responses = await atOnce(20, (i) => register(registration(i)));
    await waitForMails(t.inbox, isConfirmation, 5);
    const accounts = await t.ctx.db.selectFrom('accounts').select('admin_email').execute();
    expect({
      statuses: countStatuses(responses),
      accounts: accounts.length,
      emails: t.inbox.messages().length,
    }).toEqual({ statuses: { 202: 5, 429: 15 }, accounts: 5, emails: 5 });
    const limited = responses.find((r) => r.statusCode === 429)!;
    expect(limited.json()).toEqual({
      code: 'RATE_LIMITED',
      message: 'Trop de demandes depuis votre adresse réseau : réessayez dans 1 heure.',
    });
    expect(Number(limited.headers['retry-after'])).toBe(3600);
    // Another address is not held back, and the hour after the first one may register again.
    expect((await register(registration(21), '203.0.113.9')).statusCode).toBe(202);
    t.clock.advance(HOUR);
    expect((await register(registration(22))).statusCode).toBe(202);
  });

  it('sends one address 3 emails a day, whoever asks: 10 simultaneous registrations from 10 IP addresses', async () => {
    t = await startTestPartner(dialect);
    const responses = await atOnce(10, (i) => register(ACCOUNT, `203.0.113.${i + 1}`));
    const mails = await waitForMails(t.inbox, isConfirmation, 3);
    expect(countStatuses(responses)).toEqual({ 202: 3, 429: 7 });
    const limited = responses.find((r) => r.statusCode === 429)!;
    expect(limited.json().message).toBe(
      'Trop d’emails ont déjà été envoyés à cette adresse : réessayez dans 24 heures.',
    );
    expect(Number(limited.headers['retry-after'])).toBe(24 * 3600);
    // Each registration replaced the one before: one account, and only its link works.
    expect(await t.ctx.db.selectFrom('accounts').selectAll().execute()).toHaveLength(1);
    const verified = await Promise.all(
      mails.map((mail) =>
        t.call('POST', '/api/v1/accounts/verification', {
          body: { token: verificationTokenIn(mail), password: STRONG_PASSWORD },
        }),
      ),
    );
    expect(countStatuses(verified)).toEqual({ 200: 1, 410: 2 });
    t.clock.advance(24 * HOUR);
    expect((await register(ACCOUNT, '203.0.113.99')).statusCode).toBe(202);
  });

  it('answers a registration of an address that has an account like any other, and tells its owner', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    t.inbox.clear();
    const stranger = {
      firmName: 'Société Usurpatrice',
      adminFirstName: 'Zoé',
      adminLastName: 'Fausse',
    };
    const taken = await register({ ...ACCOUNT, ...stranger });
    const fresh = await register(registration(1));
    expect([taken.statusCode, taken.json()]).toEqual([202, { sentTo: ACCOUNT.adminEmail }]);
    expect([fresh.statusCode, Object.keys(fresh.json())]).toEqual([202, ['sentTo']]);
    const notice = await t.inbox.waitForMail((m) => m.to.includes(ACCOUNT.adminEmail));
    expect(notice.subject).toMatch(/^Votre compte client existe déjà/);
    for (const word of Object.values(stranger)) expect(notice.text).not.toContain(word);
    // Nothing of the owner's account changed: same firm, same password.
    const owner = await t.ctx.db
      .selectFrom('accounts')
      .selectAll()
      .where('admin_email', '=', ACCOUNT.adminEmail)
      .execute();
    expect(owner.map((a) => a.firm_name)).toEqual([ACCOUNT.firmName]);
    await t.signIn();
  });

  it('puts nothing the requester typed in the confirmation email: fixed text and the link only', async () => {
    t = await startTestPartner(dialect);
    const bait = {
      firmName: 'Gagnez 1000 € sur http://arnaque.example',
      adminFirstName: 'Service',
      adminLastName: 'Remboursements',
    };
    await register({ ...ACCOUNT, ...bait });
    const mail = await t.inbox.waitForMail(isConfirmation);
    for (const word of ['Gagnez', 'arnaque', 'Service', 'Remboursements']) {
      expect(mail.text).not.toContain(word);
    }
    expect(mail.text.match(/https?:\/\/\S+/g)).toEqual([
      `http://partenaire.test/portail/verifier-email?jeton=${verificationTokenIn(mail)}`,
      'http://partenaire.test/portail',
    ]);
  });
});
