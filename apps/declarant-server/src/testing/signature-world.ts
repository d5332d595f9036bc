import { ACCOUNT, startTestPartner, type TestPartner } from '@passerelle/partner-server/testing';
import type { LightMyRequestResponse } from 'fastify';
import { ADMIN, startTestApp, type TestApp } from './test-app';

/** The portal credentials of the test partner's client account. */
export const PORTAL = { email: ACCOUNT.adminEmail, password: ACCOUNT.password };
/** A signature password the policy accepts (four French words). */
export const SIGNATURE_PASSWORD = 'parapluie mandarine escalier volcan';
export const COLLABORATOR = 'bruno@cabinet-test.fr';

/**
 * A firm ready to create signatures: the real partner listening on 127.0.0.1 (its emails going
 * to a real SMTP inbox, which the declarant shares), a declarant with an administrator and a
 * collaborator signed in and connected to the client space, and the emailed confidential code.
 */
export interface SignatureWorld {
  partner: TestPartner;
  t: TestApp;
  readonly adminCookie: string;
  /** The collaborator's session cookie (renewed by `signInAgain`). */
  readonly cookie: string;
  userId: string;
  /** Signs the collaborator and the administrator in again (after moving the clock past the session's end). */
  signInAgain(): Promise<void>;
  code: string;
  /** The body of "Ajouter une signature" with the right code and password. */
  form(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** Sends "Ajouter une signature" as the collaborator and returns the raw answer. */
  submit(overrides?: Record<string, unknown>): Promise<LightMyRequestResponse>;
  /** Connects the collaborator to the client space again (after a disconnection or a revocation). */
  reconnect(): Promise<void>;
  /** Creates a signature for the collaborator and returns its view. */
  createSignature(overrides?: Record<string, unknown>): Promise<{ id: string; serial: string }>;
  close(): Promise<void>;
}

export async function startSignatureWorld(
  dialect: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
  partnerEnv: Record<string, string> = {},
): Promise<SignatureWorld> {
  const partner = await startTestPartner(dialect, partnerEnv);
  const partnerUrl = await partner.app.listen({ port: 0, host: '127.0.0.1' });
  const t = await startTestApp(dialect, {
    PARTNER_URL: partnerUrl,
    SMTP_URL: partner.inbox.smtpUrl,
    ...env,
  });
  let adminCookie = await t.setupAdmin();
  const { id: userId } = await t.createUser(adminCookie, { email: COLLABORATOR });
  let cookie = await t.signIn(COLLABORATOR);
  const { code } = await partner.createVerifiedAccount();
  const connected = await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
  if (connected.statusCode !== 200) throw new Error(`connect: ${connected.body}`);
  const form = (overrides: Record<string, unknown> = {}) => ({
    confidentialCode: code,
    validityMonths: 12,
    password: SIGNATURE_PASSWORD,
    passwordConfirmation: SIGNATURE_PASSWORD,
    ...overrides,
  });
  return {
    partner,
    t,
    get adminCookie() {
      return adminCookie;
    },
    get cookie() {
      return cookie;
    },
    userId,
    async signInAgain() {
      cookie = await t.signIn(COLLABORATOR);
      adminCookie = await t.signIn(ADMIN.email);
    },
    code,
    form,
    submit(overrides = {}) {
      return t.call('POST', '/api/me/signatures', { cookie, body: form(overrides) });
    },
    async reconnect() {
      const again = await t.call('POST', '/api/me/client-space', { cookie, body: PORTAL });
      if (again.statusCode !== 200) throw new Error(`connect: ${again.body}`);
    },
    async createSignature(overrides = {}) {
      const created = await t.call('POST', '/api/me/signatures', {
        cookie,
        body: form(overrides),
      });
      if (created.statusCode !== 201) throw new Error(`create signature: ${created.body}`);
      return created.json<{ signature: { id: string; serial: string } }>().signature;
    },
    async close() {
      await t.close();
      await partner.close();
    },
  };
}
