import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairAndCsr } from '@passerelle/pki';
import { testDialects } from '@passerelle/server-kit/testing';
import { ACCOUNT, codeIn, startTestPartner, type TestPartner } from '../testing/test-partner';
import { getPage, pageText, postForm, signInOnPortal } from '../testing/portal-client';

const HOLDER = { firstName: 'Bruno', lastName: 'Martin', email: 'bruno.martin@cabinet-exemple.fr' };

describe.each(await testDialects())('portal: the signed-in client space (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  it('sends a visitor without a session to the sign-in page, and an expired cookie too', async () => {
    t = await startTestPartner(dialect);
    const anonymous = await getPage(t, '/portail');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/portail/connexion');
    const stale = await getPage(t, '/portail', 'partner_portal=inconnu');
    expect(stale.headers.location).toBe('/portail/connexion?message=session-expiree');
    expect(String(stale.headers['set-cookie'])).toMatch(/^partner_portal=;/);
    expect((await postForm(t, '/portail/nouveau-code')).headers.location).toBe(
      '/portail/connexion',
    );
    const page = await getPage(t, '/portail/connexion?message=session-expiree');
    expect(pageText(page.body)).toContain('Votre session a expiré : reconnectez-vous.');
  });

  it('shows the account and its subscription; "Envoyer un nouveau code" emails a new code', async () => {
    t = await startTestPartner(dialect);
    const { code: first } = await t.createVerifiedAccount();
    const cookie = await signInOnPortal(t);
    const dashboard = await getPage(t, '/portail', cookie);
    expect(dashboard.statusCode).toBe(200);
    const text = pageText(dashboard.body);
    expect(dashboard.body.match(/<h1>/g)).toHaveLength(1);
    expect(text).toContain('Espace client — Cabinet Exemple');
    expect(text).toContain('SIRET 73282932000074');
    expect(text).toContain(`Alice Durand (${ACCOUNT.adminEmail})`);
    expect(text).toContain('Statut : Actif');
    // TestClock starts at 2026-03-02T09:00Z: 10:00 in Paris.
    expect(text).toContain(
      `Code confidentiel envoyé le 2 mars 2026 à 10:00 à ${ACCOUNT.adminEmail}`,
    );
    expect(text).toContain('Aucune signature émise.');
    expect(text).toContain('Aucun dépôt pour le moment.');

    t.inbox.clear();
    const reissued = await postForm(t, '/portail/nouveau-code', {}, cookie);
    expect(reissued.statusCode).toBe(303);
    expect(reissued.headers.location).toBe('/portail?message=code-envoye');
    const second = codeIn(await t.inbox.waitForMail((m) => /code confidentiel/.test(m.subject)));
    expect(second).not.toBe(first);
    const after = await getPage(t, '/portail?message=code-envoye', cookie);
    expect(after.body).toContain('role="status"');
    expect(pageText(after.body)).toContain(
      `Un nouveau code a été envoyé à ${ACCOUNT.adminEmail}. L’ancien code ne fonctionne plus.`,
    );
    // The query only names a message: its own text never reaches the page.
    const crafted = await getPage(t, '/portail?message=%3Cb%3EAppelez-nous%3C%2Fb%3E', cookie);
    expect(crafted.body).not.toContain('Appelez-nous');
    expect(crafted.body).not.toContain('role="status"');
  });

  it('revokes one of the account’s software connections, and only its own', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    await t.createVerifiedAccount({ adminEmail: 'autre@cabinet-autre.fr', firmName: 'Autre' });
    const api = await t.signIn();
    const other = await t.signIn('autre@cabinet-autre.fr');
    const cookie = await signInOnPortal(t);
    const dashboard = await getPage(t, '/portail', cookie);
    const ids = [...dashboard.body.matchAll(/\/portail\/connexions\/([\w-]+)\/revocation/g)];
    expect(ids).toHaveLength(1);
    expect(dashboard.body).toMatch(/aria-label="Révoquer la connexion du 2 mars 2026 à 10:00:00"/);
    expect(pageText(dashboard.body)).toContain('Connecté depuis le 2 mars 2026 à 10:00:00');

    // The other account's API session: listed nowhere here, and not revocable from here.
    const families = await t.ctx.db.selectFrom('session_families').selectAll().execute();
    const otherId = families.find((f) => f.kind === 'api' && f.id !== ids[0]?.[1])?.id;
    expect(otherId).toBeDefined();
    const refused = await postForm(t, `/portail/connexions/${otherId}/revocation`, {}, cookie);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(
      (await t.call('GET', '/api/v1/accounts/current', { token: other.accessToken })).statusCode,
    ).toBe(200);

    const revoked = await postForm(t, `/portail/connexions/${ids[0]?.[1]}/revocation`, {}, cookie);
    expect(revoked.headers.location).toBe('/portail?message=connexion-revoquee');
    expect(
      (await t.call('GET', '/api/v1/accounts/current', { token: api.accessToken })).statusCode,
    ).toBe(401);
    const refresh = await t.call('POST', '/api/v1/sessions/refresh', {
      body: { refreshToken: api.refreshToken },
    });
    expect(refresh.json().code).toBe('REFRESH_TOKEN_INVALID');
    const after = pageText((await getPage(t, '/portail?message=connexion-revoquee', cookie)).body);
    expect(after).toContain('Connexion révoquée.');
    expect(after).toContain('Aucun logiciel connecté.');
  });

  it('lists a signature and revokes it from its row; a second revocation is refused in French', async () => {
    t = await startTestPartner(dialect);
    const { code } = await t.createVerifiedAccount();
    const { accessToken } = await t.signIn();
    const { csrPem } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    const issued = await t.call('POST', '/api/v1/signatures', {
      token: accessToken,
      body: { csrPem, confidentialCode: code, validityMonths: 12, holder: HOLDER },
    });
    const serial: string = issued.json().signature.serial;
    const cookie = await signInOnPortal(t);
    const dashboard = await getPage(t, '/portail', cookie);
    const text = pageText(dashboard.body);
    expect(text).toMatch(
      /Bruno Martin bruno\.martin@cabinet-exemple\.fr \S+ du 02\/03\/2026 au 0\d\/03\/2027 Valide/,
    );
    expect(text).toContain(serial);
    expect(dashboard.body).toContain('aria-label="Révoquer la signature de Bruno Martin"');

    const revoked = await postForm(t, `/portail/signatures/${serial}/revocation`, {}, cookie);
    expect(revoked.headers.location).toBe('/portail?message=signature-revoquee');
    const after = await getPage(t, '/portail?message=signature-revoquee', cookie);
    expect(pageText(after.body)).toContain('Révoquée');
    expect(after.body).not.toContain('Révoquer la signature de Bruno Martin');
    const again = await postForm(t, `/portail/signatures/${serial}/revocation`, {}, cookie);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('text/html');
    expect(pageText(again.body)).toContain('Cette signature est déjà révoquée.');
    const unknown = await postForm(t, '/portail/signatures/abcdef/revocation', {}, cookie);
    expect(unknown.statusCode).toBe(404);
    expect(pageText(unknown.body)).toContain('Signature introuvable.');
  });

  it('signs out: the cookie is cleared and the old one no longer opens the dashboard', async () => {
    t = await startTestPartner(dialect);
    await t.createVerifiedAccount();
    const cookie = await signInOnPortal(t);
    const out = await postForm(t, '/portail/deconnexion', {}, cookie);
    expect(out.headers.location).toBe('/portail/connexion?message=deconnecte');
    expect(String(out.headers['set-cookie'])).toMatch(/^partner_portal=;/);
    expect((await getPage(t, '/portail', cookie)).statusCode).toBe(303);
  });
});
