import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { databaseTargetFrom, type DatabaseTarget, type Dialect } from './db/database';
import { openMigratedDatabase, type VersionedMigration } from './db/migrations';
import { createLogger } from './logger';
import { RateLimiter, type RateLimitTable } from './rate-limit.repository';
import { loadKeyring, type Keyring } from './secret-box';
import type { AppServerSettings } from './server-config';

/** What a caller (a test, a command) may give instead of what the configuration says. */
export interface OpenServerOptions {
  logger?: Logger;
  target?: DatabaseTarget;
  now?: () => Date;
  keyring?: Keyring;
}

/** The parts every app server's context holds, opened at start. */
export interface ServerParts<DB, M> {
  db: Kysely<DB>;
  dialect: Dialect;
  logger: Logger;
  rateLimiter: RateLimiter;
  keyring: Keyring;
  mailer: M;
  now: () => Date;
}

/**
 * Opens what every app server's context starts from: the logger, the master keyring, the
 * database (SQLite file `sqliteFile` in DATA_DIR unless DATABASE_URL says otherwise) migrated to
 * `migrations`' latest, the shared rate limiter and the mailer; `close` closes the mailer and
 * the database.
 */
export async function openServerParts<DB extends RateLimitTable, M extends { close(): void }>(
  config: AppServerSettings,
  server: {
    sqliteFile: string;
    migrations: Record<string, VersionedMigration>;
    createMailer: (options: { smtpUrl: string; from: string }) => M;
  },
  options: OpenServerOptions = {},
): Promise<{ parts: ServerParts<DB, M>; close(): Promise<void> }> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  const target =
    options.target ?? databaseTargetFrom(config.databaseUrl, config.dataDir, server.sqliteFile);
  const keyring = options.keyring ?? loadKeyring(config.masterKey, config.masterKeyFile);
  const database = await openMigratedDatabase<DB>(target, server.migrations, logger);
  const mailer = server.createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  return {
    parts: {
      db: database.db,
      dialect: database.dialect,
      logger,
      // DB extends RateLimitTable: the cast only forgets the app's other tables.
      rateLimiter: new RateLimiter(database.db as unknown as Kysely<RateLimitTable>, now),
      keyring,
      mailer,
      now,
    },
    close: async () => {
      mailer.close();
      await database.close();
    },
  };
}
