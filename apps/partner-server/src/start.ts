import { DictionaryRegistry } from '@passerelle/campaign-packs';
import { createMailer, type Mailer } from '@passerelle/mail';
import { openServerParts, type OpenServerOptions } from '@passerelle/server-kit';
import { builtInPacks } from '@passerelle/tdfc';
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
  options: OpenServerOptions = {},
): Promise<OpenedPartner> {
  const { parts, close } = await openServerParts<PartnerDatabase, Mailer>(
    config,
    { sqliteFile: 'partner.sqlite', migrations: partnerMigrations, createMailer },
    options,
  );
  const { db, keyring, now, logger } = parts;
  const ca = await loadOrCreateCa(db, keyring, config.partnerName, now());
  const receiptSigner = await loadOrCreateReceiptSigner(db, keyring, ca, config.partnerName, now);
  const dictionaries = new DictionaryRegistry(db, { builtIn: builtInPacks(), logger });
  return { ctx: { ...parts, config, ca, receiptSigner, dictionaries }, close };
}
