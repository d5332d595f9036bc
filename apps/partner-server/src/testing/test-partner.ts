import type { FastifyInstance } from 'fastify';
import { startTestInbox, type ReceivedMail } from '@passerelle/mail/testing';
import { addKey, formatKeyring } from '@passerelle/server-kit';
import {
  jsonInjector,
  startTestServer,
  type JsonInjector,
  type TestClock,
} from '@passerelle/server-kit/testing';
import { buildPartnerApp } from '../app';
import { readPartnerConfig } from '../config';
import type { PartnerContext } from '../context';
import { runDgfipRound, startDgfipWorker } from '../dgfip/dgfip-worker';
import type { IssuedTokens } from '../sessions/sessions.service';
import { openPartnerContext } from '../start';

export const STRONG_PASSWORD = 'cheval agrafe batterie correcte';
export const ACCOUNT = {
  firmName: 'Cabinet Exemple',
  siret: '73282932000074',
  adminFirstName: 'Alice',
  adminLastName: 'Durand',
  adminEmail: 'alice.durand@cabinet-exemple.fr',
  password: STRONG_PASSWORD,
  passwordConfirmation: STRONG_PASSWORD,
};

/** The real partner app on a scratch database, mailing to a real SMTP inbox on 127.0.0.1. */
export interface TestPartner {
  app: FastifyInstance;
  ctx: PartnerContext;
  clock: TestClock;
  logs: string[];
  /** Mail the partner sent, as received by the SMTP test inbox. */
  inbox: Awaited<ReturnType<typeof startTestInbox>>;
  /** A JSON API request, with a bearer token when given. */
  call: JsonInjector;
  /** Creates the account, confirms its email from the inbox, and returns the emailed code. */
  createVerifiedAccount(overrides?: Partial<typeof ACCOUNT>): Promise<{ code: string }>;
  /** Opens an API session and returns its tokens. */
  signIn(email?: string, password?: string): Promise<IssuedTokens>;
  /** The administrator (bearer `adminToken`) invites `person`; returns the emailed link's token. */
  invite(adminToken: string, person: TestPerson): Promise<string>;
  /** Invites `person` and accepts with {@link PERSON_PASSWORD}; returns the user's id. */
  addPortalUser(adminToken: string, person: TestPerson): Promise<string>;
  /** One round of the simulated DGFiP at the test clock's time; how many deposits it answered. */
  runDgfip(): Promise<number>;
  /** Another instance of the partner on the same database, config, inbox and clock. */
  startInstance(): Promise<TestPartnerInstance>;
  close(): Promise<void>;
}

/** A further partner instance sharing a {@link TestPartner}'s database; closed with it. */
export interface TestPartnerInstance {
  app: FastifyInstance;
  ctx: PartnerContext;
  call: JsonInjector;
}

/** Options of a test partner beyond its environment variables. */
export interface TestPartnerOptions {
  /** Runs the simulated DGFiP worker every DGFIP_POLL_MS, as the real server does (off by default). */
  dgfipWorker?: boolean;
}

/** The confidential code in a code email. */
export function codeIn(mail: ReceivedMail): string {
  const match = /([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no code in: ${mail.text}`);
  return match[1];
}

/** Waits until the inbox holds `count` emails matching `predicate`, and returns them. */
export async function waitForMails(
  inbox: TestPartner['inbox'],
  predicate: (mail: ReceivedMail) => boolean,
  count: number,
): Promise<ReceivedMail[]> {
  const found: ReceivedMail[] = [];
  while (found.length < count) {
    found.push(await inbox.waitForMail((m) => predicate(m) && !found.includes(m)));
  }
  return found;
}

/** The token of the confirmation link in a "Confirmez votre adresse email" email. */
export function verificationTokenIn(mail: ReceivedMail): string {
  const token = /verifier-email\?jeton=([\w-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no confirmation link in: ${mail.text}`);
  return token;
}

/** The token of the link in an "Invitation à l’espace client" email. */
export function invitationTokenIn(mail: ReceivedMail): string {
  const token = /invitation\?jeton=([\w.-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no invitation link in: ${mail.text}`);
  return token;
}

/** A person a test invites as a personal portal user. */
export interface TestPerson {
  email: string;
  firstName: string;
  lastName: string;
}

/** Personal users of the tests (distinct from {@link ACCOUNT}'s administrator). */
export const BRUNO: TestPerson = {
  email: 'bruno.martin@cabinet-exemple.fr',
  firstName: 'Bruno',
  lastName: 'Martin',
};
export const CHLOE: TestPerson = {
  email: 'chloe.petit@cabinet-exemple.fr',
  firstName: 'Chloé',
  lastName: 'Petit',
};
/** The password the test people choose on their invitation page. */
export const PERSON_PASSWORD = 'girafe trombone nuage violet';

/** Starts a test partner; `env` overrides configuration variables. */
export async function startTestPartner(
  dialect: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
  options: TestPartnerOptions = {},
): Promise<TestPartner> {
  const inbox = await startTestInbox();
  const config = readPartnerConfig({
    PUBLIC_URL: 'http://partenaire.test',
    SMTP_URL: inbox.smtpUrl,
    MASTER_KEY: formatKeyring(addKey(undefined)),
    ...env,
  });
  const server = await startTestServer(
    dialect,
    (deps) => openPartnerContext(config, deps),
    buildPartnerApp,
  );
  const { app, ctx, clock, logs } = server;
  const dgfip = options.dgfipWorker ? startDgfipWorker(ctx) : undefined;

  const call = jsonInjector(app);

  const partner: TestPartner = {
    app,
    ctx,
    clock,
    logs,
    inbox,
    call,
    async createVerifiedAccount(overrides = {}) {
      const account = { ...ACCOUNT, ...overrides };
      const created = await call('POST', '/api/v1/accounts', { body: account });
      if (created.statusCode !== 202) throw new Error(`create account: ${created.body}`);
      const token = verificationTokenIn(
        await inbox.waitForMail(
          (m) => m.to.includes(account.adminEmail) && /Confirmez/.test(m.subject),
        ),
      );
      // The address is confirmed with the password chosen at registration, typed again.
      const verified = await call('POST', '/api/v1/accounts/verification', {
        body: { token, password: account.password },
      });
      if (verified.statusCode >= 400) throw new Error(`verify: ${verified.body}`);
      const codeMail = await inbox.waitForMail(
        (m) => m.to.includes(account.adminEmail) && /code confidentiel/.test(m.subject),
      );
      return { code: codeIn(codeMail) };
    },
    async signIn(email = ACCOUNT.adminEmail, password = STRONG_PASSWORD) {
      const response = await call('POST', '/api/v1/sessions', {
        body: { email, password },
      });
      if (response.statusCode !== 201) throw new Error(`sign in: ${response.body}`);
      return response.json<IssuedTokens>();
    },
    async invite(adminToken, person) {
      // Earlier mail is dropped so that an earlier invitation of the person is never read.
      inbox.clear();
      const invited = await call('POST', '/api/v1/accounts/current/users', {
        token: adminToken,
        body: person,
      });
      if (invited.statusCode !== 201) throw new Error(`invite: ${invited.body}`);
      const mail = await inbox.waitForMail(
        (m) => m.to.includes(person.email) && /Invitation/.test(m.subject),
      );
      return invitationTokenIn(mail);
    },
    async addPortalUser(adminToken, person) {
      const token = await partner.invite(adminToken, person);
      const accepted = await call('POST', '/api/v1/portal-invitations/use', {
        body: { token, password: PERSON_PASSWORD, passwordConfirmation: PERSON_PASSWORD },
      });
      if (accepted.statusCode !== 201) throw new Error(`accept: ${accepted.body}`);
      return accepted.json<{ user: { id: string } }>().user.id;
    },
    runDgfip() {
      return runDgfipRound(ctx);
    },
    async startInstance() {
      const other = await server.startInstance();
      return { ...other, call: jsonInjector(other.app) };
    },
    async close() {
      await dgfip?.stop();
      await server.close();
      await inbox.close();
    },
  };
  return partner;
}
