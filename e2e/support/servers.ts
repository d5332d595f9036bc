// The servers of a spec file, started as the README starts them, on one dialect's databases:
// the partner with its local inbox and the declarant pointed at both, or the declarant alone.
import { startDeclarant, type DeclarantProcess } from './declarant-process';
import { startPartnerWithInbox, type PartnerProcesses } from './partner-processes';
import { createE2eDatabase, serverDatabases } from './postgres-database';

export type Dialect = 'sqlite' | 'postgres';

/** The partner (with its inbox) and the declarant. */
export interface Servers {
  partner: PartnerProcesses;
  declarant: DeclarantProcess;
  /** The declarant's `DATABASE_URL` (undefined: its SQLite default in its data folder). */
  declarantDatabaseUrl: string | undefined;
  /** Stops both and drops their databases. */
  stop(): Promise<void>;
}

/** Runs `start`, and `stop` if it fails (nothing is left running behind a failed start). */
async function startOrStop<T>(start: () => Promise<T>, stop: () => Promise<void>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Starts the partner with its inbox, then the declarant with `PARTNER_URL` and `SMTP_URL` set to
 * them, on `dialect` (SQLite unless said); `partnerEnv` and `declarantEnv` add variables.
 */
export async function startServers(
  options: {
    dialect?: Dialect;
    partnerEnv?: Record<string, string>;
    declarantEnv?: Record<string, string>;
  } = {},
): Promise<Servers> {
  const databases = await serverDatabases(options.dialect ?? 'sqlite');
  let partner: PartnerProcesses | undefined;
  let declarant: DeclarantProcess | undefined;
  const stop = async () => {
    await declarant?.stop();
    await partner?.stop();
    await databases.drop();
  };
  const declarantEnv = { ...databases.declarantEnv, ...options.declarantEnv };
  return startOrStop(async () => {
    const started = await startPartnerWithInbox({ ...databases.partnerEnv, ...options.partnerEnv });
    partner = started;
    declarant = await startDeclarant({
      PARTNER_URL: started.partnerUrl,
      SMTP_URL: started.smtpUrl,
      ...declarantEnv,
    });
    return { partner: started, declarant, declarantDatabaseUrl: declarantEnv.DATABASE_URL, stop };
  }, stop);
}

/** The declarant alone. */
export interface DeclarantAlone {
  declarant: DeclarantProcess;
  /** Stops it and drops its database. */
  stop(): Promise<void>;
}

/**
 * Starts the declarant without a partner (a closed port: what never calls it works) on
 * `dialect` (SQLite unless said); `env` adds variables.
 */
export async function startDeclarantAlone(
  options: { dialect?: Dialect; env?: Record<string, string> } = {},
): Promise<DeclarantAlone> {
  const database =
    options.dialect === 'postgres' ? await createE2eDatabase('declarant') : undefined;
  let declarant: DeclarantProcess | undefined;
  const stop = async () => {
    await declarant?.stop();
    await database?.drop();
  };
  return startOrStop(async () => {
    declarant = await startDeclarant({
      PARTNER_URL: 'http://127.0.0.1:9',
      ...(database === undefined ? {} : { DATABASE_URL: database.url }),
      ...options.env,
    });
    return { declarant, stop };
  }, stop);
}
