import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { addKey, formatKeyring } from '@passerelle/server-kit';
import {
  TestClock,
  jsonInjector,
  startTestServer,
  type JsonInjector,
} from '@passerelle/server-kit/testing';
import { buildApp } from '../app';
import { buildUser } from './factories';
import { readDeclarantConfig, type DeclarantConfig } from '../config';
import type { AppContext } from '../context';
import { prepareSetupLink } from '../setup/setup.service';
import { openContext } from '../start';

export { TestClock };

/** A strong password accepted by the policy, for test users. */
export const STRONG_PASSWORD = 'cheval agrafe batterie correcte';
export const ADMIN = {
  firstName: 'Alice',
  lastName: 'Durand',
  email: 'alice.durand@cabinet-test.fr',
};

/** The real declarant app on a scratch database of one dialect, driven by `inject`. */
export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  /** Every log line written during the test, as text. */
  logs: string[];
  /** The SQLite file (and its -wal) on the SQLite dialect, for raw-byte scans. */
  sqliteFile: string | undefined;
  /** A request with JSON body and same-origin headers, like the web UI sends. */
  call: JsonInjector;
  /** Completes first-start setup and returns the administrator's session cookie. */
  setupAdmin(): Promise<string>;
  /** Creates a user through the API and sets their password through the invitation link. */
  createUser(adminCookie: string, user: { email: string; role?: string }): Promise<{ id: string }>;
  /** Signs in and returns the session cookie (`name=value`). */
  signIn(email: string, password?: string): Promise<string>;
  /** Another instance of the app on the same database, config and clock (a second server). */
  startInstance(): Promise<TestInstance>;
  close(): Promise<void>;
}

/** A further app instance sharing a {@link TestApp}'s database; closed with it. */
export interface TestInstance {
  app: FastifyInstance;
  ctx: AppContext;
  call: JsonInjector;
}

/** Builds a test app; `env` overrides configuration variables. */
export async function startTestApp(
  dialect: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
): Promise<TestApp> {
  const config: DeclarantConfig = readDeclarantConfig({
    PUBLIC_URL: 'http://passerelle.test',
    LOG_LEVEL: 'info',
    MASTER_KEY: formatKeyring(addKey(undefined)),
    PARTNER_URL: 'http://127.0.0.1:9',
    PARTNER_TIMEOUT_MS: '2000',
    // No SMTP server listens on port 9: tests that read mail pass their inbox's URL.
    SMTP_URL: 'smtp://127.0.0.1:9',
    ...env,
  });
  const server = await startTestServer(dialect, (deps) => openContext(config, deps), buildApp);
  const { app, ctx, clock, logs, scratch } = server;
  const call = jsonInjector(app, { origin: config.publicUrl });

  const cookieOf = (response: LightMyRequestResponse) => {
    const cookie = response.cookies.find((c) => c.name.endsWith('passerelle_session'));
    if (!cookie)
      throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
    return `${cookie.name}=${cookie.value}`;
  };

  const signIn: TestApp['signIn'] = async (email, password = STRONG_PASSWORD) =>
    cookieOf(await call('POST', '/api/session', { body: { email, password } }));

  return {
    app,
    ctx,
    clock,
    logs,
    sqliteFile: scratch.target.dialect === 'sqlite' ? scratch.target.file : undefined,
    call,
    signIn,
    async setupAdmin() {
      const link = await prepareSetupLink(ctx);
      const token = link?.split('#jeton=')[1];
      const response = await call('POST', '/api/setup', {
        body: {
          token,
          firmName: 'Cabinet Test',
          ...ADMIN,
          password: STRONG_PASSWORD,
          passwordConfirmation: STRONG_PASSWORD,
        },
      });
      return cookieOf(response);
    },
    async createUser(adminCookie, user) {
      const created = await call('POST', '/api/users', {
        cookie: adminCookie,
        body: buildUser(user),
      });
      if (created.statusCode !== 201) throw new Error(`create user: ${created.body}`);
      const { user: view, link } = created.json<{ user: { id: string }; link: { url: string } }>();
      const token = link.url.split('#jeton=')[1];
      const used = await call('POST', '/api/password-tokens/use', {
        body: { token, password: STRONG_PASSWORD, passwordConfirmation: STRONG_PASSWORD },
      });
      if (used.statusCode !== 204) throw new Error(`use link: ${used.body}`);
      return { id: view.id };
    },
    async startInstance() {
      const other = await server.startInstance();
      return { ...other, call: jsonInjector(other.app, { origin: config.publicUrl }) };
    },
    close: server.close,
  };
}
