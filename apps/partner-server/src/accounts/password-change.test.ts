import { afterEach, describe, expect, it } from 'vitest';
import { atOnce, countStatuses, testDialects } from '@passerelle/server-kit/testing';
import { getPage, pageText, postForm, signInOnPortal } from '../testing/portal-client';
import {
  ACCOUNT,
  STRONG_PASSWORD,
  startTestPartner,
  type TestPartner,
} from '../testing/test-partner';

const NEW_PASSWORD = 'horloge cerise manteau tranquille';
const change = (currentPassword: string, password = NEW_PASSWORD) => ({
  currentPassword,
  password,
  passwordConfirmation: password,
});

describe.each(await testDialects())('changing the client-account password (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  const signIn = (password: string) =>
    t.call('POST', '/api/v1/sessions', { body: { email: ACCOUNT.adminEmail, password } });

  it('changes it on the portal: other portal sessions and every software session end; the owner is told', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const software = await t.signIn();
    const elsewhere = await signInOnPortal(t);
    const cookie = await signInOnPortal(t);
    t.inbox.clear();

    const form = await getPage(t, '/portail/mot-de-passe', cookie);
    expect(pageText(form.body)).toContain('Mot de passe actuel');
    const wrong = await postForm(
      t,
      '/portail/mot-de-passe',
      change('pas le bon mot de passe'),
      cookie,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toMatch(/id="champ-currentPassword-erreur">Mot de passe actuel incorrect\./);
    const weak = await postForm(
      t,
      '/portail/mot-de-passe',
      change(STRONG_PASSWORD, 'azertyuiop12'),
      cookie,
    );
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toMatch(/id="champ-password-erreur">Mot de passe trop facile à deviner/);
    expect(weak.body).not.toContain(STRONG_PASSWORD);

    const done = await postForm(t, '/portail/mot-de-passe', change(STRONG_PASSWORD), cookie);
    expect([done.statusCode, done.headers.location]).toEqual([
      303,
      '/portail?message=mot-de-passe-change',
    ]);
    // This browser stays signed in; the other one and the software are out.
    const dashboard = await getPage(t, '/portail?message=mot-de-passe-change', cookie);
    expect(pageText(dashboard.body)).toContain('Mot de passe changé.');
    expect((await getPage(t, '/portail', elsewhere)).headers.location).toBe(
      '/portail/connexion?message=session-expiree',
    );
    const refresh = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: software.refreshToken },
    });
    expect([refresh.statusCode, refresh.json().code]).toEqual([401, 'REFRESH_TOKEN_INVALID']);
    const current = await t.call('GET', '/api/v1/accounts/current', {
      token: software.accessToken,
    });
    expect(current.statusCode).toBe(401);
    const families = await t.ctx.db
      .selectFrom('session_families')
      .select(['kind', 'revoked_reason'])
      .execute();
    const byKind = (a: { kind: string; revoked_reason: string | null }) =>
      `${a.kind} ${a.revoked_reason ?? 'live'}`;
    expect(families.map(byKind).sort()).toEqual([
      'api password_changed',
      'portal live',
      'portal password_changed',
    ]);

    expect((await signIn(STRONG_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(NEW_PASSWORD)).statusCode).toBe(201);
    const notice = await t.inbox.waitForMail((m) => /Mot de passe changé/.test(m.subject));
    expect(notice.to).toEqual([ACCOUNT.adminEmail]);
    expect(notice.text).toContain('depuis l’espace client');
    expect(t.logs.join('')).not.toContain(NEW_PASSWORD);
  });

  it('changes it through the API: only the calling session is kept', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const other = await t.signIn();
    const caller = await t.signIn();
    const changed = await t.call('POST', '/api/v1/accounts/current/password', {
      token: caller.accessToken,
      body: change(STRONG_PASSWORD),
    });
    expect(changed.statusCode).toBe(204);
    const still = await t.call('GET', '/api/v1/accounts/current', { token: caller.accessToken });
    expect(still.statusCode).toBe(200);
    const gone = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: other.refreshToken },
    });
    expect(gone.statusCode).toBe(401);
    const wrong = await t.call('POST', '/api/v1/accounts/current/password', {
      token: caller.accessToken,
      body: change(STRONG_PASSWORD),
    });
    expect(wrong.json()).toMatchObject({
      code: 'WRONG_CURRENT_PASSWORD',
      field: 'currentPassword',
    });
  });

  it('checks 10 of 20 simultaneous wrong current passwords (the sign-in limits of the account)', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const { accessToken: token } = await t.signIn();
    const responses = await atOnce(20, () =>
      t.call('POST', '/api/v1/accounts/current/password', {
        token,
        body: change('pas le bon mot de passe'),
      }),
    );
    expect(countStatuses(responses)).toEqual({ 400: 10, 429: 10 });
  });
});
