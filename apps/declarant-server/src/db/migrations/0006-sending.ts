import { sql, type Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/**
 * Sending (issue #7): batches, transmissions (the exact signed bytes and their stable id, the
 * outbox the delivery worker drains), their history, the status-polling cursor per user, the
 * declaration's latest transmission status, and each user's email preference.
 */
export const migration0006: VersionedMigration = {
  async up(db: Kysely<unknown>, dialect) {
    const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
    await db.schema
      .alterTable('users')
      .addColumn('notify_sending_results', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('declarations').addColumn('transmission_status', 'text').execute();
    await db.schema
      .alterTable('declarations')
      .addColumn('latest_transmission_id', 'text')
      .execute();
    await db.schema
      .createTable('sendings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('transmissions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('sending_id', 'text', (c) => c.notNull().references('sendings.id'))
      .addColumn('declaration_id', 'text', (c) => c.notNull().references('declarations.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('signature_id', 'text', (c) => c.notNull().references('signatures.id'))
      .addColumn('signed_bytes', sql.raw(bytes), (c) => c.notNull())
      .addColumn('body_sha256', 'text', (c) => c.notNull())
      .addColumn('interchange_reference', 'text', (c) => c.notNull())
      .addColumn('test_mode', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('deposit_id', 'text')
      .addColumn('receipt', sql.raw(bytes))
      .addColumn('receipt_received_at', 'text')
      .addColumn('errors', 'text')
      .addColumn('contrl', 'text')
      .addColumn('cr', 'text')
      .addColumn('result_notified_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('transmissions_due')
      .on('transmissions')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createIndex('transmissions_declaration')
      .on('transmissions')
      .columns(['declaration_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('transmissions_sending')
      .on('transmissions')
      .column('sending_id')
      .execute();
    await db.schema
      .createIndex('transmissions_user_status')
      .on('transmissions')
      .columns(['user_id', 'status'])
      .execute();
    await db.schema
      .createTable('transmission_events')
      .addColumn('seq', 'integer', (c) =>
        dialect === 'postgres'
          ? c.primaryKey().generatedAlwaysAsIdentity()
          : c.primaryKey().autoIncrement(),
      )
      .addColumn('transmission_id', 'text', (c) => c.notNull().references('transmissions.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .execute();
    await db.schema
      .createIndex('transmission_events_transmission')
      .on('transmission_events')
      .columns(['transmission_id', 'seq'])
      .execute();
    await db.schema
      .createTable('partner_poll_cursors')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
      .addColumn('updated_since', 'text', (c) => c.notNull())
      .execute();
  },
};
