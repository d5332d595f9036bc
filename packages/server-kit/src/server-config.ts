import { join, resolve } from 'node:path';
import { z } from 'zod';
import { allowedHostsVar, boolVar, intVar, loadConfig, urlVar } from './config';
import { signInConfigShape, signInLimitsFrom, type SignInLimits } from './sign-in-limits';

/** The variables every Passerelle server reads, with the server's own default port. */
export function serverConfigShape(defaultPort: number) {
  return {
    /** TCP port of the HTTP server. */
    PORT: intVar(defaultPort, 0, 65535),
    /** Interface to listen on; 127.0.0.1 keeps the embedded default private to this machine. */
    HOST: z.string().default('127.0.0.1'),
    /** The URL people open (scheme, host, port); also the only origin allowed to change state. */
    PUBLIC_URL: urlVar().optional(),
    /** Further host names the server answers to (comma-separated); any other Host gets 421. */
    ALLOWED_HOSTS: allowedHostsVar(),
    /** Folder of the SQLite file and other local state. */
    DATA_DIR: z.string().default('./var'),
    /** `postgres://…` for PostgreSQL, `sqlite:<file>`, or unset for a SQLite file in DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(
        /^(postgres(ql)?:\/\/|sqlite:)/,
        'doit commencer par postgres://, postgresql:// ou sqlite:',
      )
      .optional(),
    /** pino level: fatal, error, warn, info, debug, trace, silent. */
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Trust X-Forwarded-* headers (set when behind a reverse proxy that terminates TLS). */
    TRUST_PROXY: boolVar(false),
  };
}

/** The values every server derives from {@link serverConfigShape}. */
export interface ServerSettings {
  port: number;
  host: string;
  publicUrl: string;
  /** Host names served besides PUBLIC_URL's (and loopback), from ALLOWED_HOSTS. */
  allowedHosts: string[];
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: string;
  trustProxy: boolean;
  /** True when the public URL is https: cookies get `Secure` (and `__Host-` where used). */
  secureCookies: boolean;
}

/** Derives the common settings; the public URL defaults to `http://localhost:<PORT>`. */
export function serverSettingsFrom(raw: {
  PORT: number;
  HOST: string;
  PUBLIC_URL?: string | undefined;
  ALLOWED_HOSTS: string[];
  DATA_DIR: string;
  DATABASE_URL?: string | undefined;
  LOG_LEVEL: string;
  TRUST_PROXY: boolean;
}): ServerSettings {
  const publicUrl = raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`;
  return {
    port: raw.PORT,
    host: raw.HOST,
    publicUrl,
    allowedHosts: raw.ALLOWED_HOSTS,
    dataDir: resolve(raw.DATA_DIR),
    databaseUrl: raw.DATABASE_URL,
    logLevel: raw.LOG_LEVEL,
    trustProxy: raw.TRUST_PROXY,
    secureCookies: publicUrl.startsWith('https://'),
  };
}

/** The email variables of a server that sends mail, with its own default sender. */
export function mailConfigShape(defaultFrom: string) {
  return {
    /** `smtp://host:port` or `smtps://user:password@host:465`; the embedded default is the local inbox. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'doit commencer par smtp:// ou smtps://')
      .default('smtp://127.0.0.1:1025'),
    /** The From header of every email sent. */
    MAIL_FROM: z.string().default(defaultFrom),
  };
}

/**
 * The variables of a Passerelle app server (declarant, partner): the common ones, its master
 * keyring, its email, its sign-in limits; with the server's own port and sender.
 */
export function appServerConfigShape(defaultPort: number, defaultMailFrom: string) {
  return {
    ...serverConfigShape(defaultPort),
    /** Master keyring `id=base64;…` (32-byte keys, last = current); unset: a key file in DATA_DIR. */
    MASTER_KEY: z.string().optional(),
    ...mailConfigShape(defaultMailFrom),
    ...signInConfigShape,
  };
}

/** The values every app server derives from {@link appServerConfigShape}. */
export interface AppServerSettings extends ServerSettings {
  masterKey: string | undefined;
  /** Where the master key is kept when MASTER_KEY is unset (created 0600 at first start). */
  masterKeyFile: string;
  smtpUrl: string;
  mailFrom: string;
  signIn: SignInLimits;
}

/** Derives the app server's settings; its master key file is `<DATA_DIR>/<masterKeyFileName>`. */
export function appServerSettingsFrom(
  raw: Parameters<typeof serverSettingsFrom>[0] &
    Parameters<typeof signInLimitsFrom>[0] & {
      MASTER_KEY?: string | undefined;
      SMTP_URL: string;
      MAIL_FROM: string;
    },
  masterKeyFileName: string,
): AppServerSettings {
  const settings = serverSettingsFrom(raw);
  return {
    ...settings,
    masterKey: raw.MASTER_KEY,
    masterKeyFile: join(settings.dataDir, masterKeyFileName),
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    signIn: signInLimitsFrom(raw),
  };
}

/** The variables of an app server as read: the common ones and the server's own `V`. */
export type AppServerVariables<V extends z.ZodRawShape> = Readonly<
  z.output<z.ZodObject<ReturnType<typeof appServerConfigShape> & V>>
>;

/**
 * Reads an app server's configuration once, at start: the common variables
 * ({@link appServerConfigShape}) and the server's own `variables` are loaded and validated
 * together (`loadConfig`: every problem listed in one `ConfigError`), then the common settings
 * ({@link appServerSettingsFrom}) and the server's own values, made by `derive`, are frozen.
 */
export function readAppServerConfig<V extends z.ZodRawShape, C extends object>(
  server: { port: number; mailFrom: string; masterKeyFile: string },
  variables: V,
  derive: (raw: AppServerVariables<V>) => C,
  env: NodeJS.ProcessEnv,
): Readonly<AppServerSettings & C> {
  const raw = loadConfig(
    { ...appServerConfigShape(server.port, server.mailFrom), ...variables },
    env,
  );
  const common = raw as unknown as Parameters<typeof appServerSettingsFrom>[0];
  return Object.freeze({
    ...appServerSettingsFrom(common, server.masterKeyFile),
    ...derive(raw as AppServerVariables<V>),
  });
}

/**
 * Whole numbers separated by commas (`30,7`), each of at most three digits, read as a list
 * without repeats in the order written; `unit` names them in the message (`jours`, `mois`).
 */
export const numberListVar = (defaultValue: string, unit: string) =>
  z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, `liste de nombres de ${unit} séparés par des virgules`)
    .default(defaultValue)
    .transform((value) => [...new Set(value.split(',').map(Number))]);
