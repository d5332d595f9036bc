import { sql, type Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/** Dossiers (client companies), their exercises and declarations, and the firm's test mode. */
export const migration0004: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('firms')
      .addColumn('test_mode', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('dossiers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('siren', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('street', 'text')
      .addColumn('complement', 'text')
      .addColumn('postcode', 'text', (c) => c.notNull())
      .addColumn('city', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('regime', 'text', (c) => c.notNull())
      .addColumn('taxation', 'text', (c) => c.notNull().check(sql`taxation in ('IS', 'IR')`))
      .addColumn('rof', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('exercises')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addUniqueConstraint('exercises_dossier_start', ['dossier_id', 'start_date'])
      .execute();
    await db.schema
      .createTable('declarations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
      .addColumn('exercise_id', 'text', (c) => c.notNull().references('exercises.id'))
      .addColumn('millesime', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'ready')`))
      .addColumn('source', 'text', (c) =>
        c.notNull().check(sql`source in ('editor', 'json', 'infent')`),
      )
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('error_count', 'integer', (c) => c.notNull())
      .addColumn('warning_count', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('declarations_dossier')
      .on('declarations')
      .columns(['dossier_id', 'exercise_id'])
      .execute();
  },
};
