import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { openDatabase, type Database, type DatabaseTarget, type Dialect } from './database';

/** A versioned migration that may need to know the dialect (types, identity columns, triggers). */
export interface VersionedMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
  down?(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** Where applied migrations are recorded (in the connection's schema). */
export const MIGRATIONS_TABLE = 'passerelle_migrations';

interface Bookkeeping {
  passerelle_migrations: { name: string; applied_at: string };
  kysely_migration: { name: string; timestamp: string };
}

/**
 * Runs `work` in a transaction that only one migrating process holds at a time on PostgreSQL
 * (a transaction-level advisory lock per schema); SQLite files have one server each.
 */
async function inMigrationLock<T>(
  db: Kysely<Bookkeeping>,
  dialect: Dialect,
  schema: string | undefined,
  work: (tx: Kysely<Bookkeeping>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    if (dialect === 'postgres') {
      const key = `passerelle-migrations:${schema ?? 'default'}`;
      await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(tx);
    }
    return work(tx);
  });
}

/** True when `table` exists where unqualified names resolve (never looks at other schemas). */
async function tableExists(db: Kysely<Bookkeeping>, dialect: Dialect, table: string) {
  const query =
    dialect === 'postgres'
      ? sql<{ found: string | null }>`select to_regclass(${table})::text as found`
      : sql<{
          found: string | null;
        }>`select name as found from sqlite_master where type = 'table' and name = ${table}`;
  const { rows } = await query.execute(db);
  return rows.some((row) => row.found !== null);
}

/**
 * Brings the schema to the latest version. Migrations are named `NNNN-what` and applied in name
 * order, each in its own transaction together with its bookkeeping row, under a lock so that two
 * instances starting at once apply each migration once. Deliberately no introspection of the
 * catalogue: Kysely's own migrator listed the tables of every schema, which failed when another
 * schema was dropped at that moment. Databases first migrated by Kysely's migrator have their
 * `kysely_migration` rows adopted.
 */
export async function migrateToLatest(
  database: Kysely<unknown>,
  dialect: Dialect,
  migrations: Record<string, VersionedMigration>,
  schema?: string,
): Promise<string[]> {
  const db = database as Kysely<Bookkeeping>;
  await inMigrationLock(db, dialect, schema, async (tx) => {
    await tx.schema
      .createTable(MIGRATIONS_TABLE)
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    if (await tableExists(tx, dialect, 'kysely_migration')) {
      await tx
        .insertInto(MIGRATIONS_TABLE)
        .columns(['name', 'applied_at'])
        .expression((eb) =>
          eb
            .selectFrom('kysely_migration')
            .select(['kysely_migration.name', 'timestamp'])
            .where(
              'kysely_migration.name',
              'not in',
              eb.selectFrom(MIGRATIONS_TABLE).select('name'),
            ),
        )
        .execute();
    }
  });
  const applied: string[] = [];
  for (const name of Object.keys(migrations).sort()) {
    const migration = migrations[name];
    if (!migration) continue;
    try {
      const ran = await inMigrationLock(db, dialect, schema, async (tx) => {
        const done = await tx
          .selectFrom(MIGRATIONS_TABLE)
          .select('name')
          .where('name', '=', name)
          .executeTakeFirst();
        if (done) return false;
        await migration.up(tx as Kysely<unknown>, dialect);
        await tx
          .insertInto(MIGRATIONS_TABLE)
          .values({ name, applied_at: new Date().toISOString() })
          .execute();
        return true;
      });
      if (ran) applied.push(name);
    } catch (cause) {
      throw new Error(`La migration de la base de données a échoué (${name}).`, { cause });
    }
  }
  return applied;
}

/** Opens the database and brings its schema to the latest version (logged when anything ran). */
export async function openMigratedDatabase<DB>(
  target: DatabaseTarget,
  migrations: Record<string, VersionedMigration>,
  logger: Logger,
): Promise<Database<DB>> {
  const database = openDatabase<DB>(target);
  const applied = await migrateToLatest(
    database.db as Kysely<unknown>,
    database.dialect,
    migrations,
    database.schema,
  );
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  return database;
}
