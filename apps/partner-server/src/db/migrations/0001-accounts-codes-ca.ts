import type { Kysely } from 'kysely';
import { createRateLimitTable, type VersionedMigration } from '@passerelle/server-kit';

/** Client accounts, email verification, confidential codes, API sessions, CA, signatures, CRLs. */
export const migration0001: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('firm_name', 'text', (c) => c.notNull())
      .addColumn('siret', 'text', (c) => c.notNull())
      .addColumn('admin_first_name', 'text', (c) => c.notNull())
      .addColumn('admin_last_name', 'text', (c) => c.notNull())
      .addColumn('admin_email', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('email_verified_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('email_verifications')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('accounts.id').onDelete('cascade'),
      )
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createTable('confidential_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('accounts.id').onDelete('cascade'),
      )
      .addColumn('code_hmac', 'text', (c) => c.notNull())
      .addColumn('sent_to', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('replaced_at', 'text')
      .execute();
    await db.schema
      .createIndex('confidential_codes_account')
      .on('confidential_codes')
      .column('account_id')
      .execute();
    await db.schema
      .createTable('session_families')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) =>
        c.notNull().references('accounts.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_reason', 'text')
      .execute();
    await db.schema
      .createTable('refresh_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('family_id', 'text', (c) =>
        c.notNull().references('session_families.id').onDelete('cascade'),
      )
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createTable('access_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('family_id', 'text', (c) =>
        c.notNull().references('session_families.id').onDelete('cascade'),
      )
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('ca_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('certificate_pem', 'text', (c) => c.notNull())
      .addColumn('private_key_sealed', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('signatures')
      .addColumn('serial', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('holder_first_name', 'text', (c) => c.notNull())
      .addColumn('holder_last_name', 'text', (c) => c.notNull())
      .addColumn('holder_email', 'text', (c) => c.notNull())
      .addColumn('certificate_pem', 'text', (c) => c.notNull())
      .addColumn('not_before', 'text', (c) => c.notNull())
      .addColumn('not_after', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revocation_reason', 'text')
      .execute();
    await db.schema
      .createIndex('signatures_account')
      .on('signatures')
      .column('account_id')
      .execute();
    await db.schema
      .createTable('crls')
      .addColumn('crl_number', 'integer', (c) => c.primaryKey())
      .addColumn('der_base64', 'text', (c) => c.notNull())
      .addColumn('this_update', 'text', (c) => c.notNull())
      .addColumn('next_update', 'text', (c) => c.notNull())
      .execute();
    await createRateLimitTable(db);
  },
};
