import { afterEach, describe, expect, it } from 'vitest';
import { atOnce, countStatuses, testDialects } from '@passerelle/server-kit/testing';
import type { ReceivedMail } from '@passerelle/mail/testing';
import { getPage, pageText, postForm } from '../testing/portal-client';
import {
  ACCOUNT,
  STRONG_PASSWORD,
  startTestPartner,
  waitForMails,
  type TestPartner,
} from '../testing/test-partner';

const MINUTE = 60_000;
const NEW_PASSWORD = 'horloge cerise manteau tranquille';
const UNKNOWN = 'personne@exemple.fr';
const isReset = (m: { subject: string }) => /Choisir un nouveau mot de passe/.test(m.subject);
const tokenIn = (mail: ReceivedMail) => {
  const token = /nouveau-mot-de-passe\?jeton=([\w-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no reset link in: ${mail.text}`);
  return token;
};

describe.each(await testDialects())('"Mot de passe oublié ?" (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  const ask = (email: string, remoteAddress?: string) =>
    t.call('POST', '/api/v1/password-resets', {
      body: { email },
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  const use = (token: string, password = NEW_PASSWORD) =>
    t.call('POST', '/api/v1/password-resets/use', {
      body: { token, password, passwordConfirmation: password },
    });
  const signIn = (password: string) =>
    t.call('POST', '/api/v1/sessions', { body: { email: ACCOUNT.adminEmail, password } });

  it('answers the same with or without an account; only the owner gets a link, usable once', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const software = await t.signIn();
    t.inbox.clear();

    const unknown = await postForm(t, '/portail/mot-de-passe-oublie', { email: UNKNOWN });
    const known = await postForm(t, '/portail/mot-de-passe-oublie', { email: ACCOUNT.adminEmail });
    expect([known.statusCode, unknown.statusCode]).toEqual([200, 200]);
    expect(pageText(known.body).replace(ACCOUNT.adminEmail, '…')).toBe(
      pageText(unknown.body).replace(UNKNOWN, '…'),
    );
    expect((await ask(UNKNOWN)).json()).toEqual({ sentTo: UNKNOWN });

    const mail = await t.inbox.waitForMail(isReset);
    expect(t.inbox.messages().map((m) => m.to)).toEqual([[ACCOUNT.adminEmail]]);
    expect(mail.text).not.toContain(ACCOUNT.firmName);
    const token = tokenIn(mail);
    const stored = await t.ctx.db.selectFrom('password_resets').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    // A mail scanner opening the link leaves it usable; of 5 simultaneous uses, one wins.
    for (let i = 0; i < 2; i += 1) {
      const page = await getPage(t, `/portail/nouveau-mot-de-passe?jeton=${token}`);
      expect(pageText(page.body)).toContain(`Compte client de ${ACCOUNT.adminEmail}`);
    }
    const uses = await atOnce(5, () => use(token));
    expect(countStatuses(uses)).toEqual({ 204: 1, 410: 4 });
    expect(uses.find((r) => r.statusCode === 410)!.json().code).toBe('PASSWORD_TOKEN_INVALID');

    expect((await signIn(STRONG_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(NEW_PASSWORD)).statusCode).toBe(201);
    const refresh = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: software.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    const notice = await t.inbox.waitForMail((m) => /Mot de passe changé/.test(m.subject));
    expect(notice.text).toContain('« Mot de passe oublié ? »');
    expect(t.logs.join('')).not.toContain(token);
  });

  it('sets the password from the portal page, refusing a weak one on its field; the link then dies', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    await ask(ACCOUNT.adminEmail);
    const token = tokenIn(await t.inbox.waitForMail(isReset));
    const fields = (password: string) => ({
      jeton: token,
      password,
      passwordConfirmation: password,
    });
    const weak = await postForm(t, '/portail/nouveau-mot-de-passe', fields('azertyuiop12'));
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toMatch(/id="champ-password-erreur">Mot de passe trop facile à deviner/);
    const done = await postForm(t, '/portail/nouveau-mot-de-passe', fields(NEW_PASSWORD));
    expect([done.statusCode, done.headers.location]).toEqual([
      303,
      '/portail/connexion?message=mot-de-passe-change',
    ]);
    const again = await getPage(t, `/portail/nouveau-mot-de-passe?jeton=${token}`);
    expect(again.statusCode).toBe(410);
    expect(pageText(again.body)).toContain('Ce lien n’est plus valide');
  });

  it('expires a link after 60 minutes; a newer link voids the older; none for an unconfirmed account', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    await ask(ACCOUNT.adminEmail);
    await ask(ACCOUNT.adminEmail);
    const [older, newer] = (await waitForMails(t.inbox, isReset, 2)).map(tokenIn);
    expect((await use(older!)).statusCode).toBe(410);
    t.clock.advance(60 * MINUTE);
    expect((await use(newer!)).statusCode).toBe(410);

    await t.call('POST', '/api/v1/accounts', {
      body: { ...ACCOUNT, adminEmail: 'pas-encore@exemple.fr' },
    });
    expect((await ask('pas-encore@exemple.fr')).statusCode).toBe(202);
    const links = await t.ctx.db.selectFrom('password_resets').selectAll().execute();
    expect(links).toHaveLength(2);
  });

  it('limits requests: 5 per IP address an hour, and 3 emails per address a day with registrations', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const fromOneIp = await atOnce(8, (i) => ask(`inconnu${i}@exemple.fr`, '198.51.100.1'));
    expect(countStatuses(fromOneIp)).toEqual({ 202: 5, 429: 3 });

    // The account's confirmation email, this morning, was the first of the address's three.
    t.inbox.clear();
    const toOneAddress = await atOnce(10, (i) => ask(ACCOUNT.adminEmail, `198.51.100.${i + 10}`));
    expect(countStatuses(toOneAddress)).toEqual({ 202: 2, 429: 8 });
    await waitForMails(t.inbox, isReset, 2);
    expect(t.inbox.messages()).toHaveLength(2);
    // The address's daily emails are spent for registrations too.
    const register = await t.call('POST', '/api/v1/accounts', {
      body: ACCOUNT,
      remoteAddress: '198.51.100.99',
    });
    expect(register.statusCode).toBe(429);
    expect(register.json().message).toBe(
      'Trop d’emails ont déjà été envoyés à cette adresse : réessayez dans 24 heures.',
    );
  });
});
