import type { Logger } from 'pino';
import { DictionaryRegistry } from '@passerelle/campaign-packs';
import { createMailer } from '@passerelle/mail';
import {
  RateLimiter,
  createLogger,
  databaseTargetFrom,
  loadKeyring,
  openMigratedDatabase,
  type DatabaseTarget,
  type Keyring,
} from '@passerelle/server-kit';
import { builtInPacks } from '@passerelle/tdfc';
import { buildApp } from './app';
import type { DeclarantConfig } from './config';
import type { AppContext } from './context';
import { declarantMigrations } from './db/migrations';
import type { DeclarantDatabase } from './db/schema';
import { createPartnerGateway } from './partner/partner-gateway';
import { Doorbell } from './sending/doorbell';

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
  const database = await openMigratedDatabase<DeclarantDatabase>(
    target,
    declarantMigrations,
    logger,
  );
  const keyring = options.keyring ?? loadKeyring(config.masterKey, config.masterKeyFile);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const now = options.now ?? (() => new Date());
  const ctx: AppContext = {
    config,
    keyring,
    mailer,
    partner: createPartnerGateway(config, { db: database.db, keyring, logger, now }),
    db: database.db,
    dialect: database.dialect,
    logger,
    rateLimiter: new RateLimiter(database.db, options.now),
    deliveryBell: new Doorbell(),
    dictionaries: new DictionaryRegistry(database.db, { builtIn: builtInPacks(), logger }),
    now,
  };
  return {
    ctx,
    close: async () => {
      mailer.close();
      await database.close();
    },
  };
}

export { buildApp };
