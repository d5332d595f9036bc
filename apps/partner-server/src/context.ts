import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DictionaryRegistry } from '@passerelle/campaign-packs';
import type { Mailer } from '@passerelle/mail';
import type { Dialect, Keyring, RateLimiter } from '@passerelle/server-kit';
import type { CertificateAuthority } from './ca/ca.service';
import type { ReceiptSigner } from './ca/receipt-signer';
import type { PartnerConfig } from './config';
import type { PartnerDatabase } from './db/schema';

/** What every route and service of the partner receives; tests build their own. */
export interface PartnerContext {
  config: PartnerConfig;
  db: Kysely<PartnerDatabase>;
  dialect: Dialect;
  logger: Logger;
  rateLimiter: RateLimiter;
  keyring: Keyring;
  mailer: Mailer;
  ca: CertificateAuthority;
  /** Signs deposit receipts with a certificate the CA issued for that only. */
  receiptSigner: ReceiptSigner;
  /** The campaign dictionaries the simulated DGFiP checks deposits against (built-in and installed packs). */
  dictionaries: DictionaryRegistry;
  now: () => Date;
}
