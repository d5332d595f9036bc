import { DictionaryRegistry } from '@passerelle/campaign-packs';
import { builtInPacks } from '@passerelle/tdfc';
import type { Logger } from 'pino';
import { createMailer } from '@passerelle/mail';
import {
  RateLimiter,
  createLogger,
  databaseTargetFrom,
  loadKeyring,
  openMigratedDatabase,
  type DatabaseTarget,
} from '@passerelle/server-kit';
import { loadOrCreateCa } from './ca/ca.service';
import { loadOrCreateReceiptSigner } from './ca/receipt-signer';
import type { PartnerConfig } from './config';
import type { PartnerContext } from './context';
import { partnerMigrations } from './db/migrations';
import type { PartnerDatabase } from './db/schema';

/** An opened partner context: database migrated, CA loaded, mailer ready. */
export interface OpenedPartner {
  ctx: PartnerContext;
  close(): Promise<void>;
}

/**
 * Opens the database, runs migrations, loads the master key, the CA and the receipt signer,
 * connects the mailer.
 */
export async function openPartnerContext(
  config: PartnerConfig,
  options: { logger?: Logger; target?: DatabaseTarget; now?: () => Date } = {},
): Promise<OpenedPartner> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  const target =
    options.target ?? databaseTargetFrom(config.databaseUrl, config.dataDir, 'partner.sqlite');
  const keyring = loadKeyring(config.masterKey, config.masterKeyFile);
  const database = await openMigratedDatabase<PartnerDatabase>(target, partnerMigrations, logger);
  const ca = await loadOrCreateCa(database.db, keyring, config.partnerName, now());
  const receiptSigner = await loadOrCreateReceiptSigner(
    database.db,
    keyring,
    ca,
    config.partnerName,
    now,
  );
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const ctx: PartnerContext = {
    config,
    db: database.db,
    dialect: database.dialect,
    logger,
    rateLimiter: new RateLimiter(database.db, now),
    keyring,
    mailer,
    ca,
    receiptSigner,
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
