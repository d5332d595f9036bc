import { afterEach, describe, expect, it } from 'vitest';
import { createOpensslFolder } from '@passerelle/pki/testing';
import { testDialects } from '@passerelle/server-kit/testing';
import { PartnerUnavailableError, type PartnerApi } from '../partner/partner-api';
import { createSignature } from './create-signature.service';
import {
  SIGNATURE_PASSWORD,
  startSignatureWorld,
  type SignatureWorld,
} from '../testing/signature-world';

describe.each(await testDialects())(
  '"Ajouter une signature" with the real partner (%s)',
  (dialect) => {
    let w: SignatureWorld;
    afterEach(async () => {
      await w.close();
    });

    const count = async () =>
      Number(
        (
          await w.t.ctx.db
            .selectFrom('signatures')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('offers the partner policy, issues a certificate the CA vouches for, stores it with a wrapped key', async () => {
      w = await startSignatureWorld(dialect);
      const options = await w.t.call('GET', '/api/me/signature-options', { cookie: w.cookie });
      expect(options.json()).toEqual({
        validityMonths: [12, 24, 36],
        keyTypes: ['ECDSA-P256', 'ECDSA-P384', 'RSA-2048', 'RSA-3072'],
        defaultKeyType: 'ECDSA-P256',
      });

      const created = await w.submit({ validityMonths: 24 });
      expect(created.statusCode).toBe(201);
      const { signature } = created.json();
      expect(signature).toMatchObject({
        userId: w.userId,
        holder: { firstName: 'Bruno', lastName: 'Martin', email: 'bruno@cabinet-test.fr' },
        keyType: 'ECDSA-P256',
        status: 'valid',
        isDefault: true,
        revokedAt: null,
      });
      const months =
        (Date.parse(signature.notAfter) - w.t.clock.now().getTime()) / 86_400_000 / 30.44;
      expect(Math.round(months)).toBe(24);

      const atPartner = await w.partner.ctx.db.selectFrom('signatures').selectAll().execute();
      expect(atPartner.map((row) => row.serial)).toEqual([signature.serial]);
      const [row] = await w.t.ctx.db.selectFrom('signatures').selectAll().execute();
      expect(row!.wrapped_key).toMatch(/^pkw1\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
      expect(row!.certificate_pem).toBe(atPartner[0]!.certificate_pem);

      // openssl: the stored certificate chains to the partner CA and names the holder.
      const ssl = createOpensslFolder();
      try {
        ssl.write('ca.pem', row!.chain_pem);
        ssl.write('cert.pem', row!.certificate_pem);
        const at = String(Math.floor(w.t.clock.now().getTime() / 1000) + 60);
        expect(ssl.ok(['verify', '-attime', at, '-CAfile', 'ca.pem', 'cert.pem'])).toContain('OK');
        expect(ssl.ok(['x509', '-in', 'cert.pem', '-noout', '-subject', '-serial'])).toMatch(
          new RegExp(`CN ?= ?Bruno Martin[\\s\\S]*serial=${signature.serial}`, 'i'),
        );
      } finally {
        ssl.remove();
      }

      const list = (await w.t.call('GET', '/api/me/signatures', { cookie: w.cookie })).json();
      expect(list.items).toEqual([signature]);
      const audit = (await w.t.call('GET', '/api/audit-events', { cookie: w.adminCookie })).json();
      expect(audit.items[0]).toMatchObject({
        action: 'signature.created',
        details: { serial: signature.serial, validityMonths: 24 },
      });
      const notice = await w.partner.inbox.waitForMail((m) => m.text.includes(signature.serial));
      expect(notice.to).toContain('alice.durand@cabinet-exemple.fr');
    });

    it('refuses a weak password, a mismatch and a validity not offered, creating nothing', async () => {
      w = await startSignatureWorld(dialect);
      const post = (body: Record<string, unknown>) => w.submit(body);
      const weak = await post({ password: 'Azerty123456!', passwordConfirmation: 'Azerty123456!' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
      const short = await post({ password: 'court', passwordConfirmation: 'court' });
      expect(short.json()).toMatchObject({
        code: 'VALIDATION_ERROR',
        field: 'password',
        message: 'Le mot de passe doit contenir au moins 12 caractères.',
      });
      const mismatch = await post({ passwordConfirmation: `${SIGNATURE_PASSWORD}!` });
      expect(mismatch.json()).toMatchObject({
        code: 'VALIDATION_ERROR',
        field: 'passwordConfirmation',
        message: 'La confirmation ne correspond pas au mot de passe.',
      });
      const validity = await post({ validityMonths: 7 });
      expect(validity.statusCode).toBe(400);
      expect(validity.json()).toMatchObject({
        code: 'VALIDITY_NOT_ALLOWED',
        field: 'validityMonths',
      });
      expect(validity.json().message).toContain('12 mois, 24 mois, 36 mois');
      const missing = await post({ confidentialCode: '  ' });
      expect(missing.json()).toMatchObject({
        field: 'confidentialCode',
        message: 'Code confidentiel EDI-TDFC obligatoire.',
      });
      expect(await count()).toBe(0);
      expect(await w.partner.ctx.db.selectFrom('signatures').selectAll().execute()).toEqual([]);
    });

    it('passes on the partner’s remaining attempts, then its lock, for wrong codes', async () => {
      w = await startSignatureWorld(dialect);
      const wrong = () => w.submit({ confidentialCode: 'AAAA-BBBB-CCCC-DDDD-EEEE' });
      const first = await wrong();
      expect(first.statusCode).toBe(403);
      expect(first.json()).toEqual({
        code: 'CONFIDENTIAL_CODE_INVALID',
        field: 'confidentialCode',
        message:
          'Code confidentiel EDI-TDFC incorrect : encore 4 essais avant un blocage de 15 minutes.',
      });
      for (let i = 0; i < 3; i += 1) await wrong();
      const fifth = await wrong();
      expect(fifth.json().message).toContain('la saisie du code est bloquée pendant 15 minutes');
      const locked = await w.submit();
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({
        code: 'CONFIDENTIAL_CODE_LOCKED',
        field: 'confidentialCode',
      });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(await count()).toBe(0);
      const audit = (await w.t.call('GET', '/api/audit-events', { cookie: w.adminCookie })).json();
      expect(audit.items[0]).toMatchObject({
        action: 'signature.creation_failed',
        details: { reason: 'CONFIDENTIAL_CODE_LOCKED' },
      });
    });

    it('refuses when not connected, when the portal revoked the session, and when the partner is down', async () => {
      w = await startSignatureWorld(dialect);
      await w.t.call('DELETE', '/api/me/client-space', { cookie: w.cookie });
      const disconnected = await w.submit();
      expect(disconnected.statusCode).toBe(409);
      expect(disconnected.json()).toEqual({
        code: 'CLIENT_SPACE_NOT_CONNECTED',
        message: 'Non connecté : connectez-vous d’abord à l’espace client.',
      });
      const options = await w.t.call('GET', '/api/me/signature-options', { cookie: w.cookie });
      expect(options.json().code).toBe('CLIENT_SPACE_NOT_CONNECTED');

      await w.reconnect();
      await w.partner.ctx.db
        .updateTable('session_families')
        .set({
          revoked_at: w.partner.clock.now().toISOString(),
          revoked_reason: 'revoked_on_portal',
        })
        .execute();
      await w.partner.ctx.db.deleteFrom('access_tokens').execute();
      const revoked = await w.submit();
      expect(revoked.json()).toMatchObject({ code: 'CLIENT_SPACE_NOT_CONNECTED' });
      expect(revoked.json().message).toContain('révoquée');

      await w.reconnect();
      await w.partner.app.close();
      const down = await w.submit();
      expect(down.statusCode).toBe(503);
      expect(down.json().code).toBe('PARTNER_UNAVAILABLE');
      expect(await count()).toBe(0);
    });

    it('revokes the certificate of an issuance whose answer was lost, and stores nothing', async () => {
      w = await startSignatureWorld(dialect);
      const { api } = w.t.ctx.partner;
      // The real partner issues the certificate, but its answer never reaches the declarant.
      w.t.ctx.partner = w.t.ctx.partner.with({
        api: Object.assign(Object.create(api) as PartnerApi, {
          issueSignature: async (...args: Parameters<PartnerApi['issueSignature']>) => {
            await api.issueSignature(...args);
            throw new PartnerUnavailableError(new Error('answer lost'));
          },
        }),
      });
      const lost = await w.submit();
      expect(lost.statusCode).toBe(503);
      expect(lost.json().code).toBe('PARTNER_UNAVAILABLE');
      expect(await count()).toBe(0);
      const atPartner = await w.partner.ctx.db.selectFrom('signatures').selectAll().execute();
      expect(atPartner).toHaveLength(1);
      expect(atPartner[0]!.revoked_at).not.toBeNull();
      expect(atPartner[0]!.revocation_reason).toBe('cessationOfOperation');
    });

    it('answers a double submit once: one signature, the other request told it is under way', async () => {
      w = await startSignatureWorld(dialect);
      const post = () => w.submit();
      const answers = await Promise.all([post(), post()]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.statusCode === 409)!.json().code).toBe('SIGNATURE_IN_PROGRESS');
      expect(await count()).toBe(1);
      expect(await w.partner.ctx.db.selectFrom('signatures').selectAll().execute()).toHaveLength(1);
    });

    it('refuses an inactive user: deactivation ends the session, and sign-in says the account is inactive', async () => {
      w = await startSignatureWorld(dialect);
      await w.t.call('PATCH', `/api/users/${w.userId}/status`, {
        cookie: w.adminCookie,
        body: { status: 'inactive' },
      });
      const refused = await w.submit();
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('ACCOUNT_INACTIVE');
      const signIn = await w.t.call('POST', '/api/session', {
        body: { email: 'bruno@cabinet-test.fr', password: 'cheval agrafe batterie correcte' },
      });
      expect(signIn.json().code).toBe('ACCOUNT_INACTIVE');
      expect(await count()).toBe(0);
    });

    it('refuses an inactive user even when the status changes under a running request', async () => {
      w = await startSignatureWorld(dialect);
      const [user] = await w.t.ctx.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', w.userId)
        .execute();
      const caller = {
        user: { ...user!, status: 'inactive' as const },
        firm: { id: 'f', name: 'Cabinet Test' },
        sessionIdHash: 'x',
      };
      await expect(
        createSignature(
          w.t.ctx,
          caller,
          { ...w.form(), keyType: 'ECDSA-P256' } as never,
          '127.0.0.1',
        ),
      ).rejects.toMatchObject({
        code: 'ACCOUNT_INACTIVE',
        message: 'Seul un utilisateur actif peut créer une signature.',
      });
      expect(await count()).toBe(0);
    });
  },
);
