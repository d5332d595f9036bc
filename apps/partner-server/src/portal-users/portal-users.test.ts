import { afterEach, describe, expect, it } from 'vitest';
import { atOnce, countStatuses, testDialects } from '@passerelle/server-kit/testing';
import { listAuditEvents } from './portal-users.repository';
import { getPage, pageText, postForm, signInOnPortal } from '../testing/portal-client';
import {
  ACCOUNT,
  BRUNO,
  CHLOE,
  PERSON_PASSWORD,
  invitationTokenIn,
  startTestPartner,
  type TestPartner,
} from '../testing/test-partner';

const accept = (t: TestPartner, token: string, password = PERSON_PASSWORD) =>
  t.call('POST', '/api/v1/portal-invitations/use', {
    body: { token, password, passwordConfirmation: password },
  });

describe.each(await testDialects())('personal portal users (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  async function setup(env: Record<string, string> = {}) {
    t = await startTestPartner(dialect, env);
    await t.createVerifiedAccount();
    return (await t.signIn()).accessToken;
  }

  it('invites by email with a minimal link, the person chooses a password and signs in to the API as themself', async () => {
    const admin = await setup();
    t.inbox.clear();
    const invited = await t.call('POST', '/api/v1/accounts/current/users', {
      token: admin,
      body: { ...BRUNO, email: 'Bruno.Martin@Cabinet-Exemple.fr' },
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json().user).toMatchObject({ ...BRUNO, status: 'invited', activatedAt: null });
    const mail = await t.inbox.waitForMail((m) => /Invitation/.test(m.subject));
    expect(mail.to).toContain(BRUNO.email);
    // Nothing the administrator typed, nor the firm's name, is in the email.
    expect(mail.text).not.toMatch(/Bruno|Martin|Cabinet Exemple/);
    expect(mail.text).toContain('72 heures');
    const token = invitationTokenIn(mail);
    // Only the hash of the secret is stored.
    const stored = await t.ctx.db.selectFrom('portal_users').selectAll().executeTakeFirstOrThrow();
    expect(stored.invitation_token_hash).not.toContain(token.split('.')[1]);

    // Before acceptance the address cannot sign in (no password yet).
    const early = await t.call('POST', '/api/v1/sessions', {
      body: { email: BRUNO.email, password: PERSON_PASSWORD },
    });
    expect(early.json().code).toBe('INVALID_CREDENTIALS');
    const page = await getPage(t, `/portail/invitation?jeton=${token}`);
    expect(page.statusCode).toBe(200);
    expect(pageText(page.body)).toContain(`Accès personnel à l’espace client pour ${BRUNO.email}`);

    const weak = await accept(t, token, 'bruno.martin12');
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    const accepted = await accept(t, token);
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user.status).toBe('active');
    expect((await accept(t, token)).json().code).toBe('LINK_INVALID');

    const session = await t.call('POST', '/api/v1/sessions', {
      body: { email: BRUNO.email, password: PERSON_PASSWORD },
    });
    expect(session.statusCode).toBe(201);
    const body = session.json();
    expect(body.account.adminEmail).toBe(ACCOUNT.adminEmail);
    expect(body.user).toMatchObject({ id: stored.id, email: BRUNO.email, firstName: 'Bruno' });
    const family = await t.ctx.db
      .selectFrom('session_families')
      .selectAll()
      .where('portal_user_id', '=', stored.id)
      .execute();
    expect(family).toHaveLength(1);
    const refreshed = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: body.refreshToken },
    });
    expect(refreshed.json().user.id).toBe(stored.id);
    // The administrator's own sign-in says no personal user.
    expect(
      (
        await t.call('POST', '/api/v1/sessions', {
          body: { email: ACCOUNT.adminEmail, password: ACCOUNT.password },
        })
      ).json().user,
    ).toBeNull();

    const events = await listAuditEvents(t.ctx.db, body.account.id);
    // One test clock: both events have the same time, so they are compared as a set.
    expect(events.map((e) => [e.action, e.subject_user_id]).sort()).toEqual([
      ['portal_user.accepted', stored.id],
      ['portal_user.invited', stored.id],
    ]);
  });

  it('lets an invitation expire after 72 hours, and a new invitation replaces the pending one', async () => {
    const firstAdmin = await setup();
    const first = await t.invite(firstAdmin, BRUNO);
    t.clock.advance(72 * 3_600_000 + 1000);
    const admin = (await t.signIn()).accessToken;
    const expired = await accept(t, first);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().message).toContain('n’est plus valide');
    expect((await getPage(t, `/portail/invitation?jeton=${first}`)).statusCode).toBe(410);
    const second = await t.invite(admin, BRUNO);
    const third = await t.invite(admin, { ...BRUNO, firstName: 'Bruno-Paul' });
    expect((await accept(t, second)).json().code).toBe('LINK_INVALID');
    const accepted = await accept(t, third);
    expect(accepted.json().user).toMatchObject({ firstName: 'Bruno-Paul', status: 'active' });
    const list = await t.call('GET', '/api/v1/accounts/current/users', { token: admin });
    expect(list.json()).toMatchObject({ total: 1, nextCursor: null });
  });

  it('describes its endpoints in the OpenAPI document from the contracts, errors included', async () => {
    t = await startTestPartner(dialect);
    const { paths } = (await t.call('GET', '/api/v1/openapi.json')).json();
    const invite = paths['/api/v1/accounts/current/users'].post;
    expect(invite.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['email', 'firstName', 'lastName']),
    );
    expect(invite.responses['409'].content['application/json'].schema.properties.code.enum).toEqual(
      ['EMAIL_TAKEN', 'USER_LIMIT_REACHED'],
    );
    expect(invite.responses['403'].description).toContain('FORBIDDEN');
    expect(paths['/api/v1/accounts/current/users'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'cursor', in: 'query' })]),
    );
    expect(paths['/api/v1/accounts/current/users/{id}/revocation'].post.responses).toHaveProperty(
      '409',
    );
    expect(paths['/api/v1/portal-invitations/use'].post.responses).toHaveProperty('410');
  });

  it('makes exactly one user of 20 simultaneous acceptances of one invitation', async () => {
    const admin = await setup();
    const token = await t.invite(admin, BRUNO);
    const responses = await atOnce(20, () => accept(t, token));
    expect(countStatuses(responses)).toEqual({ 201: 1, 410: 19 });
    const rows = await t.ctx.db.selectFrom('portal_users').selectAll().execute();
    expect(rows.map((r) => [r.status, r.password_hash !== null])).toEqual([['active', true]]);
  });

  it('refuses an address already used by an account or a user, with a precise error', async () => {
    const admin = await setup();
    await t.createVerifiedAccount({ adminEmail: 'autre@cabinet-voisin.fr', firmName: 'Voisin' });
    const other = (await t.signIn('autre@cabinet-voisin.fr')).accessToken;
    const asAccount = await t.call('POST', '/api/v1/accounts/current/users', {
      token: admin,
      body: { ...BRUNO, email: 'autre@cabinet-voisin.fr' },
    });
    expect(asAccount.statusCode).toBe(409);
    expect(asAccount.json()).toMatchObject({ code: 'EMAIL_TAKEN', field: 'email' });
    expect(asAccount.json().message).toContain('administrateur d’un compte client');
    await t.addPortalUser(admin, BRUNO);
    const again = await t.call('POST', '/api/v1/accounts/current/users', {
      token: admin,
      body: BRUNO,
    });
    expect(again.json().message).toBe(
      'Cette personne est déjà un utilisateur actif du compte client.',
    );
    const elsewhere = await t.call('POST', '/api/v1/accounts/current/users', {
      token: other,
      body: BRUNO,
    });
    expect(elsewhere.json()).toMatchObject({
      code: 'EMAIL_TAKEN',
      message: 'Cette adresse est déjà celle d’un utilisateur d’un compte client.',
    });
  });

  it('keeps user management to the administrator: a personal user gets 403 on the API and the portal', async () => {
    const admin = await setup();
    const brunoId = await t.addPortalUser(admin, BRUNO);
    const bruno = (await t.signIn(BRUNO.email, PERSON_PASSWORD)).accessToken;
    const list = await t.call('GET', '/api/v1/accounts/current/users', { token: bruno });
    expect(list.statusCode).toBe(403);
    expect(list.json()).toEqual({
      code: 'FORBIDDEN',
      message: 'Seul l’administrateur du compte client peut gérer les utilisateurs.',
    });
    const invite = await t.call('POST', '/api/v1/accounts/current/users', {
      token: bruno,
      body: CHLOE,
    });
    expect(invite.statusCode).toBe(403);
    const revoke = await t.call('POST', `/api/v1/accounts/current/users/${brunoId}/revocation`, {
      token: bruno,
    });
    expect(revoke.statusCode).toBe(403);
    expect(
      (await t.call('POST', '/api/v1/accounts/current/confidential-code', { token: bruno }))
        .statusCode,
    ).toBe(403);
    expect(await t.ctx.db.selectFrom('portal_users').select('status').execute()).toEqual([
      { status: 'active' },
    ]);

    const cookie = await signInOnPortal(t, BRUNO.email, PERSON_PASSWORD);
    const dashboard = pageText((await getPage(t, '/portail', cookie)).body);
    expect(dashboard).toContain(`Connecté en tant que Bruno Martin (${BRUNO.email})`);
    expect(dashboard).not.toContain('Inviter un utilisateur');
    expect(dashboard).not.toContain('Envoyer un nouveau code');
    expect((await getPage(t, '/portail/utilisateurs/inviter', cookie)).statusCode).toBe(403);
    const form = await postForm(t, '/portail/utilisateurs', { ...CHLOE }, cookie);
    expect(form.statusCode).toBe(403);
    expect(pageText(form.body)).toContain('Seul l’administrateur du compte client');
  });

  it('lets the administrator invite and revoke from the portal, one page of users at a time', async () => {
    const admin = await setup({ PORTAL_INVITATIONS_PER_HOUR: '100' });
    const cookie = await signInOnPortal(t);
    t.inbox.clear();
    const invited = await postForm(t, '/portail/utilisateurs', { ...CHLOE }, cookie);
    expect(invited.statusCode).toBe(303);
    const token = invitationTokenIn(await t.inbox.waitForMail((m) => m.to.includes(CHLOE.email)));
    const refused = await postForm(
      t,
      '/portail/utilisateurs',
      { ...CHLOE, email: 'pas-une-adresse' },
      cookie,
    );
    expect(refused.statusCode).toBe(400);
    expect(pageText(refused.body)).toContain('Adresse email invalide.');
    const set = await postForm(t, '/portail/invitation', {
      jeton: token,
      password: PERSON_PASSWORD,
      passwordConfirmation: PERSON_PASSWORD,
    });
    expect(set.headers.location).toBe('/portail/connexion?message=invitation-acceptee');
    for (let i = 0; i < 55; i += 1) {
      await t.call('POST', '/api/v1/accounts/current/users', {
        token: admin,
        body: {
          email: `personne${String(i).padStart(2, '0')}@cabinet-exemple.fr`,
          firstName: 'P',
          lastName: `N${i}`,
        },
      });
    }
    const first = pageText((await getPage(t, '/portail', cookie)).body);
    expect(first).toContain('56 utilisateurs');
    expect(first).toContain('Chloé Petit');
    const chloe = await t.ctx.db
      .selectFrom('portal_users')
      .select('id')
      .where('email', '=', CHLOE.email)
      .executeTakeFirstOrThrow();
    const revoked = await postForm(t, `/portail/utilisateurs/${chloe.id}/revocation`, {}, cookie);
    expect(revoked.statusCode).toBe(303);
    const after = pageText((await getPage(t, '/portail?message=utilisateur-revoque', cookie)).body);
    expect(after).toContain('Utilisateur révoqué');
    expect(after).toMatch(/Chloé Petit chloe\.petit@cabinet-exemple\.fr Révoqué/);
  });
});
