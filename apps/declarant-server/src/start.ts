import type { Logger } from 'pino';
import {
  RateLimiter,
  createLogger,
  databaseTargetFrom,
  loadKeyringFile,
  parseKeyring,
  migrateToLatest,
  openDatabase,
  type DatabaseTarget,
  type Keyring,
} from '@passerelle/server-kit';
import { buildApp } from './app';
import { HttpPartnerClient } from './client-space/partner-client';
import type { DeclarantConfig } from './config';
import type { AppContext } from './context';
import { declarantMigrations } from './db/migrations';
import type { DeclarantDatabase } from './db/schema';

/** A running context: the database is open and migrated. */
export interface OpenedContext {
  ctx: AppContext;
  close(): Promise<void>;
}

/** Opens and migrates the database and assembles the context every route receives. */
export async function openContext(
  config: DeclarantConfig,
  options: { logger?: Logger; target?: DatabaseTarget; now?: () => Date; keyring?: Keyring } = {},
): Promise<OpenedContext> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const target =
    options.target ?? databaseTargetFrom(config.databaseUrl, config.dataDir, 'declarant.sqlite');
  const database = openDatabase<DeclarantDatabase>(target);
  const applied = await migrateToLatest(
    database.db as never,
    database.dialect,
    declarantMigrations,
    database.schema,
  );
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const keyring =
    options.keyring ??
    (config.masterKey
      ? parseKeyring(config.masterKey)
      : loadKeyringFile(config.masterKeyFile, { create: true }));
  const ctx: AppContext = {
    config,
    keyring,
    partner: new HttpPartnerClient(config.partnerUrl, config.partnerTimeoutMs),
    db: database.db,
    dialect: database.dialect,
    logger,
    rateLimiter: new RateLimiter(database.db, options.now),
    now: options.now ?? (() => new Date()),
  };
  return { ctx, close: () => database.close() };
}

export { buildApp };
