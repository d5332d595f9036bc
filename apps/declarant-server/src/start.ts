import { DictionaryRegistry } from '@passerelle/campaign-packs';
import { createMailer, type Mailer } from '@passerelle/mail';
import { openServerParts, type OpenServerOptions } from '@passerelle/server-kit';
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
  options: OpenServerOptions = {},
): Promise<OpenedContext> {
  const { parts, close } = await openServerParts<DeclarantDatabase, Mailer>(
    config,
    { sqliteFile: 'declarant.sqlite', migrations: declarantMigrations, createMailer },
    options,
  );
  const ctx: AppContext = {
    ...parts,
    config,
    partner: createPartnerGateway(config, parts),
    deliveryBell: new Doorbell(),
    dictionaries: new DictionaryRegistry(parts.db, {
      builtIn: builtInPacks(),
      logger: parts.logger,
    }),
  };
  return { ctx, close };
}

export { buildApp };
