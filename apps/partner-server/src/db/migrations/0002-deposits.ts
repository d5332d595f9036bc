import type { Kysely } from 'kysely';
import type { Dialect, VersionedMigration } from '@passerelle/server-kit';

/**
 * Deposits (issue #7): one row per accepted deposit, unique per (account, Idempotency-Key), with
 * the exact body, its verified content and the signed receipt; the simulated DGFiP's lease
 * columns; and the count of refused deposits per account and code (refusals keep no body).
 */
export const migration0002: VersionedMigration = {
  async up(db: Kysely<unknown>, dialect: Dialect) {
    const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
    await db.schema
      .createTable('deposits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('body_sha256', 'text', (c) => c.notNull())
      .addColumn('body_size', 'integer', (c) => c.notNull())
      .addColumn('signer_serial', 'text', (c) => c.notNull())
      .addColumn('signing_time', 'text', (c) => c.notNull())
      .addColumn('interchange_reference', 'text')
      .addColumn('siren', 'text')
      .addColumn('test_indicator', 'integer', (c) => c.notNull())
      .addColumn('history', 'text', (c) => c.notNull())
      .addColumn('errors', 'text', (c) => c.notNull())
      .addColumn('contrl', 'text')
      .addColumn('cr', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'text')
      // The large values last: SQLite then reads the small columns without the overflow pages.
      .addColumn('receipt', bytes, (c) => c.notNull())
      .addColumn('content', bytes, (c) => c.notNull())
      .addColumn('body', bytes, (c) => c.notNull())
      .addUniqueConstraint('deposits_account_key', ['account_id', 'idempotency_key'])
      .execute();
    await db.schema
      .createIndex('deposits_account_updated')
      .on('deposits')
      .columns(['account_id', 'updated_at', 'id'])
      .execute();
    await db.schema
      .createIndex('deposits_status_received')
      .on('deposits')
      .columns(['status', 'received_at'])
      .execute();
    await db.schema
      .createTable('deposit_refusals')
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('deposit_refusals_pk', ['account_id', 'code'])
      .execute();
  },
};
