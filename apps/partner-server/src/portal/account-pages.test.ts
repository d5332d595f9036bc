import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import {
  ACCOUNT,
  STRONG_PASSWORD,
  startTestPartner,
  type TestPartner,
} from '../testing/test-partner';
import { getPage, pageText, postForm } from '../testing/portal-client';

describe.each(await testDialects())(
  'portal: account creation, confirmation, sign-in (%s)',
  (dialect) => {
    let t: TestPartner;
    afterEach(async () => t.close());

    it('refuses a bad SIRET next to its field, keeps and escapes what was typed, never the password', async () => {
      t = await startTestPartner(dialect);
      const response = await postForm(t, '/portail/creer-un-compte', {
        ...ACCOUNT,
        firmName: '<script>alert(1)</script>',
        adminLastName: 'D"urand',
        siret: '12345678901234',
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('text/html');
      const body = response.body;
      expect(body).toContain('<html lang="fr">');
      expect(body).toMatch(/<p class="error" role="alert" id="champ-siret-erreur">SIRET invalide/);
      expect(body).toContain('aria-describedby="champ-siret-erreur"');
      expect(body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
      expect(body).toContain('value="D&quot;urand"');
      expect(body).toContain(`value="${ACCOUNT.adminEmail}"`);
      expect(body).not.toContain('<script>');
      expect(body).not.toContain(STRONG_PASSWORD);
      expect(body).not.toContain('Invoke');
      expect(pageText(body)).toContain('Partenaire EDI de référence');
    });

    it('refuses a weak password and a confirmation mismatch, each next to its field', async () => {
      t = await startTestPartner(dialect);
      const cases = [
        {
          fields: {
            adminEmail: 'b@exemple.fr',
            password: 'azertyuiop12',
            passwordConfirmation: 'azertyuiop12',
          },
          field: 'password',
          text: 'Mot de passe trop facile à deviner.',
          status: 400,
        },
        {
          fields: { adminEmail: 'c@exemple.fr', passwordConfirmation: `${STRONG_PASSWORD}!` },
          field: 'passwordConfirmation',
          text: 'ne correspond pas',
          status: 400,
        },
      ];
      for (const c of cases) {
        const response = await postForm(t, '/portail/creer-un-compte', { ...ACCOUNT, ...c.fields });
        expect(response.statusCode).toBe(c.status);
        const body = response.body;
        const error = new RegExp(`id="champ-${c.field}-erreur">([^<]+)<`).exec(body)?.[1] ?? '';
        expect(pageText(error)).toContain(c.text);
        expect(body).toContain(`aria-describedby="champ-${c.field}-erreur"`);
        expect(body.match(/aria-invalid="true"/g)).toHaveLength(1);
        expect(body).toContain(`value="${ACCOUNT.firmName}"`);
        expect(body).toContain(`value="${ACCOUNT.siret}"`);
        expect(body).not.toContain('azertyuiop12');
        expect(body).not.toContain(STRONG_PASSWORD);
      }
    });

    it('answers a taken address with the page of a new one; past 5 an hour, the form says when to come back', async () => {
      t = await startTestPartner(dialect);
      await t.createVerifiedAccount();
      const taken = await postForm(t, '/portail/creer-un-compte', ACCOUNT);
      const other = { ...ACCOUNT, adminEmail: 'nouveau@exemple.fr' };
      const fresh = await postForm(t, '/portail/creer-un-compte', other);
      expect([taken.statusCode, fresh.statusCode]).toEqual([202, 202]);
      expect(pageText(taken.body).replace(ACCOUNT.adminEmail, '…')).toBe(
        pageText(fresh.body).replace(other.adminEmail, '…'),
      );
      // With the account's own registration, that makes 5 from this address this hour.
      for (let i = 0; i < 2; i += 1) {
        const more = { ...ACCOUNT, adminEmail: `encore${i}@exemple.fr` };
        expect((await postForm(t, '/portail/creer-un-compte', more)).statusCode).toBe(202);
      }
      const limited = await postForm(t, '/portail/creer-un-compte', {
        ...ACCOUNT,
        adminEmail: 'sixieme@exemple.fr',
      });
      expect([limited.statusCode, limited.headers['retry-after']]).toEqual([429, '3600']);
      expect(limited.body).toContain(
        '<p role="alert" class="alert">Trop de demandes depuis votre adresse réseau : réessayez dans 1 heure.</p>',
      );
      expect(limited.body).toContain('value="sixieme@exemple.fr"');
    });

    it('creates an account; the link page never consumes the token, its form does once with the password', async () => {
      t = await startTestPartner(dialect);
      const created = await postForm(t, '/portail/creer-un-compte', ACCOUNT);
      expect(created.statusCode).toBe(202);
      expect(pageText(created.body)).toContain(
        `Vérifiez votre adresse email Un email a été envoyé à ${ACCOUNT.adminEmail}`,
      );
      expect(pageText(created.body)).toContain(
        'Pour activer le compte client, ouvrez le lien qu’il contient dans les 24 heures et saisissez le mot de passe que vous venez de choisir',
      );
      const mail = await t.inbox.waitForMail((m) => /Confirmez/.test(m.subject));
      const link = new URL(/(http:\/\/\S+verifier-email\?jeton=[\w-]+)/.exec(mail.text)?.[1] ?? '');
      expect(link.pathname).toBe('/portail/verifier-email');

      const early = await postForm(t, '/portail/connexion', {
        email: ACCOUNT.adminEmail,
        password: STRONG_PASSWORD,
      });
      expect(early.statusCode).toBe(403);
      expect(pageText(early.body)).toContain('n’est pas encore confirmée');
      expect(early.body).toContain(`value="${ACCOUNT.adminEmail}"`);
      expect(early.cookies).toHaveLength(0);

      // A mail scanner fetching the link twice leaves it usable.
      for (let i = 0; i < 2; i += 1) {
        const shown = await getPage(t, `${link.pathname}${link.search}`);
        expect(shown.statusCode).toBe(200);
        const text = pageText(shown.body);
        expect(text).toContain(`Pour activer le compte client de ${ACCOUNT.adminEmail}`);
        expect(text).toContain('saisissez le mot de passe choisi lors de sa création.');
        expect(shown.body).toContain('autocomplete="current-password"');
      }
      const token = link.searchParams.get('jeton') ?? '';
      const wrong = await postForm(t, '/portail/verifier-email', {
        jeton: token,
        password: 'pas le bon mot de passe',
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body).toMatch(/id="champ-password-erreur">Mot de passe incorrect/);
      expect(wrong.body).not.toContain('pas le bon mot de passe');
      const confirmed = await postForm(t, '/portail/verifier-email', {
        jeton: token,
        password: STRONG_PASSWORD,
      });
      expect(confirmed.statusCode).toBe(200);
      expect(pageText(confirmed.body)).toContain(
        `Le code confidentiel EDI-TDFC a été envoyé par email à ${ACCOUNT.adminEmail}`,
      );
      expect(confirmed.body).toContain('<a href="/portail/connexion">Se connecter</a>');
      await t.inbox.waitForMail((m) => /code confidentiel/.test(m.subject));

      const again = await postForm(t, '/portail/verifier-email', {
        jeton: token,
        password: STRONG_PASSWORD,
      });
      expect(again.statusCode).toBe(410);
      expect(pageText(again.body)).toContain('Ce lien de confirmation n’est plus valide');
      expect((await getPage(t, `${link.pathname}${link.search}`)).statusCode).toBe(410);
      expect((await getPage(t, '/portail/verifier-email')).statusCode).toBe(410);
    });

    it('signs in with an HttpOnly, SameSite=Lax cookie scoped to /portail; refuses a wrong password in French', async () => {
      t = await startTestPartner(dialect);
      await t.createVerifiedAccount();
      const wrong = await postForm(t, '/portail/connexion', {
        email: ACCOUNT.adminEmail,
        password: 'pas le bon mot de passe',
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.body).toContain(
        '<p role="alert" class="alert">Adresse email ou mot de passe incorrect.</p>',
      );
      expect(wrong.body).not.toContain('pas le bon mot de passe');

      const invalid = await postForm(t, '/portail/connexion', {
        email: 'pas-une-adresse',
        password: 'x',
      });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.body).toContain('aria-describedby="champ-email-erreur"');
      expect(invalid.body).toContain('value="pas-une-adresse"');

      const ok = await postForm(t, '/portail/connexion', {
        email: ACCOUNT.adminEmail.toUpperCase(),
        password: STRONG_PASSWORD,
      });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/portail');
      const setCookie = String(ok.headers['set-cookie']);
      expect(setCookie).toMatch(/^partner_portal=[\w-]+;/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      expect(setCookie).toMatch(/Path=\/portail/);
      expect(setCookie).not.toMatch(/Secure/);
    });

    it('answers a cross-site form post with a French page, not JSON, and serves its stylesheet', async () => {
      t = await startTestPartner(dialect);
      const forged = await t.app.inject({
        method: 'POST',
        url: '/portail/connexion',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://attaquant.example',
        },
        payload: 'email=a%40b.fr&password=x',
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.headers['content-type']).toContain('text/html');
      expect(pageText(forged.body)).toContain('Requête refusée');
      const api = await t.call('POST', '/api/v1/sessions', {
        body: { email: 'a@b.fr', password: 'x' },
        headers: { origin: 'https://attaquant.example' },
      });
      expect(api.json().code).toBe('CSRF_REJECTED');

      const css = await getPage(t, '/portail/style.css');
      expect(css.headers['content-type']).toContain('text/css');
      const page = await getPage(t, '/portail/connexion');
      expect(page.headers['content-security-policy']).toContain("script-src 'none'");
      expect(page.body).not.toMatch(/<script|style=/);
    });
  },
);
